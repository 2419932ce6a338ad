import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applicationBadges,
  applicationFiles,
  applications,
  badgeClasses,
  badgeEquivalences,
  badgeIdeas,
  calendarSessions,
  collections,
  devMail,
  labelRequests,
  organisations,
  type PlatformRole,
  partnerRegistrations,
  programmes,
  reviewAssignments,
} from "../src/db/schema";
import type { UserRow } from "../src/modules/auth/auth.repo";
import { insertAuthToken } from "../src/modules/auth/auth.repo";
import { addBadgeIn, createDraftIn } from "../src/modules/catalogue/catalogue.admin.service";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { insertInvitation } from "../src/modules/organisations/organisations.repo";
import { TestClient } from "./support/client";
import {
  addMember,
  buildOrganisation,
  buildUser,
  catalogueBadges,
  PASSWORD,
  sessionCookieFor,
} from "./support/factories";
import { fingerprint } from "./support/fingerprint";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * The access matrix: every API route, tried by every kind of caller, against
 * a CFA ("own" organisation) that some callers belong to and others do not.
 * The expectations are written here, independently of the policy module, and
 * the test fails if a route exists that the table does not cover.
 */
const roles = [
  "anonymous",
  "outsider",
  "cfaMember",
  "cfaAdmin",
  "otherCfaAdmin",
  "reviewer",
  "manager",
  "platformAdmin",
] as const;
type Role = (typeof roles)[number];

type World = {
  platform: TestPlatform;
  cfaId: string;
  users: Record<Exclude<Role, "anonymous">, UserRow>;
  /** A second reviewer with no tie to the CFA, so that panels of two can form. */
  extraReviewerId: string;
};
type Req = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
};
type Case = { request: (w: World) => Promise<Req>; expect: (role: Role) => number };

const everyone = (status: number) => () => status;
const signedIn = (status: number) => (role: Role) => (role === "anonymous" ? 401 : status);
/** Allowed roles get `ok`; roles that cannot see the organisation get 404; others 403. */
const onOwnCfa =
  (
    ok: number,
    allowed: Role[],
    canSee: Role[] = ["cfaMember", "cfaAdmin", "reviewer", "manager", "platformAdmin"],
  ) =>
  (role: Role) =>
    role === "anonymous" ? 401 : allowed.includes(role) ? ok : canSee.includes(role) ? 403 : 404;
const staffOnly = (ok: number, allowed: Role[]) => (role: Role) =>
  role === "anonymous" ? 401 : allowed.includes(role) ? ok : 403;

const managers: Role[] = ["cfaAdmin", "manager", "platformAdmin"];

/**
 * An application of the own CFA: its members and programme managers see it,
 * an assigned reviewer too (`reviewerAssigned`); nobody else, platform admins
 * included (they run accounts, not programmes).
 */
const onOwnApplication =
  (ok: number, allowed: Role[], reviewerAssigned = false) =>
  (role: Role) => {
    const canSee: Role[] = [
      "cfaMember",
      "cfaAdmin",
      "manager",
      ...(reviewerAssigned ? (["reviewer"] as Role[]) : []),
    ];
    return role === "anonymous"
      ? 401
      : allowed.includes(role)
        ? ok
        : canSee.includes(role)
          ? 403
          : 404;
  };

async function firstBadge(w: World) {
  const [badge] = await catalogueBadges(w.platform.ctx);
  return badge!;
}

/** A fresh application of the own CFA in the given state, complete, with the matrix reviewer assigned if asked. */
async function freshApplication(
  w: World,
  state: "draft" | "submitted" | "under_review",
  withReviewer = false,
): Promise<string> {
  const badge = await firstBadge(w);
  const [session] = await w.platform.ctx.db.select().from(calendarSessions).limit(1);
  const [app] = await w.platform.ctx.db
    .insert(applications)
    .values({
      organisationId: w.cfaId,
      badgeClassId: badge.id,
      state,
      answers: Object.fromEntries(
        badge.criteria.map((_, i) => [String(i), { answer: "Oui", links: [] }]),
      ),
      ...(state === "draft" ? {} : { sessionId: session!.id, submittedAt: new Date() }),
    })
    .returning();
  if (withReviewer)
    await w.platform.ctx.db.insert(reviewAssignments).values([
      { applicationId: app!.id, reviewerId: w.users.reviewer.id },
      { applicationId: app!.id, reviewerId: w.extraReviewerId },
    ]);
  return app!.id;
}

async function freshFile(w: World): Promise<{ appId: string; fileId: string }> {
  const appId = await freshApplication(w, "draft");
  const [file] = await w.platform.ctx.db
    .insert(applicationFiles)
    .values({
      applicationId: appId,
      criterion: "0",
      filename: "preuve.pdf",
      contentType: "application/pdf",
      size: 8,
      sha256: "0".repeat(64),
      content: Buffer.from("%PDF-1.4"),
    })
    .returning();
  return { appId, fileId: file!.id };
}

async function freshMember(w: World) {
  const user = await buildUser(w.platform.ctx);
  await addMember(w.platform.ctx, w.cfaId, user.id, "member");
  return user;
}

async function firstBadgeId(w: World): Promise<string> {
  const [badge] = await catalogueBadges(w.platform.ctx);
  return badge!.id;
}

/** A badge freshly awarded to the CFA, so that each caller acts on its own. */
async function freshCredential(w: World): Promise<string> {
  const { credential } = await issueCredential(w.platform.ctx, {
    grantKey: `matrix:${randomUUID()}`,
    badgeClassId: await firstBadgeId(w),
    subjectOrgId: w.cfaId,
    validFrom: new Date(),
  });
  return credential.id;
}

/** The own CFA holds ten badges, the required ones included, and has no pending label request. */
async function labelReadyCfa(w: World) {
  const badges = await catalogueBadges(w.platform.ctx);
  const ten = [...badges.filter((b) => b.required), ...badges.filter((b) => !b.required)].slice(
    0,
    10,
  );
  for (const badge of ten)
    await issueCredential(w.platform.ctx, {
      grantKey: `matrix-label:${badge.id}`,
      badgeClassId: badge.id,
      subjectOrgId: w.cfaId,
      validFrom: new Date(),
    });
  await w.platform.ctx.db
    .delete(labelRequests)
    .where(and(eq(labelRequests.organisationId, w.cfaId), eq(labelRequests.state, "pending")));
}

async function pendingLabelRequest(w: World): Promise<string> {
  await labelReadyCfa(w);
  const [collection] = await w.platform.ctx.db
    .select({ id: collections.id })
    .from(collections)
    .where(eq(collections.inForce, true));
  const [row] = await w.platform.ctx.db
    .insert(labelRequests)
    .values({
      organisationId: w.cfaId,
      collectionId: collection!.id,
      check: { eligible: true, count: 10, total: 10, missingRequired: [], counted: [] },
    })
    .returning();
  return row!.id;
}

/** A registration of the own organisation (as if it were a partner), in the given state. */
async function freshRegistration(
  w: World,
  state: "submitted" | "requalification_proposed" = "submitted",
): Promise<string> {
  const target = { family: "organiser", level: 1, equivalence: "one_for_one" as const };
  const [row] = await w.platform.ctx.db
    .insert(partnerRegistrations)
    .values({
      organisationId: w.cfaId,
      source: "json",
      badgeClassIri: `urn:uuid:${randomUUID()}`,
      name: "Badge partenaire",
      target,
      justification: "Justification",
      state,
      proposal: state === "requalification_proposed" ? { ...target, note: "Proposition" } : null,
    })
    .returning();
  return row!.id;
}

/** Members of the organisation and managers read a registration; nobody else knows it exists. */
const onOwnRegistration =
  (ok: number, allowed: Role[]) =>
  (role: Role): number =>
    role === "anonymous"
      ? 401
      : allowed.includes(role)
        ? ok
        : (["cfaMember", "cfaAdmin", "manager"] as Role[]).includes(role)
          ? 403
          : 404;

/** The label programme's draft (made from the collection in force when there is none). */
async function matrixDraft(w: World): Promise<string> {
  const db = w.platform.ctx.db;
  const [programme] = await db.select().from(programmes).where(eq(programmes.slug, "label-cfa"));
  const [existing] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programme!.id), eq(collections.status, "draft")));
  if (existing) return existing.id;
  const draft = await db.transaction((tx) =>
    createDraftIn(
      tx,
      programme!.id,
      { kind: "system", label: "matrix" },
      {
        version: `m${randomUUID().slice(0, 8)}`,
        name: "Brouillon de la matrice",
      },
    ),
  );
  return draft.id;
}

async function matrixDraftBadge(w: World): Promise<string> {
  const draftId = await matrixDraft(w);
  const badge = await w.platform.ctx.db.transaction((tx) =>
    addBadgeIn(tx, { kind: "system", label: "matrix" }, draftId, {
      slug: `matrice-${randomUUID().slice(0, 8)}`,
      name: "Badge de la matrice",
      recognises: "Test",
      criteria: [{ statement: "Critère", evidence: ["Preuve"] }],
      required: false,
      validityMonths: 12,
      renewalExtra: null,
      alignments: [],
      color: "#1d6b3a",
    }),
  );
  return badge.id;
}

/** A 2018 badge with no successor, and a 2026 one: a pair a manager may link. */
async function equivalencePair(w: World) {
  const db = w.platform.ctx.db;
  const rows = await db
    .select({ id: badgeClasses.id, slug: badgeClasses.slug, version: collections.version })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId));
  const from = rows.find((r) => r.version === "2018" && r.slug === "environnement-numerique")!;
  const to = rows.find((r) => r.version === "2026" && r.slug === "cooperation")!;
  await db.delete(badgeEquivalences).where(eq(badgeEquivalences.fromBadgeId, from.id));
  return { fromBadgeId: from.id, toBadgeId: to.id };
}

const cases: Record<string, Case> = {
  "GET /api/auth/csrf": {
    request: async () => ({ method: "GET", url: "/api/auth/csrf" }),
    expect: everyone(200),
  },
  "GET /api/me": {
    request: async () => ({ method: "GET", url: "/api/me" }),
    expect: signedIn(200),
  },
  "PATCH /api/me": {
    request: async () => ({ method: "PATCH", url: "/api/me", body: { locale: "fr" } }),
    expect: signedIn(200),
  },
  "POST /api/me/password": {
    request: async () => ({
      method: "POST",
      url: "/api/me/password",
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
    expect: signedIn(204),
  },
  "GET /api/me/sessions": {
    request: async () => ({ method: "GET", url: "/api/me/sessions" }),
    expect: signedIn(200),
  },
  "POST /api/auth/sign-in": {
    request: async (w) => {
      const user = await buildUser(w.platform.ctx);
      return {
        method: "POST",
        url: "/api/auth/sign-in",
        body: { email: user.email, password: PASSWORD },
      };
    },
    expect: everyone(200),
  },
  "POST /api/auth/magic-link": {
    request: async () => ({
      method: "POST",
      url: "/api/auth/magic-link",
      body: { email: `someone-${Math.random().toString(36).slice(2)}@test.example` },
    }),
    expect: everyone(202),
  },
  "POST /api/auth/magic-link/consume": {
    request: async (w) => {
      const user = await buildUser(w.platform.ctx);
      const token = await insertAuthToken(w.platform.ctx.db, {
        userId: user.id,
        purpose: "magic_link",
        minutes: 5,
      });
      return { method: "POST", url: "/api/auth/magic-link/consume", body: { token } };
    },
    expect: everyone(200),
  },
  "POST /api/auth/sign-out": {
    request: async () => ({ method: "POST", url: "/api/auth/sign-out" }),
    expect: everyone(204),
  },
  "POST /api/auth/sign-out-everywhere": {
    request: async () => ({ method: "POST", url: "/api/auth/sign-out-everywhere" }),
    expect: signedIn(204),
  },
  "POST /api/auth/password-reset": {
    request: async () => ({
      method: "POST",
      url: "/api/auth/password-reset",
      body: { email: `someone-${Math.random().toString(36).slice(2)}@test.example` },
    }),
    expect: everyone(202),
  },
  "POST /api/auth/password-reset/complete": {
    request: async (w) => {
      const user = await buildUser(w.platform.ctx);
      const token = await insertAuthToken(w.platform.ctx.db, {
        userId: user.id,
        purpose: "password_reset",
        minutes: 5,
      });
      return {
        method: "POST",
        url: "/api/auth/password-reset/complete",
        body: { token, password: "a long new passphrase" },
      };
    },
    expect: everyone(204),
  },
  "POST /api/auth/verify-email": {
    request: async (w) => {
      const user = await buildUser(w.platform.ctx);
      const token = await insertAuthToken(w.platform.ctx.db, {
        userId: user.id,
        purpose: "email_verification",
        minutes: 5,
      });
      return { method: "POST", url: "/api/auth/verify-email", body: { token } };
    },
    expect: everyone(204),
  },
  "POST /api/auth/verify-email/resend": {
    request: async () => ({ method: "POST", url: "/api/auth/verify-email/resend" }),
    expect: signedIn(202),
  },
  "GET /api/organisations": {
    request: async () => ({ method: "GET", url: "/api/organisations" }),
    expect: signedIn(200),
  },
  "POST /api/organisations": {
    request: async () => ({
      method: "POST",
      url: "/api/organisations",
      body: {
        name: "Structure nouvelle",
        kind: "partner",
        contactEmail: "contact@nouvelle.example",
      },
    }),
    expect: staffOnly(201, ["manager", "platformAdmin"]),
  },
  "GET /api/organisations/:id": {
    request: async (w) => ({ method: "GET", url: `/api/organisations/${w.cfaId}` }),
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin", "reviewer", "manager", "platformAdmin"]),
  },
  "PATCH /api/organisations/:id": {
    request: async (w) => ({
      method: "PATCH",
      url: `/api/organisations/${w.cfaId}`,
      body: { city: "Bayeux" },
    }),
    expect: onOwnCfa(200, managers),
  },
  "GET /api/organisations/:id/members": {
    request: async (w) => ({ method: "GET", url: `/api/organisations/${w.cfaId}/members` }),
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin", "manager", "platformAdmin"]),
  },
  "POST /api/organisations/:id/invitations": {
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/invitations`,
      body: { email: `invite-${Math.random().toString(36).slice(2)}@test.example`, role: "member" },
    }),
    expect: onOwnCfa(201, managers),
  },
  "DELETE /api/organisations/:id/invitations/:invitationId": {
    request: async (w) => {
      const { invitation } = await insertInvitation(w.platform.ctx.db, {
        email: `pending-${Math.random().toString(36).slice(2)}@test.example`,
        organisationId: w.cfaId,
        role: "member",
        days: 7,
      });
      return {
        method: "DELETE",
        url: `/api/organisations/${w.cfaId}/invitations/${invitation.id}`,
      };
    },
    expect: onOwnCfa(204, managers),
  },
  "PATCH /api/organisations/:id/members/:userId": {
    request: async (w) => {
      const member = await freshMember(w);
      return {
        method: "PATCH",
        url: `/api/organisations/${w.cfaId}/members/${member.id}`,
        body: { role: "admin" },
      };
    },
    expect: onOwnCfa(200, managers),
  },
  "DELETE /api/organisations/:id/members/:userId": {
    request: async (w) => {
      const member = await freshMember(w);
      return { method: "DELETE", url: `/api/organisations/${w.cfaId}/members/${member.id}` };
    },
    expect: onOwnCfa(204, managers),
  },
  "GET /api/invitations/:token": {
    request: async (w) => {
      const { token } = await insertInvitation(w.platform.ctx.db, {
        email: "look@test.example",
        organisationId: w.cfaId,
        role: "member",
        days: 7,
      });
      return { method: "GET", url: `/api/invitations/${token}` };
    },
    expect: everyone(200),
  },
  "POST /api/invitations/:token/accept": {
    request: async (w) => {
      const { token } = await insertInvitation(w.platform.ctx.db, {
        email: `join-${Math.random().toString(36).slice(2)}@test.example`,
        organisationId: w.cfaId,
        role: "member",
        days: 7,
      });
      return {
        method: "POST",
        url: `/api/invitations/${token}/accept`,
        body: { name: "Nouvelle personne", password: "a long enough passphrase" },
      };
    },
    // Signed in as somebody else, the invitation is refused: it belongs to its address.
    expect: (role) => (role === "anonymous" ? 200 : 409),
  },
  "GET /api/admin/users": {
    request: async () => ({ method: "GET", url: "/api/admin/users" }),
    expect: staffOnly(200, ["platformAdmin"]),
  },
  "PUT /api/admin/users/:id/roles": {
    request: async (w) => {
      const target = await buildUser(w.platform.ctx);
      return {
        method: "PUT",
        url: `/api/admin/users/${target.id}/roles`,
        body: { roles: ["reviewer"] },
      };
    },
    expect: staffOnly(200, ["platformAdmin"]),
  },
  "POST /api/admin/invitations": {
    request: async () => ({
      method: "POST",
      url: "/api/admin/invitations",
      body: { email: "staff@test.example", roles: ["reviewer"] },
    }),
    expect: staffOnly(201, ["platformAdmin"]),
  },
  "GET /api/admin/audit": {
    request: async () => ({ method: "GET", url: "/api/admin/audit" }),
    expect: staffOnly(200, ["manager", "platformAdmin"]),
  },
  "GET /api/public/programmes": {
    request: async () => ({ method: "GET", url: "/api/public/programmes" }),
    expect: everyone(200),
  },
  "GET /api/public/programmes/:slug/badges": {
    request: async () => ({ method: "GET", url: "/api/public/programmes/label-cfa/badges" }),
    expect: everyone(200),
  },
  "GET /api/public/badges/:id": {
    request: async (w) => ({ method: "GET", url: `/api/public/badges/${await firstBadgeId(w)}` }),
    expect: everyone(200),
  },
  "GET /api/public/badges/:id/image.png": {
    request: async (w) => ({
      method: "GET",
      url: `/api/public/badges/${await firstBadgeId(w)}/image.png`,
    }),
    expect: everyone(200),
  },
  "GET /api/public/badges/:id/image.svg": {
    request: async (w) => ({
      method: "GET",
      url: `/api/public/badges/${await firstBadgeId(w)}/image.svg`,
    }),
    expect: everyone(200),
  },
  // Public and stateless: no session, no CSRF token; a non-badge gets a failed report.
  "POST /api/verify": {
    request: async () => ({ method: "POST", url: "/api/verify", body: { hello: "world" } }),
    expect: everyone(200),
  },
  "GET /api/public/credentials/:id": {
    request: async (w) => ({
      method: "GET",
      url: `/api/public/credentials/${await freshCredential(w)}`,
    }),
    expect: everyone(200),
  },
  "GET /api/public/credentials/:id/qr.svg": {
    request: async (w) => ({
      method: "GET",
      url: `/api/public/credentials/${await freshCredential(w)}/qr.svg`,
    }),
    expect: everyone(200),
  },
  "GET /api/organisations/:id/credentials": {
    request: async (w) => ({ method: "GET", url: `/api/organisations/${w.cfaId}/credentials` }),
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin", "reviewer", "manager", "platformAdmin"]),
  },
  "GET /api/organisations/:id/label": {
    request: async (w) => ({ method: "GET", url: `/api/organisations/${w.cfaId}/label` }),
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin", "reviewer", "manager", "platformAdmin"]),
  },
  "POST /api/organisations/:id/label/requests": {
    request: async (w) => {
      await labelReadyCfa(w);
      return { method: "POST", url: `/api/organisations/${w.cfaId}/label/requests`, body: {} };
    },
    expect: onOwnCfa(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/label-requests/:id/withdraw": {
    request: async (w) => ({
      method: "POST",
      url: `/api/label-requests/${await pendingLabelRequest(w)}/withdraw`,
      body: {},
    }),
    expect: onOwnCfa(204, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/label-requests": {
    request: async () => ({ method: "GET", url: "/api/label-requests" }),
    expect: staffOnly(200, ["manager"]),
  },
  "POST /api/label-requests/:id/decision": {
    request: async (w) => ({
      method: "POST",
      url: `/api/label-requests/${await pendingLabelRequest(w)}/decision`,
      body: { decision: "refuse", motivation: "Motif du refus" },
    }),
    expect: staffOnly(204, ["manager"]),
  },
  "GET /api/public/programmes/:slug/collections": {
    request: async () => ({ method: "GET", url: "/api/public/programmes/label-cfa/collections" }),
    expect: everyone(200),
  },
  "GET /api/manage/programmes/:slug/collections": {
    request: async () => ({ method: "GET", url: "/api/manage/programmes/label-cfa/collections" }),
    expect: staffOnly(200, ["manager"]),
  },
  "POST /api/manage/programmes/:slug/draft": {
    request: async (w) => {
      // No draft may exist for a new one to start.
      await w.platform.ctx.db.transaction(async (tx) => {
        const drafts = await tx.select().from(collections).where(eq(collections.status, "draft"));
        for (const d of drafts) {
          await tx.delete(badgeClasses).where(eq(badgeClasses.collectionId, d.id));
          await tx.delete(collections).where(eq(collections.id, d.id));
        }
      });
      return {
        method: "POST",
        url: "/api/manage/programmes/label-cfa/draft",
        body: { version: `v${randomUUID().slice(0, 8)}`, name: "Nouveau brouillon" },
      };
    },
    expect: staffOnly(201, ["manager"]),
  },
  "PATCH /api/manage/collections/:id": {
    request: async (w) => ({
      method: "PATCH",
      url: `/api/manage/collections/${await matrixDraft(w)}`,
      body: { labelTotal: 10 },
    }),
    expect: staffOnly(204, ["manager"]),
  },
  "POST /api/manage/collections/:id/badges": {
    request: async (w) => ({
      method: "POST",
      url: `/api/manage/collections/${await matrixDraft(w)}/badges`,
      body: {
        slug: `ajout-${randomUUID().slice(0, 8)}`,
        name: "Badge ajouté",
        recognises: "Test",
        criteria: [{ statement: "Critère", evidence: ["Preuve"] }],
        required: false,
        validityMonths: 12,
        renewalExtra: null,
        alignments: [],
        color: "#1d6b3a",
      },
    }),
    expect: staffOnly(201, ["manager"]),
  },
  "PATCH /api/manage/badges/:id": {
    request: async (w) => ({
      method: "PATCH",
      url: `/api/manage/badges/${await matrixDraftBadge(w)}`,
      body: { name: "Nouveau nom" },
    }),
    expect: staffOnly(204, ["manager"]),
  },
  "POST /api/manage/badges/:id/move": {
    request: async (w) => ({
      method: "POST",
      url: `/api/manage/badges/${await matrixDraftBadge(w)}/move`,
      body: { direction: "up" },
    }),
    expect: staffOnly(204, ["manager"]),
  },
  "DELETE /api/manage/badges/:id": {
    request: async (w) => ({
      method: "DELETE",
      url: `/api/manage/badges/${await matrixDraftBadge(w)}`,
    }),
    expect: staffOnly(204, ["manager"]),
  },
  "POST /api/manage/collections/:id/publish": {
    // A draft that cannot be published: the manager hears why, nothing changes.
    request: async (w) => {
      const id = await matrixDraft(w);
      await w.platform.ctx.db
        .update(collections)
        .set({ labelTotal: 99 })
        .where(eq(collections.id, id));
      return { method: "POST", url: `/api/manage/collections/${id}/publish`, body: {} };
    },
    expect: staffOnly(400, ["manager"]),
  },
  "DELETE /api/manage/collections/:id": {
    request: async (w) => ({
      method: "DELETE",
      url: `/api/manage/collections/${await matrixDraft(w)}`,
    }),
    expect: staffOnly(204, ["manager"]),
  },
  "GET /api/manage/programmes/:slug/equivalences": {
    request: async () => ({ method: "GET", url: "/api/manage/programmes/label-cfa/equivalences" }),
    expect: staffOnly(200, ["manager"]),
  },
  "POST /api/manage/equivalences": {
    request: async (w) => ({
      method: "POST",
      url: "/api/manage/equivalences",
      body: await equivalencePair(w),
    }),
    expect: staffOnly(201, ["manager"]),
  },
  "DELETE /api/manage/equivalences/:id": {
    request: async (w) => {
      const [row] = await w.platform.ctx.db
        .insert(badgeEquivalences)
        .values(await equivalencePair(w))
        .returning();
      return { method: "DELETE", url: `/api/manage/equivalences/${row!.id}` };
    },
    expect: staffOnly(204, ["manager"]),
  },
  "GET /api/ideas": {
    request: async () => ({ method: "GET", url: "/api/ideas" }),
    expect: signedIn(200),
  },
  "POST /api/organisations/:id/ideas": {
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/ideas`,
      body: { title: "Une idée", description: "Une idée de badge pour le CFA." },
    }),
    expect: onOwnCfa(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/ideas/:id/answer": {
    request: async (w) => {
      const [idea] = await w.platform.ctx.db
        .insert(badgeIdeas)
        .values({ organisationId: w.cfaId, title: "Idée", description: "Une idée de badge." })
        .returning();
      return {
        method: "POST",
        url: `/api/ideas/${idea!.id}/answer`,
        body: { outcome: "answered", answer: "Merci, nous l'étudions." },
      };
    },
    expect: staffOnly(204, ["manager"]),
  },
  "POST /api/partner-badges": {
    // Partners' systems only, with an API key: a session opens nothing here.
    request: async () => ({
      method: "POST",
      url: "/api/partner-badges",
      body: { recipient: { email: "personne@exemple.fr" }, badge: { type: "nothing" } },
    }),
    expect: everyone(401),
  },
  "POST /api/organisations/:id/participations": {
    // The own organisation is a CFA: managers get as far as "not a partner".
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/participations`,
      body: { kind: "participant", validFrom: "2026-01-01T00:00:00.000Z" },
    }),
    expect: staffOnly(400, ["manager"]),
  },
  "POST /api/me/passport": {
    request: async () => ({ method: "POST", url: "/api/me/passport", body: { public: false } }),
    expect: signedIn(204),
  },
  "GET /api/public/people/:slug": {
    request: async () => ({ method: "GET", url: "/api/public/people/personne-inconnue" }),
    expect: everyone(404),
  },
  "GET /api/me/export": {
    request: async () => ({ method: "GET", url: "/api/me/export" }),
    expect: signedIn(200),
  },
  // Confirmed with another address: refused for everyone, so that no account goes.
  "POST /api/me/delete": {
    request: async () => ({
      method: "POST",
      url: "/api/me/delete",
      body: { confirm: "pas-la-bonne-adresse@exemple.fr" },
    }),
    expect: signedIn(400),
  },
  "GET /api/me/partner-badges": {
    request: async () => ({ method: "GET", url: "/api/me/partner-badges" }),
    expect: signedIn(200),
  },
  "POST /api/me/partner-badges": {
    // Anything signed in may hand a badge in; what it is worth is the verifier's word.
    request: async () => ({
      method: "POST",
      url: "/api/me/partner-badges",
      body: { badge: { type: "nothing" } },
    }),
    expect: signedIn(201),
  },
  "POST /api/me/partner-badges/image": {
    request: async () => ({
      method: "POST",
      url: "/api/me/partner-badges/image",
      body: Buffer.from("\x89PNG\r\n\x1a\nnot a badge"),
      headers: { "content-type": "image/png" },
    }),
    expect: signedIn(201),
  },
  "GET /api/competences/targets": {
    request: async () => ({ method: "GET", url: "/api/competences/targets" }),
    expect: everyone(200),
  },
  "GET /api/partner-registrations": {
    request: async () => ({ method: "GET", url: "/api/partner-registrations" }),
    expect: signedIn(200),
  },
  "POST /api/partner-registrations": {
    // The own organisation is a CFA: its members get as far as "not a partner".
    request: async (w) => ({
      method: "POST",
      url: "/api/partner-registrations",
      body: {
        organisationId: w.cfaId,
        source: "json",
        json: '{"type":"BadgeClass","id":"https://p.example/b","name":"B"}',
        target: { family: "organiser", level: 1, equivalence: "one_for_one" },
        justification: "Une justification suffisante.",
      },
    }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/organisations/:id/issuer-proof": {
    // The own organisation is a CFA: its members get as far as "not a partner".
    request: async (w) => ({ method: "GET", url: `/api/organisations/${w.cfaId}/issuer-proof` }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/partner-registrations/:id": {
    request: async (w) => ({
      method: "GET",
      url: `/api/partner-registrations/${await freshRegistration(w)}`,
    }),
    expect: onOwnRegistration(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "POST /api/partner-registrations/:id/decision": {
    request: async (w) => ({
      method: "POST",
      url: `/api/partner-registrations/${await freshRegistration(w)}/decision`,
      body: { decision: "approve", motivation: "Correspondance claire" },
    }),
    expect: staffOnly(200, ["manager"]),
  },
  "POST /api/partner-registrations/:id/proposal": {
    request: async (w) => ({
      method: "POST",
      url: `/api/partner-registrations/${await freshRegistration(w, "requalification_proposed")}/proposal`,
      body: { answer: "accept" },
    }),
    expect: onOwnRegistration(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/partner-registrations/:id/withdraw": {
    request: async (w) => ({
      method: "POST",
      url: `/api/partner-registrations/${await freshRegistration(w)}/withdraw`,
      body: {},
    }),
    expect: onOwnRegistration(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/partner-registrations/:id/messages": {
    request: async (w) => ({
      method: "POST",
      url: `/api/partner-registrations/${await freshRegistration(w)}/messages`,
      body: { body: "Une question" },
    }),
    expect: onOwnRegistration(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  // The own organisation is a CFA: those allowed get as far as "not a partner".
  "GET /api/organisations/:id/api-clients": {
    request: async (w) => ({ method: "GET", url: `/api/organisations/${w.cfaId}/api-clients` }),
    expect: onOwnCfa(400, ["cfaAdmin", "manager"]),
  },
  "POST /api/organisations/:id/api-clients": {
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/api-clients`,
      body: { name: "Clé de test" },
    }),
    expect: onOwnCfa(400, ["cfaAdmin", "manager"]),
  },
  "POST /api/organisations/:id/api-clients/:clientId/revoke": {
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/api-clients/${randomUUID()}/revoke`,
      body: {},
    }),
    expect: onOwnCfa(400, ["cfaAdmin", "manager"]),
  },
  // A participant's own badges: its members only; on a CFA, they get as far as "not a partner".
  "GET /api/organisations/:id/own-badges": {
    request: async (w) => ({ method: "GET", url: `/api/organisations/${w.cfaId}/own-badges` }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/organisations/:id/own-badges": {
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/own-badges`,
      body: {
        name: "Badge de test",
        recognises: "Ce que le badge de test reconnaît.",
        criteria: [{ statement: "Un critère.", evidence: [] }],
        validityMonths: 12,
        color: "#123456",
      },
    }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/organisations/:id/own-badges/:badgeId/awards": {
    request: async (w) => ({
      method: "GET",
      url: `/api/organisations/${w.cfaId}/own-badges/${randomUUID()}/awards`,
    }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/organisations/:id/own-badges/:badgeId/awards": {
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/own-badges/${randomUUID()}/awards`,
      body: { email: "personne@exemple.fr", name: "Une personne" },
    }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/organisations/:id/own-badges/:badgeId/awards/:credentialId/revoke": {
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/own-badges/${randomUUID()}/awards/${randomUUID()}/revoke`,
      body: { reason: "Une raison suffisante." },
    }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/organisations/:id/own-badges/:badgeId/award-batches": {
    request: async (w) => ({
      method: "POST",
      url: `/api/organisations/${w.cfaId}/own-badges/${randomUUID()}/award-batches`,
      body: { csv: "personne@exemple.fr;Une personne" },
    }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/organisations/:id/award-batches/:batchId": {
    request: async (w) => ({
      method: "GET",
      url: `/api/organisations/${w.cfaId}/award-batches/${randomUUID()}`,
    }),
    expect: onOwnCfa(400, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/credentials/:id/accept": {
    request: async (w) => ({
      method: "POST",
      url: `/api/credentials/${await freshCredential(w)}/accept`,
      body: {},
    }),
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/credentials/:id/decline": {
    request: async (w) => ({
      method: "POST",
      url: `/api/credentials/${await freshCredential(w)}/decline`,
      body: {},
    }),
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/credentials/:id/visibility": {
    request: async (w) => ({
      method: "POST",
      url: `/api/credentials/${await freshCredential(w)}/visibility`,
      body: { shown: false },
    }),
    expect: onOwnCfa(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/credentials/:id/revoke": {
    request: async (w) => ({
      method: "POST",
      url: `/api/credentials/${await freshCredential(w)}/revoke`,
      body: { reason: "Motif de la révocation" },
    }),
    expect: onOwnCfa(200, ["manager"]),
  },
  "GET /api/programmes/:slug/sessions": {
    request: async () => ({ method: "GET", url: "/api/programmes/label-cfa/sessions" }),
    expect: everyone(200),
  },
  "GET /api/reviewers": {
    request: async () => ({ method: "GET", url: "/api/reviewers" }),
    expect: staffOnly(200, ["manager"]),
  },
  "GET /api/applications": {
    request: async () => ({ method: "GET", url: "/api/applications" }),
    expect: signedIn(200),
  },
  "POST /api/applications": {
    request: async (w) => {
      // A badge the CFA does not hold (other cases award it the first ones).
      const badge = (await catalogueBadges(w.platform.ctx)).at(-1)!;
      // One open application per badge: clear the way for each caller.
      await w.platform.ctx.db
        .delete(applications)
        .where(
          and(eq(applications.organisationId, w.cfaId), eq(applications.badgeClassId, badge.id)),
        );
      return {
        method: "POST",
        url: "/api/applications",
        body: { organisationId: w.cfaId, badgeClassId: badge.id },
      };
    },
    expect: onOwnCfa(201, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/applications/:id": {
    request: async (w) => ({
      method: "GET",
      url: `/api/applications/${await freshApplication(w, "draft")}`,
    }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "PATCH /api/applications/:id": {
    request: async (w) => ({
      method: "PATCH",
      url: `/api/applications/${await freshApplication(w, "draft")}`,
      body: { answers: { "0": { answer: "Mise à jour", links: [] } } },
    }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/submit": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "draft")}/submit`,
      body: {},
    }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/withdraw": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "draft")}/withdraw`,
      body: {},
    }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/reviewers": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "submitted")}/reviewers`,
      body: { reviewerIds: [w.users.reviewer.id, w.extraReviewerId] },
    }),
    expect: onOwnApplication(200, ["manager"]),
  },
  "POST /api/applications/:id/recuse": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "under_review", true)}/recuse`,
      body: { reason: "J'ai travaillé avec ce CFA l'an dernier." },
    }),
    expect: onOwnApplication(204, ["reviewer"], true),
  },
  "POST /api/applications/:id/review": {
    request: async (w) => {
      const badge = await firstBadge(w);
      return {
        method: "POST",
        url: `/api/applications/${await freshApplication(w, "under_review", true)}/review`,
        body: {
          ratings: Object.fromEntries(badge.criteria.map((_, i) => [String(i), 3])),
          recommendation: "grant",
          comment: "Dossier complet.",
        },
      };
    },
    expect: onOwnApplication(200, ["reviewer"], true),
  },
  "POST /api/applications/:id/reviews/:reviewerId/reopen": {
    request: async (w) => {
      const appId = await freshApplication(w, "under_review", true);
      await w.platform.ctx.db
        .update(reviewAssignments)
        .set({
          state: "submitted",
          recommendation: "grant",
          comment: "Vu.",
          submittedAt: new Date(),
        })
        .where(
          and(
            eq(reviewAssignments.applicationId, appId),
            eq(reviewAssignments.reviewerId, w.users.reviewer.id),
          ),
        );
      return {
        method: "POST",
        url: `/api/applications/${appId}/reviews/${w.users.reviewer.id}/reopen`,
        body: { reason: "De nouvelles pièces sont arrivées." },
      };
    },
    expect: onOwnApplication(200, ["manager"], true),
  },
  "POST /api/applications/:id/decision": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "under_review")}/decision`,
      body: { outcome: "refused", motivation: "Les preuves sont insuffisantes." },
    }),
    expect: onOwnApplication(200, ["manager"]),
  },
  "POST /api/applications/:id/messages": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "draft")}/messages`,
      body: { body: "Une question sur le critère 2." },
    }),
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "POST /api/applications/:id/files": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "draft")}/files?criterion=0`,
      body: Buffer.from("%PDF-1.4\n%%EOF\n"),
      headers: { "content-type": "application/pdf", "x-file-name": "preuve.pdf" },
    }),
    expect: onOwnApplication(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/staff-badges": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "draft")}/staff-badges`,
      body: { criterion: "0", holderName: "Formatrice", text: '{"type":"nothing"}' },
    }),
    expect: onOwnApplication(201, ["cfaMember", "cfaAdmin"]),
  },
  "POST /api/applications/:id/staff-badges/image": {
    request: async (w) => ({
      method: "POST",
      url: `/api/applications/${await freshApplication(w, "draft")}/staff-badges/image?criterion=0&holderName=Formatrice`,
      body: Buffer.from("\x89PNG\r\n\x1a\nnot really"),
      headers: { "content-type": "image/png", "x-file-name": "badge.png" },
    }),
    expect: onOwnApplication(201, ["cfaMember", "cfaAdmin"]),
  },
  "DELETE /api/applications/:id/staff-badges/:badgeId": {
    request: async (w) => {
      const appId = await freshApplication(w, "draft");
      const [row] = await w.platform.ctx.db
        .insert(applicationBadges)
        .values({
          applicationId: appId,
          criterion: "0",
          holderName: "Formatrice",
          source: "text",
          input: "{}",
          verified: false,
          problems: [],
        })
        .returning();
      return { method: "DELETE", url: `/api/applications/${appId}/staff-badges/${row!.id}` };
    },
    expect: onOwnApplication(204, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/applications/:id/files/:fileId": {
    request: async (w) => {
      const { appId, fileId } = await freshFile(w);
      return { method: "GET", url: `/api/applications/${appId}/files/${fileId}` };
    },
    expect: onOwnApplication(200, ["cfaMember", "cfaAdmin", "manager"]),
  },
  "DELETE /api/applications/:id/files/:fileId": {
    request: async (w) => {
      const { appId, fileId } = await freshFile(w);
      return { method: "DELETE", url: `/api/applications/${appId}/files/${fileId}` };
    },
    expect: onOwnApplication(204, ["cfaMember", "cfaAdmin"]),
  },
  "GET /api/public/passports/:slug": {
    request: async (w) => {
      const [org] = await w.platform.ctx.db
        .select()
        .from(organisations)
        .where(eq(organisations.id, w.cfaId));
      return { method: "GET", url: `/api/public/passports/${org!.slug}` };
    },
    expect: everyone(200),
  },
  "GET /api/public/laureates": {
    request: async () => ({ method: "GET", url: "/api/public/laureates" }),
    expect: everyone(200),
  },
  "GET /api/public/statistics": {
    request: async () => ({ method: "GET", url: "/api/public/statistics" }),
    expect: everyone(200),
  },
  "GET /api/public/statistics.csv": {
    request: async () => ({ method: "GET", url: "/api/public/statistics.csv" }),
    expect: everyone(200),
  },
  "GET /api/health": {
    request: async () => ({ method: "GET", url: "/api/health" }),
    expect: everyone(200),
  },
  "GET /api/config": {
    request: async () => ({ method: "GET", url: "/api/config" }),
    expect: everyone(200),
  },
  // Demo mode only (no SMTP): the captured mail is the demo's way to read links.
  "GET /api/dev/mailbox": {
    request: async () => ({ method: "GET", url: "/api/dev/mailbox" }),
    expect: everyone(200),
  },
  "GET /api/dev/mailbox/:id": {
    request: async (w) => {
      const [mail] = await w.platform.ctx.db
        .insert(devMail)
        .values({ to: "a@b.example", subject: "s", text: "t", html: "h" })
        .returning();
      return { method: "GET", url: `/api/dev/mailbox/${mail!.id}` };
    },
    expect: everyone(200),
  },
};

let world: World;

beforeAll(async () => {
  const platform = await createTestPlatform();
  const { ctx } = platform;
  await buildOrganisation(ctx, { name: "Région Matrice", kind: "region" });
  const cfa = await buildOrganisation(ctx, { name: "CFA Matrice" });
  const otherCfa = await buildOrganisation(ctx, { name: "CFA Voisin" });
  const make = (platformRoles: PlatformRole[] = []) => buildUser(ctx, { platformRoles });
  const users = {
    outsider: await make(),
    cfaMember: await make(),
    cfaAdmin: await make(),
    otherCfaAdmin: await make(),
    reviewer: await make(["reviewer"]),
    manager: await make(["programme_manager"]),
    platformAdmin: await make(["platform_admin"]),
  };
  await addMember(ctx, cfa.id, users.cfaMember.id, "member");
  await addMember(ctx, cfa.id, users.cfaAdmin.id, "admin");
  await addMember(ctx, otherCfa.id, users.otherCfaAdmin.id, "admin");
  // The reviewer works at a CFA too, but not this one.
  await addMember(ctx, otherCfa.id, users.reviewer.id, "member");
  const extraReviewer = await make(["reviewer"]);
  const [programme] = await ctx.db
    .select()
    .from(programmes)
    .where(eq(programmes.slug, "label-cfa"));
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  await ctx.db.insert(calendarSessions).values({
    programmeId: programme!.id,
    name: "Session matrice",
    deadline: inDays(30),
    commissionDate: inDays(45),
  });
  world = { platform, cfaId: cfa.id, users, extraReviewerId: extraReviewer.id };
});
afterAll(() => world?.platform.close());

async function clientFor(role: Role): Promise<TestClient> {
  const client = new TestClient(world.platform.app);
  if (role !== "anonymous")
    client.cookies.set(
      "blason_session",
      await sessionCookieFor(world.platform.ctx, world.users[role].id),
    );
  return client;
}

function apiRoutes() {
  return world.platform.app.routeTable
    .filter(
      (r) =>
        r.url.startsWith("/api/") &&
        !r.url.startsWith("/api/docs") &&
        r.url !== "/api/openapi.json",
    )
    .map((r) => `${r.method} ${r.url}`);
}

describe("policy matrix", () => {
  it("covers every API route, and only existing ones", () => {
    const routes = apiRoutes().sort();
    expect(Object.keys(cases).sort()).toEqual(routes);
  });

  for (const [route, testCase] of Object.entries(cases)) {
    it.each(roles.map((role) => [role, testCase.expect(role)] as const))(
      `${route} as %s -> %i`,
      async (role, expected) => {
        const client = await clientFor(role);
        const request = await testCase.request(world);
        const response = await client.request(request);
        expect(response.statusCode, response.body).toBe(expected);
        if (expected === 404) expect(response.json().error.code).toBe("NOT_FOUND");
        if (expected === 403) expect(response.json().error.code).toBe("FORBIDDEN");
      },
    );
  }
});

describe("bad input on every route with a body", () => {
  const garbage: [string, unknown][] = [
    [
      "wrong types",
      {
        email: 42,
        name: ["x"],
        role: "owner",
        roles: "all",
        token: 7,
        password: {},
        kind: "castle",
        locale: "de",
      },
    ],
    ["unknown field", { unexpected: true }],
    ["malformed JSON", '{"email": '],
  ];

  const noBody = new Set([
    "POST /api/auth/sign-out",
    "POST /api/auth/sign-out-everywhere",
    "POST /api/auth/verify-email/resend",
    // Its body is the badge itself, in any form: bad input is answered by a
    // report whose steps say what is wrong (server/test/verify.test.ts).
    "POST /api/verify",
    // Its body is the file itself (tested in server/test/applications.test.ts).
    "POST /api/applications/:id/files",
    "POST /api/applications/:id/staff-badges/image",
    "POST /api/me/partner-badges/image",
  ]);
  const bodyRoutes = Object.keys(cases).filter(
    (route) => /^(POST|PATCH|PUT) /.test(route) && !noBody.has(route),
  );

  it("tries every route that takes a body", () => {
    const withBody = world.platform.app.routeTable
      .filter((r) => r.hasBody && r.url.startsWith("/api/"))
      .map((r) => `${r.method} ${r.url}`);
    expect(bodyRoutes.sort()).toEqual(withBody.sort());
  });

  it.each(
    bodyRoutes.flatMap((route) => garbage.map(([label, body]) => [route, label, body] as const)),
  )("%s with %s: a clear French message, and nothing changes", async (route, _label, body) => {
    const client = await clientFor("platformAdmin");
    const request = await cases[route]!.request(world);
    const before = await fingerprint(world.platform.ctx.db);
    const response = await client.request({ ...request, body });
    expect(response.statusCode, response.body).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.message).toBe("Certaines informations sont invalides.");
    expect(typeof error.requestId).toBe("string");
    expect(await fingerprint(world.platform.ctx.db)).toEqual(before);
  });

  it("a body over the size limit is refused with its own message", async () => {
    const client = await clientFor("platformAdmin");
    const response = await client.request({
      method: "PATCH",
      url: "/api/me",
      body: { name: "x".repeat(1_100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});
