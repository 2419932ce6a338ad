import type { FastifyReply } from "fastify";

/**
 * A public image or credential document: any site may show it or read it (the
 * "embed on your site" snippet, a CFA's own page, a wallet or a verifier
 * elsewhere). Helmet answers everything else with
 * Cross-Origin-Resource-Policy: same-origin, which blocks another site's <img>.
 */
export function shareAcrossOrigins(reply: FastifyReply): FastifyReply {
  return reply
    .header("cross-origin-resource-policy", "cross-origin")
    .header("access-control-allow-origin", "*");
}
