import { randomBytes } from "node:crypto";
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNotNull,
  isNull,
  like,
  sql,
} from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  apiClients,
  badgeClasses,
  badgeEquivalences,
  collections,
  credentials,
  earners,
  organisations,
  partnerBadges,
  partnerParticipations,
  partnerRegistrations,
  programmes,
  users,
} from "../../db/schema";

export type PartnerBadgeRow = typeof partnerBadges.$inferSelect;
export type PartnerBadgeValues = typeof partnerBadges.$inferInsert;

/** The earner behind an email address: created the first time a badge arrives for it. */
export async function findOrCreateEarner(q: Queryable, email: string, name?: string) {
  const address = email.trim().toLowerCase();
  const [existing] = await q.select().from(users).where(eq(users.email, address));
  const user =
    existing ??
    (
      await q
        .insert(users)
        .values({ email: address, name: name?.trim() || address.split("@")[0]! })
        .onConflictDoNothing()
        .returning()
    )[0] ??
    (await q.select().from(users).where(eq(users.email, address)))[0]!;
  await q
    .insert(earners)
    .values({ userId: user.id, passportSlug: randomBytes(9).toString("base64url") })
    .onConflictDoNothing();
  return user;
}

/** The earners behind these addresses, created for those that have none yet, by address. */
export async function findOrCreateEarners(
  q: Queryable,
  people: { email: string; name?: string }[],
): Promise<Map<string, typeof users.$inferSelect>> {
  const names = new Map<string, string>();
  for (const p of people) {
    const address = p.email.trim().toLowerCase();
    if (!names.has(address)) names.set(address, p.name?.trim() || address.split("@")[0]!);
  }
  const addresses = [...names.keys()];
  const existing = await q.select().from(users).where(inArray(users.email, addresses));
  const known = new Set(existing.map((u) => u.email));
  const missing = addresses.filter((a) => !known.has(a));
  if (missing.length > 0)
    await q
      .insert(users)
      .values(missing.map((email) => ({ email, name: names.get(email)! })))
      .onConflictDoNothing();
  const all =
    missing.length > 0
      ? await q.select().from(users).where(inArray(users.email, addresses))
      : existing;
  await q
    .insert(earners)
    .values(all.map((u) => ({ userId: u.id, passportSlug: randomBytes(9).toString("base64url") })))
    .onConflictDoNothing();
  return new Map(all.map((u) => [u.email, u]));
}

/** The organisations that proved they control this issuer when registering one of its badge classes. */
export async function provenRegistrantsOfIssuer(q: Queryable, issuerIri: string) {
  const rows = await q
    .selectDistinct({ id: partnerRegistrations.organisationId })
    .from(partnerRegistrations)
    .where(
      and(
        eq(partnerRegistrations.issuerIri, issuerIri),
        isNotNull(partnerRegistrations.issuerProof),
      ),
    );
  return rows.map((r) => r.id);
}

export async function findPartnerOrganisationBySlug(q: Queryable, slug: string) {
  const [org] = await q
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.slug, slug), eq(organisations.kind, "partner")));
  return org;
}

export async function findOrganisationById(q: Queryable, id: string) {
  const [org] = await q.select().from(organisations).where(eq(organisations.id, id));
  return org;
}

/** The approved registrations of this badge class by this very issuer, proven, by one of these organisations. */
export async function provenApprovedRegistrations(
  q: Queryable,
  match: { badgeClassIri: string; issuerIri: string; organisationIds: string[] },
) {
  return q
    .select()
    .from(partnerRegistrations)
    .where(
      and(
        eq(partnerRegistrations.badgeClassIri, match.badgeClassIri),
        eq(partnerRegistrations.issuerIri, match.issuerIri),
        eq(partnerRegistrations.state, "approved"),
        isNotNull(partnerRegistrations.issuerProof),
        inArray(partnerRegistrations.organisationId, match.organisationIds),
      ),
    );
}

export async function participationsOf(q: Queryable, organisationId: string) {
  return q
    .select()
    .from(partnerParticipations)
    .where(eq(partnerParticipations.organisationId, organisationId));
}

export async function insertParticipation(
  q: Queryable,
  values: typeof partnerParticipations.$inferInsert,
) {
  const [created] = await q.insert(partnerParticipations).values(values).returning();
  return created!;
}

/**
 * Keeps received badges once per earner, issuer and assertion, in one
 * statement; receiving one again refreshes it (`fresh` false). The same
 * badge twice in one batch is stored once: the later copies read as seen.
 */
export async function upsertPartnerBadges(q: Queryable, values: PartnerBadgeValues[]) {
  const keyOf = (v: PartnerBadgeValues) =>
    JSON.stringify([v.earnerId, v.issuerIri, v.assertionKey]);
  const first = new Map<string, number>();
  values.forEach((v, i) => {
    if (!first.has(keyOf(v))) first.set(keyOf(v), i);
  });
  const unique = [...first.values()].map((i) => values[i]!);
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  const stored = await q
    .insert(partnerBadges)
    .values(unique)
    .onConflictDoUpdate({
      target: [partnerBadges.earnerId, partnerBadges.issuerIri, partnerBadges.assertionKey],
      set: Object.fromEntries(
        Object.entries(getTableColumns(partnerBadges))
          .filter(([field]) => field !== "id" && field !== "receivedAt")
          .map(([field, column]) => [field, excluded(column.name)]),
      ),
    })
    .returning({ ...getTableColumns(partnerBadges), fresh: sql<boolean>`(xmax = 0)` });
  const byKey = new Map(stored.map(({ fresh, ...row }) => [keyOf(row), { row, fresh }]));
  return values.map((v, i) => {
    const found = byKey.get(keyOf(v))!;
    return { row: found.row as PartnerBadgeRow, fresh: found.fresh && first.get(keyOf(v)) === i };
  });
}

export async function partnerBadgesOf(q: Queryable, earnerId: string, order: "newest" | "oldest") {
  return q
    .select()
    .from(partnerBadges)
    .where(eq(partnerBadges.earnerId, earnerId))
    .orderBy(order === "newest" ? desc(partnerBadges.receivedAt) : asc(partnerBadges.receivedAt));
}

/** The earner's partner badges that count and are not revoked, with the registration that maps each. */
export async function countingPartnerBadgesOf(q: Queryable, earnerId: string) {
  return q
    .select({ badge: partnerBadges, registration: partnerRegistrations })
    .from(partnerBadges)
    .innerJoin(partnerRegistrations, eq(partnerRegistrations.id, partnerBadges.registrationId))
    .where(
      and(
        eq(partnerBadges.earnerId, earnerId),
        eq(partnerBadges.counts, true),
        isNull(partnerBadges.revokedAt),
      ),
    );
}

/** A batch of the partner badges that count and are not revoked, in id order after `after`. */
export async function countingPartnerBadgesAfter(
  q: Queryable,
  page: { after: string | null; limit: number },
) {
  return q
    .select()
    .from(partnerBadges)
    .where(
      and(
        eq(partnerBadges.counts, true),
        isNull(partnerBadges.revokedAt),
        ...(page.after ? [gt(partnerBadges.id, page.after)] : []),
      ),
    )
    .orderBy(asc(partnerBadges.id))
    .limit(page.limit);
}

export async function markPartnerBadgeRevoked(q: Queryable, id: string, at: Date) {
  await q
    .update(partnerBadges)
    .set({ revokedAt: at, checkedAt: at })
    .where(eq(partnerBadges.id, id));
}

/** The badge classes of a programme's collection in force, with their rules. */
export async function badgeRulesInForce(q: Queryable, programmeSlug: string) {
  return q
    .select({ id: badgeClasses.id, rule: badgeClasses.rule })
    .from(badgeClasses)
    .innerJoin(
      collections,
      and(eq(collections.id, badgeClasses.collectionId), eq(collections.inForce, true)),
    )
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(eq(programmes.slug, programmeSlug));
}

/** The regional badges the earner holds, not revoked (suspended ones included). */
export async function heldRegionalCredentials(q: Queryable, earnerId: string) {
  return q
    .select()
    .from(credentials)
    .where(
      and(
        eq(credentials.subjectUserId, earnerId),
        like(credentials.grantKey, `regional:${earnerId}:%`),
        isNull(credentials.revokedAt),
      ),
    );
}

export async function badgeEquivalenceLinks(q: Queryable) {
  return q.select().from(badgeEquivalences);
}

export async function badgeNamesByIds(q: Queryable, ids: string[]) {
  return q
    .select({ id: badgeClasses.id, name: badgeClasses.name })
    .from(badgeClasses)
    .where(inArray(badgeClasses.id, ids));
}

/** Suspends a regional badge with its reason, or restores it (`suspension` null). */
export async function setCredentialSuspension(
  q: Queryable,
  id: string,
  suspension: { at: Date; reason: string } | null,
) {
  await q
    .update(credentials)
    .set(
      suspension
        ? { suspendedAt: suspension.at, suspensionReason: suspension.reason }
        : { suspendedAt: null, suspensionReason: null },
    )
    .where(eq(credentials.id, id));
}

export async function findCredentialById(q: Queryable, id: string) {
  const [credential] = await q.select().from(credentials).where(eq(credentials.id, id));
  return credential;
}

/** The live key whose secret hashes so, with its organisation. */
export async function findLiveApiClientBySecretHash(q: Queryable, secretHash: string) {
  const [found] = await q
    .select({ client: apiClients, org: organisations })
    .from(apiClients)
    .innerJoin(organisations, eq(organisations.id, apiClients.organisationId))
    .where(and(eq(apiClients.secretHash, secretHash), isNull(apiClients.revokedAt)));
  return found;
}

export async function recordApiClientUse(q: Queryable, id: string, at: Date) {
  await q.update(apiClients).set({ lastUsedAt: at }).where(eq(apiClients.id, id));
}
