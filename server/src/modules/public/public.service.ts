import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import {
  applications,
  badgeClasses,
  collections,
  credentials,
  organisations,
} from "../../db/schema";
import { AppError } from "../../errors";
import { toCsv } from "../../lib/csv";
import { TtlCache } from "../../lib/ttl-cache";
import { labelProgress } from "../label/label.service";

/** Shown publicly: accepted by its holder and not hidden by it, not revoked, not expired. */
const shownNow = (now: Date) =>
  and(
    eq(credentials.claimState, "accepted"),
    eq(credentials.shownPublicly, true),
    isNull(credentials.revokedAt),
    or(isNull(credentials.validUntil), gt(credentials.validUntil, now)),
  );

/** An organisation's public passport: its valid badges and, for a CFA, where it stands on the label. */
export async function passport(ctx: AppContext, slug: string, now = new Date()) {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.slug, slug));
  if (!org || org.kind === "region") throw new AppError("NOT_FOUND");
  const badges = await ctx.db
    .select({ credential: credentials, badge: badgeClasses })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .where(and(eq(credentials.subjectOrgId, org.id), eq(badgeClasses.kind, "badge"), shownNow(now)))
    .orderBy(asc(badgeClasses.position));
  const label = org.kind === "cfa" ? await labelProgress(ctx, org.id, now) : null;
  const base = ctx.config.publicUrl;
  return {
    organisation: {
      slug: org.slug,
      name: org.name,
      kind: org.kind,
      city: org.city,
      website: org.website,
      url: `${base}/passports/${org.slug}`,
    },
    label: label
      ? {
          eligible: label.eligible,
          count: label.count,
          total: label.total,
          requiredHeld: label.requiredHeld,
          requiredTotal: label.requiredTotal,
          collection: label.collection,
          state: label.label.state,
          credentialUrl: label.label.credentialId
            ? `${base}/credentials/${label.label.credentialId}`
            : null,
          image: label.label.image,
        }
      : null,
    badges: badges.map(({ credential, badge }) => ({
      credentialId: credential.id,
      url: `${base}/credentials/${credential.id}`,
      name: badge.name,
      required: badge.required,
      validFrom: credential.validFrom.toISOString(),
      validUntil: credential.validUntil?.toISOString() ?? null,
      image: `${base}/api/public/badges/${badge.id}/image.svg`,
    })),
  };
}

/** Passports are read far more than they change: a 30-second cache for their pages. */
const passportCache = new TtlCache<Awaited<ReturnType<typeof passport>>>(30_000, 500);
export function publicPassport(ctx: AppContext, slug: string) {
  return passportCache.get(slug, () => passport(ctx, slug));
}

/** CFAs that hold the label now (confirmed, not suspended, not ended), with their collection. */
export async function laureates(ctx: AppContext, now = new Date()) {
  const cfas = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.kind, "cfa"))
    .orderBy(asc(organisations.name));
  const out = [];
  for (const cfa of cfas) {
    const progress = await labelProgress(ctx, cfa.id, now);
    if (progress.label.state === "active")
      out.push({
        slug: cfa.slug,
        name: cfa.name,
        city: cfa.city,
        url: `${ctx.config.publicUrl}/passports/${cfa.slug}`,
        count: progress.count,
        badges: progress.badges
          .filter((b) => b.state === "held" || b.state === "expiring")
          .map((b) => b.name),
      });
  }
  return out;
}

/**
 * Laureates cost a label check per CFA: public pages share one computation a
 * minute (the figures are not worth more freshness than that).
 */
const laureatesCache = new TtlCache<Awaited<ReturnType<typeof laureates>>>(60_000, 10);
export function publicLaureates(ctx: AppContext) {
  return laureatesCache.get(ctx.config.publicUrl, () => laureates(ctx));
}

/** The programme's figures: badges delivered per year and per badge, organisations engaged, laureates. */
export async function statistics(ctx: AppContext) {
  const delivered = await ctx.db
    .select({
      year: sql<number>`extract(year from ${credentials.validFrom})::int`.mapWith(Number),
      count: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .where(and(isNull(credentials.revokedAt), eq(badgeClasses.kind, "badge")))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const perBadge = await ctx.db
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
  const withCredential = ctx.db
    .select({ id: credentials.subjectOrgId })
    .from(credentials)
    .where(isNull(credentials.revokedAt));
  const withApplication = ctx.db
    .select({ id: applications.organisationId })
    .from(applications)
    .where(sql`${applications.state} <> 'draft'`);
  const [engaged] = await ctx.db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "cfa"),
        or(inArray(organisations.id, withCredential), inArray(organisations.id, withApplication)),
      ),
    );
  const labelled = await publicLaureates(ctx);
  return {
    badgesPerYear: delivered,
    badgesPerBadge: perBadge,
    organisationsEngaged: engaged?.n ?? 0,
    laureates: labelled.length,
  };
}

/** The same figures as CSV (semicolon-separated, as French spreadsheets expect). */
export function statisticsCsv(stats: Awaited<ReturnType<typeof statistics>>): string {
  return toCsv([
    ["indicateur", "détail", "valeur"],
    ...stats.badgesPerYear.map((r) => ["badges délivrés par année", r.year, r.count]),
    ...stats.badgesPerBadge.map((r) => ["badges délivrés par badge", r.badge, r.count]),
    [
      "organisations engagées",
      "CFA ayant envoyé une demande ou obtenu un badge",
      stats.organisationsEngaged,
    ],
    ["lauréats", "CFA détenant le label", stats.laureates],
  ]);
}
