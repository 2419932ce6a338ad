import { randomUUID } from "node:crypto";
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import type { AppContext } from "../../src/context";
import {
  badgeClasses,
  collections,
  type MemberRole,
  type OrgKind,
  type PlatformRole,
  programmes,
} from "../../src/db/schema";
import { insertSession, insertUser } from "../../src/modules/auth/auth.repo";
import { hashPassword } from "../../src/modules/auth/passwords";
import { demoSiret, demoUai } from "../../src/modules/demo/seed";
import {
  insertOrganisation,
  upsertMembership,
} from "../../src/modules/organisations/organisations.repo";

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

/** The badges of the label collection in force, in catalogue order (never the label itself). */
export async function catalogueBadges(ctx: AppContext) {
  return ctx.db
    .select(getTableColumns(badgeClasses))
    .from(badgeClasses)
    .innerJoin(
      collections,
      and(eq(collections.id, badgeClasses.collectionId), eq(collections.inForce, true)),
    )
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(and(eq(badgeClasses.kind, "badge"), eq(programmes.slug, "label-cfa")))
    .orderBy(asc(badgeClasses.position));
}

/**
 * A stand-in for the regional competence badges (4 families x 2 levels and
 * the general badge), for tests that need targets before the catalogue seeds
 * them. Idempotent.
 */
export async function regionalBadgesForTests(ctx: AppContext) {
  const [existing] = await ctx.db
    .select()
    .from(programmes)
    .where(eq(programmes.slug, "competences"));
  if (existing) return;
  const [programme] = await ctx.db
    .insert(programmes)
    .values({ slug: "competences", name: "Compétences (test)", description: "Test" })
    .returning();
  const [collection] = await ctx.db
    .insert(collections)
    .values({
      programmeId: programme!.id,
      version: "test",
      name: "Badges régionaux (test)",
      labelTotal: 1,
      inForce: true,
    })
    .returning();
  const families = ["organiser", "s-adapter", "communiquer", "s-integrer"];
  const rows = families.flatMap((family, f) =>
    [1, 2].map((level) => ({
      collectionId: collection!.id,
      slug: `${family}-${level}`,
      name: `${family} niveau ${level}`,
      recognises: "Test",
      criteria: [{ statement: "Test", evidence: ["Badges partenaires"] }],
      required: false,
      validityMonths: 36,
      alignments: [],
      color: "#1f3a8a",
      position: f * 2 + level,
      rule: { kind: "level", family, level },
    })),
  );
  await ctx.db.insert(badgeClasses).values([
    ...rows,
    {
      collectionId: collection!.id,
      slug: "general",
      name: "Badge général (test)",
      recognises: "Test",
      criteria: [{ statement: "Test", evidence: ["Badges régionaux"] }],
      required: false,
      validityMonths: 36,
      alignments: [],
      color: "#8a5a00",
      position: 20,
      rule: { kind: "aggregate", level: 2, distinctFamilies: 3 },
    },
  ]);
}
