import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  applications,
  badgeClasses,
  collections,
  credentials,
  organisations,
} from "../../db/schema";

/** Shown publicly: accepted by its holder and not hidden by it, not revoked, not expired. */
const shownNow = (now: Date) =>
  and(
    eq(credentials.claimState, "accepted"),
    eq(credentials.shownPublicly, true),
    isNull(credentials.revokedAt),
    or(isNull(credentials.validUntil), gt(credentials.validUntil, now)),
  );

export async function findOrganisationBySlug(q: Queryable, slug: string) {
  const [org] = await q.select().from(organisations).where(eq(organisations.slug, slug));
  return org;
}

/** The badges an organisation shows publicly now, in catalogue order (never the label itself). */
export async function listShownBadges(q: Queryable, organisationId: string, now: Date) {
  return q
    .select({ credential: credentials, badge: badgeClasses })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .where(
      and(
        eq(credentials.subjectOrgId, organisationId),
        eq(badgeClasses.kind, "badge"),
        shownNow(now),
      ),
    )
    .orderBy(asc(badgeClasses.position));
}

export async function listCfasByName(q: Queryable) {
  return q
    .select()
    .from(organisations)
    .where(eq(organisations.kind, "cfa"))
    .orderBy(asc(organisations.name));
}

/**
 * The programme's figures: badges delivered per year and per badge of the
 * collection in force (never revoked ones), and CFAs engaged (a sent
 * application or a badge).
 */
export async function programmeFigures(q: Queryable) {
  const delivered = await q
    .select({
      year: sql<number>`extract(year from ${credentials.validFrom})::int`.mapWith(Number),
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .where(and(isNull(credentials.revokedAt), eq(badgeClasses.kind, "badge")))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const perBadge = await q
    .select({
      badge: badgeClasses.name,
      required: badgeClasses.required,
      count: sql<number>`count(${credentials.id})::int`.mapWith(Number),
    })
    .from(badgeClasses)
    .innerJoin(
      collections,
      and(
        eq(collections.id, badgeClasses.collectionId),
        eq(collections.inForce, true),
        eq(badgeClasses.kind, "badge"),
      ),
    )
    .leftJoin(
      credentials,
      and(eq(credentials.badgeClassId, badgeClasses.id), isNull(credentials.revokedAt)),
    )
    .groupBy(badgeClasses.id, badgeClasses.name, badgeClasses.required, badgeClasses.position)
    .orderBy(asc(badgeClasses.position));
  const withCredential = q
    .select({ id: credentials.subjectOrgId })
    .from(credentials)
    .where(isNull(credentials.revokedAt));
  const withApplication = q
    .select({ id: applications.organisationId })
    .from(applications)
    .where(sql`${applications.state} <> 'draft'`);
  const [engaged] = await q
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "cfa"),
        or(inArray(organisations.id, withCredential), inArray(organisations.id, withApplication)),
      ),
    );
  return { delivered, perBadge, engaged: engaged?.n ?? 0 };
}
