import Piscina from "piscina";
import { MIN_PASSWORD_LENGTH, type PasswordProblem } from "./password-rules";

/**
 * zxcvbn's matching costs tens to hundreds of milliseconds on a long or
 * l33t-heavy password (it tries every substitution): too long for the HTTP
 * thread. The check runs in one worker thread of its own, started on first
 * use and stopped when idle, with a time budget: a password whose analysis
 * runs past it has so many substitutions that it is accepted (it already has
 * 12 characters or more).
 */
const BUDGET_MS = 5_000;
let pool: Piscina | undefined;

export async function checkPassword(
  password: string,
  personal: readonly (string | null | undefined)[] = [],
): Promise<PasswordProblem | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "too_short";
  pool ??= new Piscina({
    filename: new URL("./password-worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
  });
  try {
    return (await pool.run(
      { password, personal: personal.filter((p): p is string => typeof p === "string") },
      { signal: AbortSignal.timeout(BUDGET_MS) },
    )) as PasswordProblem | null;
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") return null;
    throw error;
  }
}

/** Stops the thread (tests and the CLI end without waiting for its idle timeout). */
export async function closePasswordChecks() {
  const running = pool;
  pool = undefined;
  await running?.destroy();
}
