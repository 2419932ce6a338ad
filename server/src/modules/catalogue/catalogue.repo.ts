import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { badgeClasses, collections, programmes } from "../../db/schema";
import { TtlCache } from "../../lib/ttl-cache";

export async function listProgrammesInForce(q: Queryable) {
  return q
    .select({ programme: programmes, collection: collections })
    .from(programmes)
    .innerJoin(
      collections,
      and(eq(collections.programmeId, programmes.id), eq(collections.inForce, true)),
    )
    .orderBy(asc(programmes.name));
}

export async function findProgrammeInForce(q: Queryable, slug: string) {
  const [row] = await q
    .select({ programme: programmes, collection: collections })
    .from(programmes)
    .innerJoin(
      collections,
      and(eq(collections.programmeId, programmes.id), eq(collections.inForce, true)),
    )
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
    .select({ badge: badgeClasses, collection: collections, programme: programmes })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(eq(badgeClasses.id, id));
  return row;
}

type FoundBadge = Awaited<ReturnType<typeof findBadge>>;
/** Badge classes change only with a new catalogue version: public pages read them from a minute's cache. */
const badgeCache = new TtlCache<FoundBadge>(60_000, 500);
export function publicBadge(q: Queryable, id: string) {
  return badgeCache.get(id, () => findBadge(q, id));
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
