import type { SupportState } from "../../src/db/schema";
import { buildOrganisation } from "../support/factories";
import { buildAdviser, buildSupportRequest } from "../support/support-requests";
import type { Role, World } from "../support/world";
import { type Cases, everyone, onOwnCfa, ownCfa, signedIn, staffOnly } from "./matrix";

/**
 * A request of the own CFA, advised by the neighbouring CFA (whose staff are
 * otherCfaAdmin and the reviewer). Each side gets its status; those outside
 * the request (platform admins too) do not learn it exists.
 */
const bySide =
  (statuses: { asker: number; adviser: number; manager: number }) =>
  (role: Role): number => {
    if (role === "anonymous") return 401;
    if (role === "cfaMember" || role === "cfaAdmin") return statuses.asker;
    if (role === "otherCfaAdmin" || role === "reviewer") return statuses.adviser;
    if (role === "manager") return statuses.manager;
    return 404;
  };

const aRequest =
  (state: SupportState = "open", body?: unknown) =>
  async (w: World) => {
    const request = await buildSupportRequest(w.platform.ctx, {
      organisationId: w.cfaId,
      adviserOrganisationId: w.otherCfa.id,
      state,
    });
    return { params: { id: request.id }, ...(body !== undefined ? { body } : {}) };
  };

const meeting = {
  startsAt: "2027-01-12T10:00:00+01:00",
  place: null,
  videoUrl: "https://visio.example/conseil",
  note: null,
};

/** Support requests between CFAs, and the programme's texts. */
export const supportCases: Cases = {
  "GET /api/organisations/:id/support-adviser": {
    request: ownCfa,
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin"]),
  },
  "PUT /api/organisations/:id/support-adviser": {
    request: (w) => ({
      ...ownCfa(w),
      body: { badges: ["accueil"], themes: [], capacity: 2, active: true },
    }),
    expect: onOwnCfa(204, ["cfaAdmin"]),
  },
  "POST /api/organisations/:id/support-requests": {
    request: (w) => ({
      ...ownCfa(w),
      body: { badges: [], themes: ["handicap"], question: "Comment organiser nos preuves ?" },
    }),
    expect: onOwnCfa(201, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/support/requests": { expect: signedIn(200) },
  "GET /api/support/requests/:id": {
    request: aRequest(),
    expect: bySide({ asker: 200, adviser: 200, manager: 200 }),
  },
  "POST /api/support/requests/:id/messages": {
    request: aRequest("open", { body: "Bonjour, voici nos idées." }),
    expect: bySide({ asker: 204, adviser: 204, manager: 403 }),
  },
  "POST /api/support/requests/:id/meeting": {
    request: aRequest("open", meeting),
    expect: bySide({ asker: 403, adviser: 204, manager: 403 }),
  },
  "POST /api/support/requests/:id/meeting/counter": {
    request: aRequest("meeting_proposed", { ...meeting, place: "Au CFA", videoUrl: null }),
    expect: bySide({ asker: 204, adviser: 403, manager: 403 }),
  },
  "POST /api/support/requests/:id/meeting/accept": {
    request: aRequest("meeting_proposed", {}),
    // The adviser accepts only a counter-proposal: not now.
    expect: bySide({ asker: 204, adviser: 409, manager: 403 }),
  },
  "POST /api/support/requests/:id/close": {
    request: aRequest("open", { feedback: "Merci, très utile." }),
    expect: bySide({ asker: 204, adviser: 403, manager: 403 }),
  },
  "POST /api/support/requests/:id/reassign": {
    request: async (w) => {
      const third = await buildOrganisation(w.platform.ctx, { name: "CFA Tiers" });
      await buildAdviser(w.platform.ctx, third.id);
      return aRequest("open", { adviserOrganisationId: third.id })(w);
    },
    expect: bySide({ asker: 403, adviser: 403, manager: 204 }),
  },
  "GET /api/support/advisers": { expect: staffOnly(200, ["manager"]) },
  "GET /api/support/figures": { expect: staffOnly(200, ["manager"]) },
  "GET /api/public/programme-texts": { expect: everyone(200) },
  "PUT /api/programme-texts/:key": {
    request: () => ({
      params: { key: "label_mailbox" },
      body: { fr: "label@region.example", en: "label@region.example" },
    }),
    expect: staffOnly(204, ["manager"]),
  },
};
