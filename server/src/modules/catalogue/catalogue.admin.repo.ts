import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  applications,
  badgeClasses,
  badgeEquivalences,
  badgeIdeas,
  collections,
  credentials,
  programmes,
} from "../../db/schema";

type NewBadge = typeof badgeClasses.$inferInsert;
type NewCollection = typeof collections.$inferInsert;
type BadgeChange = Partial<Omit<NewBadge, "id" | "collectionId" | "createdAt">>;
type CollectionChange = Partial<
  Pick<NewCollection, "version" | "name" | "labelTotal" | "labelValidityMonths">
>;

/** Every badge class of a collection, the label's own included, in catalogue order. */
export async function listCollectionBadges(q: Queryable, collectionId: string) {
  return q
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.collectionId, collectionId))
    .orderBy(asc(badgeClasses.position));
}

/** A programme's versions with their badge counts, the draft first, then newest published first. */
export async function listProgrammeVersions(q: Queryable, programmeId: string) {
  return q
    .select({
      collection: collections,
      badges:
        sql<number>`count(${badgeClasses.id}) filter (where ${badgeClasses.kind} = 'badge')::int`.mapWith(
          Number,
        ),
      required:
        sql<number>`count(${badgeClasses.id}) filter (where ${badgeClasses.required} and ${badgeClasses.kind} = 'badge')::int`.mapWith(
          Number,
        ),
    })
    .from(collections)
    .leftJoin(badgeClasses, eq(badgeClasses.collectionId, collections.id))
    .where(eq(collections.programmeId, programmeId))
    .groupBy(collections.id)
    .orderBy(sql`${collections.publishedAt} desc nulls first`);
}

/** Every collection of a programme, in no order. */
export async function listProgrammeCollections(q: Queryable, programmeId: string) {
  return q.select().from(collections).where(eq(collections.programmeId, programmeId));
}

export async function findCollectionInForce(q: Queryable, programmeId: string) {
  const [row] = await q
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programmeId), eq(collections.inForce, true)));
  return row;
}

export async function findCollectionById(q: Queryable, id: string) {
  const [row] = await q.select().from(collections).where(eq(collections.id, id));
  return row;
}

export async function insertCollection(tx: Queryable, values: NewCollection) {
  const [row] = await tx.insert(collections).values(values).returning();
  return row!;
}

export async function insertProgramme(tx: Queryable, values: typeof programmes.$inferInsert) {
  const [row] = await tx.insert(programmes).values(values).returning();
  return row!;
}

export async function updateCollection(tx: Queryable, id: string, change: CollectionChange) {
  await tx.update(collections).set(change).where(eq(collections.id, id));
}

/** A badge class with the collection it belongs to. */
export async function findBadgeWithCollection(q: Queryable, id: string) {
  const [row] = await q
    .select({ badge: badgeClasses, collection: collections })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .where(eq(badgeClasses.id, id));
  return row;
}

/** Inserts badge classes; with `skipExisting`, one already there (same slug) is left as it is. */
export async function insertBadges(
  tx: Queryable,
  values: NewBadge[],
  { skipExisting = false }: { skipExisting?: boolean } = {},
) {
  if (!values.length) return;
  const insert = tx.insert(badgeClasses).values(values);
  await (skipExisting ? insert.onConflictDoNothing() : insert);
}

/** The position after the last badge of a collection (the label's own badge aside). */
export async function nextBadgePosition(tx: Queryable, collectionId: string) {
  const [last] = await tx
    .select({ max: sql<number>`coalesce(max(${badgeClasses.position}), -1)::int`.mapWith(Number) })
    .from(badgeClasses)
    .where(and(eq(badgeClasses.collectionId, collectionId), eq(badgeClasses.kind, "badge")));
  return (last?.max ?? -1) + 1;
}

export async function insertBadge(tx: Queryable, values: NewBadge) {
  const [row] = await tx.insert(badgeClasses).values(values).returning();
  return row!;
}

export async function updateBadgeClass(tx: Queryable, id: string, change: BadgeChange) {
  await tx.update(badgeClasses).set(change).where(eq(badgeClasses.id, id));
}

/** Removes a draft's badge; an idea that led to it no longer points at it. */
export async function deleteDraftBadge(tx: Queryable, id: string) {
  await tx.update(badgeIdeas).set({ badgeClassId: null }).where(eq(badgeIdeas.badgeClassId, id));
  await tx.delete(badgeClasses).where(eq(badgeClasses.id, id));
}

/**
 * Puts a collection in force in place of the previous one; the label's own
 * badge follows the collection's validity rule.
 */
export async function putCollectionInForce(
  tx: Queryable,
  {
    id,
    previousId,
    publishedAt,
    labelValidityMonths,
  }: { id: string; previousId?: string; publishedAt: Date; labelValidityMonths: number },
) {
  if (previousId)
    await tx.update(collections).set({ inForce: false }).where(eq(collections.id, previousId));
  await tx
    .update(collections)
    .set({ status: "published", inForce: true, publishedAt })
    .where(eq(collections.id, id));
  await tx
    .update(badgeClasses)
    .set({ validityMonths: labelValidityMonths })
    .where(and(eq(badgeClasses.collectionId, id), eq(badgeClasses.kind, "label")));
}

/** Links badges as equivalent, leaving existing links alone; the number of links made. */
export async function linkEquivalences(
  tx: Queryable,
  values: { fromBadgeId: string; toBadgeId: string }[],
) {
  if (!values.length) return 0;
  const inserted = await tx
    .insert(badgeEquivalences)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: badgeEquivalences.id });
  return inserted.length;
}

/** How many applications and credentials refer to any of these badges. */
export async function countBadgeUses(tx: Queryable, badgeIds: string[]) {
  const [used] = await tx
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(applications)
    .where(inArray(applications.badgeClassId, badgeIds));
  const [held] = await tx
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(credentials)
    .where(inArray(credentials.badgeClassId, badgeIds));
  return (used?.n ?? 0) + (held?.n ?? 0);
}

/** Deletes a draft collection and its badges; ideas that led to them become answered again. */
export async function deleteDraftCollection(tx: Queryable, id: string, badgeIds: string[]) {
  if (badgeIds.length) {
    await tx
      .update(badgeIdeas)
      .set({ badgeClassId: null, state: "answered" })
      .where(inArray(badgeIdeas.badgeClassId, badgeIds));
    await tx.delete(badgeEquivalences).where(inArray(badgeEquivalences.toBadgeId, badgeIds));
    await tx.delete(badgeClasses).where(eq(badgeClasses.collectionId, id));
  }
  await tx.delete(collections).where(eq(collections.id, id));
}

/** The badges of a programme's collections, by version and slug. */
export async function listProgrammeBadgeSlugs(q: Queryable, programmeId: string) {
  return q
    .select({ id: badgeClasses.id, slug: badgeClasses.slug, version: collections.version })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .where(and(eq(collections.programmeId, programmeId), eq(badgeClasses.kind, "badge")));
}

const fromBadge = alias(badgeClasses, "from_badge");
const toBadge = alias(badgeClasses, "to_badge");
const fromCollection = alias(collections, "from_collection");
const toCollection = alias(collections, "to_collection");

/** The equivalences from a programme's badges, oldest collection first. */
export async function listProgrammeEquivalences(q: Queryable, programmeId: string) {
  return q
    .select({
      id: badgeEquivalences.id,
      from: { id: fromBadge.id, name: fromBadge.name, collection: fromCollection.version },
      to: { id: toBadge.id, name: toBadge.name, collection: toCollection.version },
    })
    .from(badgeEquivalences)
    .innerJoin(fromBadge, eq(fromBadge.id, badgeEquivalences.fromBadgeId))
    .innerJoin(toBadge, eq(toBadge.id, badgeEquivalences.toBadgeId))
    .innerJoin(fromCollection, eq(fromCollection.id, fromBadge.collectionId))
    .innerJoin(toCollection, eq(toCollection.id, toBadge.collectionId))
    .where(eq(fromCollection.programmeId, programmeId))
    .orderBy(asc(fromCollection.version), asc(fromBadge.position));
}

/** Every equivalence, as the pair of badges it links. */
export async function listEquivalencePairs(q: Queryable) {
  return q
    .select({ fromBadgeId: badgeEquivalences.fromBadgeId, toBadgeId: badgeEquivalences.toBadgeId })
    .from(badgeEquivalences);
}

export async function insertEquivalence(
  tx: Queryable,
  values: { fromBadgeId: string; toBadgeId: string },
) {
  const [row] = await tx.insert(badgeEquivalences).values(values).returning();
  return row!;
}

/** Deletes an equivalence; the removed row, or undefined when there was none. */
export async function deleteEquivalence(tx: Queryable, id: string) {
  const [removed] = await tx
    .delete(badgeEquivalences)
    .where(eq(badgeEquivalences.id, id))
    .returning();
  return removed;
}
