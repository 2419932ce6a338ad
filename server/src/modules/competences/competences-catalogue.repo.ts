import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { badgeClasses, collections, programmes } from "../../db/schema";

export async function findOrCreateProgramme(
  q: Queryable,
  programme: typeof programmes.$inferInsert,
) {
  const [existing] = await q.select().from(programmes).where(eq(programmes.slug, programme.slug));
  return existing ?? (await q.insert(programmes).values(programme).returning())[0]!;
}

export async function findCollectionVersion(q: Queryable, programmeId: string, version: string) {
  const [found] = await q
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programmeId), eq(collections.version, version)));
  return found;
}

export async function insertCollection(q: Queryable, values: typeof collections.$inferInsert) {
  const [created] = await q.insert(collections).values(values).returning();
  return created!;
}

export async function insertBadgeClasses(
  q: Queryable,
  values: (typeof badgeClasses.$inferInsert)[],
) {
  await q.insert(badgeClasses).values(values);
}

export async function badgeSlugsOfCollection(q: Queryable, collectionId: string) {
  const rows = await q
    .select({ slug: badgeClasses.slug })
    .from(badgeClasses)
    .where(eq(badgeClasses.collectionId, collectionId));
  return new Set(rows.map((b) => b.slug));
}
