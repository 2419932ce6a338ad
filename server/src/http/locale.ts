import type { FastifyRequest } from "fastify";
import type { Locale } from "../errors";

/** The UI sends the chosen language; anything not English is answered in French. */
export function requestLocale(request: Pick<FastifyRequest, "headers">): Locale {
  const header = request.headers["accept-language"];
  return typeof header === "string" && /^en\b/i.test(header.trim()) ? "en" : "fr";
}
