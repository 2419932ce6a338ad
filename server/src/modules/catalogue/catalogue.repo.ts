import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  badgeClasses,
  badgeEquivalences,
  collections,
  endorsements,
  organisations,
  programmes,
} from "../../db/schema";
import { TtlCache } from "../../lib/ttl-cache";

export async function listProgrammesInForce(q: Queryable) {
  return (
    q
      .select({ programme: programmes, collection: collections })
      .from(programmes)
      .innerJoin(
        collections,
        and(eq(collections.programmeId, programmes.id), eq(collections.inForce, true)),
      )
      // A partner's own badges are its own catalogue, not one of the Region's programmes.
      .where(isNull(programmes.ownerOrgId))
      .orderBy(asc(programmes.name))
  );
}

/** A partner's own programme names its owner: its badges are the partner's, not the Region's. */
const owner = { name: organisations.name };

export async function findProgrammeInForce(q: Queryable, slug: string) {
  const [row] = await q
    .select({ programme: programmes, collection: collections, owner })
    .from(programmes)
    .innerJoin(
      collections,
      and(eq(collections.programmeId, programmes.id), eq(collections.inForce, true)),
    )
    .leftJoin(organisations, eq(organisations.id, programmes.ownerOrgId))
    .where(eq(programmes.slug, slug));
  return row;
}

export async function listBadges(q: Queryable, collectionId: string) {
  return q
    .select()
    .from(badgeClasses)
    .where(and(eq(badgeClasses.collectionId, collectionId), eq(badgeClasses.kind, "badge")))
    .orderBy(asc(badgeClasses.position));
}

export async function findBadge(q: Queryable, id: string) {
  const [row] = await q
    .select({ badge: badgeClasses, collection: collections, programme: programmes, owner })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .leftJoin(organisations, eq(organisations.id, programmes.ownerOrgId))
    .where(eq(badgeClasses.id, id));
  return row;
}

type Endorsed = { id: string; endorser: string; statement: string }[];
type FoundBadge =
  | (NonNullable<Awaited<ReturnType<typeof findBadge>>> & { endorsements: Endorsed })
  | undefined;
/**
 * Badge classes change only with a new catalogue version, endorsements when
 * one is published or withdrawn (which forgets them): public pages read them
 * from a minute's cache.
 */
const badgeCache = new TtlCache<FoundBadge>(60_000, 500);
/** A badge as the public sees it, with its published endorsements: never one of a draft collection. */
export function publicBadge(q: Queryable, id: string) {
  return badgeCache.get(id, async () => {
    const found = await findBadge(q, id);
    if (!found || found.collection.status === "draft") return undefined;
    const endorsed = await endorsementsOfBadges(q, [id]);
    return { ...found, endorsements: endorsed.get(id) ?? [] };
  });
}
/** For whoever changes badge classes: their public pages show the change at once. */
export function forgetPublicBadges() {
  badgeCache.clear();
}

export async function findProgrammeBySlug(q: Queryable, slug: string) {
  const [row] = await q.select().from(programmes).where(eq(programmes.slug, slug));
  return row;
}

export async function findCollection(q: Queryable, programmeId: string, version: string) {
  const [row] = await q
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programmeId), eq(collections.version, version)));
  return row;
}

/** A programme's published collections (never drafts), newest first. */
export async function listPublishedCollections(q: Queryable, programmeId: string) {
  return q
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programmeId), eq(collections.status, "published")))
    .orderBy(desc(collections.publishedAt));
}

/** For each badge with an equivalence, the badge its awards count as (one step). */
export async function successors(q: Queryable) {
  const to = alias(badgeClasses, "successor");
  const rows = await q
    .select({
      from: badgeEquivalences.fromBadgeId,
      id: to.id,
      name: to.name,
      collection: collections.version,
    })
    .from(badgeEquivalences)
    .innerJoin(to, eq(to.id, badgeEquivalences.toBadgeId))
    .innerJoin(collections, eq(collections.id, to.collectionId));
  return new Map(rows.map((r) => [r.from, { id: r.id, name: r.name, collection: r.collection }]));
}

/** The badges of a programme's collection in force, in catalogue order (never the label itself). */
export async function badgesInForce(q: Queryable, programmeSlug: string) {
  const found = await findProgrammeInForce(q, programmeSlug);
  return found ? listBadges(q, found.collection.id) : [];
}

/** The published endorsements of these badge classes, grouped by badge class, oldest first. */
export async function endorsementsOfBadges(q: Queryable, badgeClassIds: string[]) {
  const byBadge = new Map<string, { id: string; endorser: string; statement: string }[]>();
  if (badgeClassIds.length === 0) return byBadge;
  const rows = await q
    .select({
      id: endorsements.id,
      badgeClassId: endorsements.badgeClassId,
      endorser: endorsements.endorserName,
      statement: endorsements.statement,
    })
    .from(endorsements)
    .where(
      and(inArray(endorsements.badgeClassId, badgeClassIds), eq(endorsements.state, "published")),
    )
    .orderBy(asc(endorsements.publishedAt));
  for (const row of rows) {
    if (!row.badgeClassId) continue;
    const list = byBadge.get(row.badgeClassId) ?? [];
    list.push({ id: row.id, endorser: row.endorser, statement: row.statement ?? "" });
    byBadge.set(row.badgeClassId, list);
  }
  return byBadge;
}
