import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../src/context";
import type { MemberRole, OrgKind, PlatformRole } from "../../src/db/schema";
import { insertSession, insertUser } from "../../src/modules/auth/auth.repo";
import { hashPassword } from "../../src/modules/auth/passwords";
import { badgesInForce } from "../../src/modules/catalogue/catalogue.repo";
import { demoSiret, demoUai } from "../../src/modules/demo/seed";
import {
  insertOrganisation,
  upsertMembership,
} from "../../src/modules/organisations/organisations.repo";
import { TestClient } from "./client";

export const PASSWORD = "correct horse battery staple";
let counter = 0;
let cachedHash: Promise<string> | undefined;

export async function buildUser(
  ctx: AppContext,
  overrides: {
    email?: string;
    name?: string;
    platformRoles?: PlatformRole[];
    locale?: "fr" | "en";
  } = {},
) {
  counter++;
  cachedHash ??= hashPassword(PASSWORD);
  return insertUser(ctx.db, {
    email: overrides.email ?? `user${counter}-${randomUUID().slice(0, 8)}@test.example`,
    name: overrides.name ?? `Utilisatrice ${counter}`,
    passwordHash: await cachedHash,
    platformRoles: overrides.platformRoles ?? [],
    locale: overrides.locale ?? "fr",
    emailVerifiedAt: new Date(),
  });
}

export async function buildOrganisation(
  ctx: AppContext,
  overrides: {
    name?: string;
    kind?: OrgKind;
    parentId?: string | null;
    withIdentifiers?: boolean;
  } = {},
) {
  counter++;
  const kind = overrides.kind ?? "cfa";
  const seed = 1000 + counter;
  return insertOrganisation(ctx.db, {
    slug: `org-${counter}-${randomUUID().slice(0, 8)}`,
    name: overrides.name ?? `CFA de test ${counter}`,
    kind,
    parentId: overrides.parentId ?? null,
    siret: overrides.withIdentifiers === false || kind === "ufa" ? null : demoSiret(seed),
    uai:
      overrides.withIdentifiers === false || kind === "partner" || kind === "region"
        ? null
        : demoUai(seed),
    contactEmail: `contact${counter}@org.example`,
    city: "Caen",
  });
}

export async function addMember(
  ctx: AppContext,
  organisationId: string,
  userId: string,
  role: MemberRole = "member",
) {
  await upsertMembership(ctx.db, organisationId, userId, role);
}

/** A live session for the user without going through the password check. */
export async function sessionCookieFor(ctx: AppContext, userId: string): Promise<string> {
  return insertSession(ctx.db, { userId, days: 1 });
}

/** A client of the platform's API signed in as the user. */
export async function signedInClient(
  platform: { app: FastifyInstance; ctx: AppContext },
  userId: string,
): Promise<TestClient> {
  const client = new TestClient(platform.app);
  client.cookies.set("blason_session", await sessionCookieFor(platform.ctx, userId));
  return client;
}

/** The badges of the label collection in force, in catalogue order (never the label itself). */
export function catalogueBadges(ctx: AppContext) {
  return badgesInForce(ctx.db, "label-cfa");
}
