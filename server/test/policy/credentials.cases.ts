import { buildCredential } from "../support/credentials";
import type { World } from "../support/world";
import { type Cases, everyone, onOwnCfa, ownCfa } from "./matrix";

/** A badge freshly awarded to the own CFA, so that each caller acts on its own. */
const aCredential = async (w: World) => ({
  params: { id: (await buildCredential(w.platform.ctx, { organisationId: w.cfaId })).id },
});
const withEmptyBody = async (w: World) => ({ ...(await aCredential(w)), body: {} });

/** Badges awarded: their public pages, their holders' answers, their revocation; verification. */
export const credentialCases: Cases = {
  // Public and stateless: no session, no CSRF token; a non-badge gets a failed report.
  "POST /api/verify": { request: () => ({ body: { hello: "world" } }), expect: everyone(200) },
  "GET /api/public/credentials/:id": { request: aCredential, expect: everyone(200) },
  "GET /api/public/credentials/:id/qr.svg": { request: aCredential, expect: everyone(200) },
  "GET /api/organisations/:id/credentials": {
    request: ownCfa,
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin", "reviewer", "manager", "platformAdmin"]),
  },
  "POST /api/credentials/:id/accept": {
    request: withEmptyBody,
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/credentials/:id/decline": {
    request: withEmptyBody,
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/credentials/:id/visibility": {
    request: async (w) => ({ ...(await aCredential(w)), body: { shown: false } }),
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/credentials/:id/revoke": {
    request: async (w) => ({
      ...(await aCredential(w)),
      body: { reason: "Motif de la révocation" },
    }),
    expect: onOwnCfa(200, ["manager"]),
  },
};
