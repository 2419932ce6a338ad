/** The constraint a unique violation hit, whatever the driver (pg or PGlite, wrapped by Drizzle). */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (candidate.code === "23505")
      return typeof candidate.constraint === "string" ? candidate.constraint : "";
    e = candidate.cause;
  }
  return undefined;
}
