import { buildEndorsement } from "../support/endorsements";
import { catalogueBadges } from "../support/factories";
import type { Role, World } from "../support/world";
import { type Cases, everyone, signedIn, staffOnly } from "./matrix";

/** The own CFA endorses: its staff and managers see it; anyone else is told it does not exist. */
const onOwnEndorsement =
  (ok: number, allowed: Role[]) =>
  (role: Role): number =>
    role === "anonymous"
      ? 401
      : allowed.includes(role)
        ? ok
        : (["cfaMember", "cfaAdmin", "manager"] as Role[]).includes(role)
          ? 403
          : 404;

const ofOwnCfa = async (w: World, state: "invited" | "published" = "invited") => ({
  params: { id: (await buildEndorsement(w.platform.ctx, { endorserOrgId: w.cfaId, state })).id },
});
const external = async (w: World, state: "invited" | "published") => ({
  params: { token: (await buildEndorsement(w.platform.ctx, { state })).token },
});

/** Endorsements: managers invite, the endorser signs or uploads, either withdraws. */
export const endorsementCases: Cases = {
  "POST /api/endorsements": {
    request: async (w) => {
      const [badge] = await catalogueBadges(w.platform.ctx);
      return {
        body: {
          target: "badge_class",
          badgeClassId: badge!.id,
          endorser: { organisationId: w.cfaId },
        },
      };
    },
    expect: staffOnly(201, ["manager"]),
  },
  "GET /api/endorsements": { expect: signedIn(200) },
  "GET /api/endorsements/:id": {
    request: (w) => ofOwnCfa(w),
    expect: onOwnEndorsement(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "POST /api/endorsements/:id/sign": {
    request: async (w) => ({
      ...(await ofOwnCfa(w)),
      body: { statement: "Notre structure reconnaît ce badge." },
    }),
    expect: onOwnEndorsement(204, ["cfaAdmin"]),
  },
  "POST /api/endorsements/:id/withdraw": {
    request: async (w) => ({ ...(await ofOwnCfa(w, "published")), body: {} }),
    expect: onOwnEndorsement(204, ["cfaAdmin", "manager"]),
  },
  // The invitation link is the external endorser's credential: whoever holds it acts.
  "GET /api/endorsement-invitations/:token": {
    request: (w) => external(w, "invited"),
    expect: everyone(200),
  },
  "POST /api/endorsement-invitations/:token/upload": {
    request: async (w) => ({
      ...(await external(w, "invited")),
      body: { document: { type: ["VerifiableCredential", "EndorsementCredential"] } },
    }),
    expect: everyone(400),
  },
  "POST /api/endorsement-invitations/:token/withdraw": {
    request: async (w) => ({ ...(await external(w, "published")), body: {} }),
    expect: everyone(204),
  },
};
