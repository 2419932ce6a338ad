import { buildPairing, endPairingsOf, withdrawMentoringRequests } from "../support/mentoring";
import type { Role, World } from "../support/world";
import { type Cases, onOwnCfa, signedIn, staffOnly } from "./matrix";

/**
 * A pairing of the own CFA (the mentee) with the neighbouring CFA (the
 * mentor, whose staff are otherCfaAdmin and the reviewer): both sides and
 * managers read it; nobody else knows it exists.
 */
const readers: Role[] = ["cfaMember", "cfaAdmin", "otherCfaAdmin", "reviewer", "manager"];
const onPairing = (ok: number, allowed: Role[]) => (role: Role) =>
  role === "anonymous" ? 401 : allowed.includes(role) ? ok : readers.includes(role) ? 403 : 404;

const aPairing =
  (share: { shareProgress?: boolean; shareDrafts?: boolean } = {}) =>
  async (w: World) => ({
    params: {
      id: (
        await buildPairing(w.platform.ctx, { menteeId: w.cfaId, mentorId: w.otherCfa.id, ...share })
      ).id,
    },
  });

/** Mentoring: requests, pairings, the mentee's sharing choice, the thread. */
export const mentoringCases: Cases = {
  "GET /api/mentoring": { expect: signedIn(200) },
  "POST /api/mentoring/requests": {
    request: async (w) => {
      await withdrawMentoringRequests(w.platform.ctx, w.cfaId);
      return { body: { organisationId: w.cfaId, message: "Nous débutons : un parrain ?" } };
    },
    expect: onOwnCfa(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/mentoring/pairings": {
    request: async (w) => {
      await endPairingsOf(w.platform.ctx, w.cfaId);
      return { body: { menteeId: w.cfaId, mentorId: w.otherCfa.id } };
    },
    expect: staffOnly(201, ["manager"]),
  },
  "GET /api/mentoring/pairings/:id": { request: aPairing(), expect: onPairing(200, readers) },
  "PUT /api/mentoring/pairings/:id/sharing": {
    request: async (w) => ({ ...(await aPairing()(w)), body: { progress: true, drafts: false } }),
    expect: onPairing(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/mentoring/pairings/:id/end": {
    request: async (w) => ({ ...(await aPairing()(w)), body: {} }),
    expect: onPairing(204, ["manager"]),
  },
  "POST /api/mentoring/pairings/:id/messages": {
    request: async (w) => ({ ...(await aPairing()(w)), body: { body: "Bonjour" } }),
    expect: onPairing(200, readers),
  },
  // Shared: the mentor's staff read it; managers use the label's own route.
  "GET /api/mentoring/pairings/:id/progress": {
    request: aPairing({ shareProgress: true }),
    expect: onPairing(200, ["cfaMember", "cfaAdmin", "otherCfaAdmin", "reviewer"]),
  },
  // Not shared: the mentor is refused, whatever the page shows.
  "GET /api/mentoring/pairings/:id/drafts": {
    request: aPairing({ shareProgress: true }),
    expect: onPairing(200, ["cfaMember", "cfaAdmin"]),
  },
};
