import type { FastifyReply, FastifyRequest } from "fastify";
import { shareAcrossOrigins } from "../../http/cross-origin";

export const LD_JSON = "application/ld+json";

/** JSON for programs (ld+json or json preferred over HTML), the page for people. */
export function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? "";
  if (!/application\/(ld\+)?json/.test(accept)) return false;
  const html = accept.indexOf("text/html");
  return html === -1 || accept.search(/application\/(ld\+)?json/) < html;
}

/** Public documents change on revocation: short caching, revalidated by ETag. */
export const documentHeaders = (reply: FastifyReply) =>
  shareAcrossOrigins(reply.header("cache-control", "public, max-age=30"));
