import { insertInvitation } from "../../src/modules/organisations/organisations.repo";
import { addMember, buildUser } from "../support/factories";
import type { World } from "../support/world";
import { type Cases, everyone, managers, onOwnCfa, ownCfa, signedIn, staffOnly } from "./matrix";

const random = () => Math.random().toString(36).slice(2);

/** An invitation to join the own CFA as a member, for a week. */
const invitation = (w: World, email: string) =>
  insertInvitation(w.platform.ctx.db, { email, organisationId: w.cfaId, role: "member", days: 7 });

/** A fresh member of the own CFA: its id and the CFA's, as route params. */
async function freshMember(w: World) {
  const user = await buildUser(w.platform.ctx);
  await addMember(w.platform.ctx, w.cfaId, user.id, "member");
  return { params: { id: w.cfaId, userId: user.id } };
}

/** Organisations, their members and invitations, and the platform's accounts. */
export const organisationCases: Cases = {
  "GET /api/organisations": { expect: signedIn(200) },
  "POST /api/organisations": {
    request: () => ({
      body: {
        name: "Structure nouvelle",
        kind: "partner",
        contactEmail: "contact@nouvelle.example",
      },
    }),
    expect: staffOnly(201, ["manager", "platformAdmin"]),
  },
  "GET /api/organisations/:id": {
    request: ownCfa,
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin", "reviewer", "manager", "platformAdmin"]),
  },
  "PATCH /api/organisations/:id": {
    request: (w) => ({ ...ownCfa(w), body: { city: "Bayeux" } }),
    expect: onOwnCfa(200, managers),
  },
  "GET /api/organisations/:id/members": {
    request: ownCfa,
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin", "manager", "platformAdmin"]),
  },
  "POST /api/organisations/:id/invitations": {
    request: (w) => ({
      ...ownCfa(w),
      body: { email: `invite-${random()}@test.example`, role: "member" },
    }),
    expect: onOwnCfa(201, managers),
  },
  "DELETE /api/organisations/:id/invitations/:invitationId": {
    request: async (w) => {
      const pending = await invitation(w, `pending-${random()}@test.example`);
      return { params: { id: w.cfaId, invitationId: pending.invitation.id } };
    },
    expect: onOwnCfa(204, managers),
  },
  "PATCH /api/organisations/:id/members/:userId": {
    request: async (w) => ({ ...(await freshMember(w)), body: { role: "admin" } }),
    expect: onOwnCfa(200, managers),
  },
  "DELETE /api/organisations/:id/members/:userId": {
    request: freshMember,
    expect: onOwnCfa(204, managers),
  },
  "GET /api/invitations/:token": {
    request: async (w) => ({
      params: { token: (await invitation(w, "look@test.example")).token },
    }),
    expect: everyone(200),
  },
  "POST /api/invitations/:token/accept": {
    request: async (w) => ({
      params: { token: (await invitation(w, `join-${random()}@test.example`)).token },
      body: { name: "Nouvelle personne", password: "a long enough passphrase" },
    }),
    // Signed in as somebody else, the invitation is refused: it belongs to its address.
    expect: (role) => (role === "anonymous" ? 200 : 409),
  },
  "GET /api/admin/users": { expect: staffOnly(200, ["platformAdmin"]) },
  "PUT /api/admin/users/:id/roles": {
    request: async (w) => ({
      params: { id: (await buildUser(w.platform.ctx)).id },
      body: { roles: ["reviewer"] },
    }),
    expect: staffOnly(200, ["platformAdmin"]),
  },
  "POST /api/admin/invitations": {
    request: () => ({ body: { email: "staff@test.example", roles: ["reviewer"] } }),
    expect: staffOnly(201, ["platformAdmin"]),
  },
  "GET /api/admin/audit": { expect: staffOnly(200, ["manager", "platformAdmin"]) },
};
