import { buildLabelRequest, holdLabelBadges } from "../support/credentials";
import type { World } from "../support/world";
import { type Cases, onOwnCfa, ownCfa, staffOnly } from "./matrix";

const aPendingRequest = async (w: World) => ({
  params: { id: (await buildLabelRequest(w.platform.ctx, { organisationId: w.cfaId })).id },
});

/** The label: a CFA's standing, its requests and their decision. */
export const labelCases: Cases = {
  "GET /api/organisations/:id/label": {
    request: ownCfa,
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin", "reviewer", "manager", "platformAdmin"]),
  },
  "POST /api/organisations/:id/label/requests": {
    request: async (w) => {
      await holdLabelBadges(w.platform.ctx, { organisationId: w.cfaId });
      return { ...ownCfa(w), body: {} };
    },
    expect: onOwnCfa(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/label-requests/:id/withdraw": {
    request: async (w) => ({ ...(await aPendingRequest(w)), body: {} }),
    expect: onOwnCfa(204, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/label-requests": { expect: staffOnly(200, ["manager"]) },
  "POST /api/label-requests/:id/decision": {
    request: async (w) => ({
      ...(await aPendingRequest(w)),
      body: { decision: "refuse", motivation: "Motif du refus" },
    }),
    expect: staffOnly(204, ["manager"]),
  },
};
