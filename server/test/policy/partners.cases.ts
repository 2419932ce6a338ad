import { randomUUID } from "node:crypto";
import { buildRegistration } from "../support/partners";
import type { World } from "../support/world";
import {
  type Cases,
  everyone,
  onOwnCfa,
  onOwnRegistration,
  ownCfa,
  signedIn,
  staffOnly,
} from "./matrix";

const aRegistration = async (
  w: World,
  state: "submitted" | "requalification_proposed" = "submitted",
) => ({
  params: { id: (await buildRegistration(w.platform.ctx, { organisationId: w.cfaId, state })).id },
});
/** The own CFA and an own badge that does not exist (the CFA is no partner: nothing gets that far). */
const ownBadge = (w: World) => ({ params: { id: w.cfaId, badgeId: randomUUID() } });
const cfaMembers = onOwnCfa(400, ["cfaMember", "cfaAdmin"]);
const keyHolders = onOwnCfa(400, ["cfaAdmin", "manager"]);

/**
 * Partners: their systems' pushes, registrations of their badges, API keys,
 * their own badges. The own organisation is a CFA: those allowed get as far
 * as "not a partner".
 */
export const partnerCases: Cases = {
  "POST /api/partner-badges": {
    // Partners' systems only, with an API key: a session opens nothing here.
    request: () => ({
      body: { recipient: { email: "personne@exemple.fr" }, badge: { type: "nothing" } },
    }),
    expect: everyone(401),
  },
  "POST /api/organisations/:id/participations": {
    request: (w) => ({
      ...ownCfa(w),
      body: { kind: "participant", validFrom: "2026-01-01T00:00:00.000Z" },
    }),
    expect: staffOnly(400, ["manager"]),
  },
  "GET /api/me/partner-badges": { expect: signedIn(200) },
  "POST /api/me/partner-badges": {
    // Anything signed in may hand a badge in; what it is worth is the verifier's word.
    request: () => ({ body: { badge: { type: "nothing" } } }),
    expect: signedIn(201),
  },
  "POST /api/me/partner-badges/image": {
    request: () => ({
      body: Buffer.from("\x89PNG\r\n\x1a\nnot a badge"),
      headers: { "content-type": "image/png" },
    }),
    expect: signedIn(201),
  },
  "GET /api/partner-registrations": { expect: signedIn(200) },
  "POST /api/partner-registrations": {
    request: (w) => ({
      body: {
        organisationId: w.cfaId,
        source: "json",
        json: '{"type":"BadgeClass","id":"https://p.example/b","name":"B"}',
        target: { family: "organiser", level: 1, equivalence: "one_for_one" },
        justification: "Une justification suffisante.",
      },
    }),
    expect: cfaMembers,
  },
  "GET /api/organisations/:id/issuer-proof": { request: ownCfa, expect: cfaMembers },
  "GET /api/partner-registrations/:id": {
    request: (w) => aRegistration(w),
    expect: onOwnRegistration(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "POST /api/partner-registrations/:id/decision": {
    request: async (w) => ({
      ...(await aRegistration(w)),
      body: { decision: "approve", motivation: "Correspondance claire" },
    }),
    expect: staffOnly(200, ["manager"]),
  },
  "POST /api/partner-registrations/:id/proposal": {
    request: async (w) => ({
      ...(await aRegistration(w, "requalification_proposed")),
      body: { answer: "accept" },
    }),
    expect: onOwnRegistration(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/partner-registrations/:id/withdraw": {
    request: async (w) => ({ ...(await aRegistration(w)), body: {} }),
    expect: onOwnRegistration(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/partner-registrations/:id/messages": {
    request: async (w) => ({ ...(await aRegistration(w)), body: { body: "Une question" } }),
    expect: onOwnRegistration(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "GET /api/organisations/:id/api-clients": { request: ownCfa, expect: keyHolders },
  "POST /api/organisations/:id/api-clients": {
    request: (w) => ({ ...ownCfa(w), body: { name: "Clé de test" } }),
    expect: keyHolders,
  },
  "POST /api/organisations/:id/api-clients/:clientId/revoke": {
    request: (w) => ({ params: { id: w.cfaId, clientId: randomUUID() }, body: {} }),
    expect: keyHolders,
  },
  // A participant's own badges: its members only.
  "GET /api/organisations/:id/own-badges": { request: ownCfa, expect: cfaMembers },
  "POST /api/organisations/:id/own-badges": {
    request: (w) => ({
      ...ownCfa(w),
      body: {
        name: "Badge de test",
        recognises: "Ce que le badge de test reconnaît.",
        criteria: [{ statement: "Un critère.", evidence: [] }],
        validityMonths: 12,
        color: "#123456",
      },
    }),
    expect: cfaMembers,
  },
  "GET /api/organisations/:id/own-badges/:badgeId/awards": {
    request: ownBadge,
    expect: cfaMembers,
  },
  "POST /api/organisations/:id/own-badges/:badgeId/awards": {
    request: (w) => ({
      ...ownBadge(w),
      body: { email: "personne@exemple.fr", name: "Une personne" },
    }),
    expect: cfaMembers,
  },
  "POST /api/organisations/:id/own-badges/:badgeId/awards/:credentialId/revoke": {
    request: (w) => ({
      params: { ...ownBadge(w).params, credentialId: randomUUID() },
      body: { reason: "Une raison suffisante." },
    }),
    expect: cfaMembers,
  },
  "POST /api/organisations/:id/own-badges/:badgeId/award-batches": {
    request: (w) => ({ ...ownBadge(w), body: { csv: "personne@exemple.fr;Une personne" } }),
    expect: cfaMembers,
  },
  "GET /api/organisations/:id/award-batches/:batchId": {
    request: (w) => ({ params: { id: w.cfaId, batchId: randomUUID() } }),
    expect: cfaMembers,
  },
};
