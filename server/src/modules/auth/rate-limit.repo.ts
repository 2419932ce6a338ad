import { lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rateBuckets } from "../../db/schema";

/** Counts one hit on `key` in the window starting at `windowStart`; the window's count so far. */
export async function countHit(db: Db, key: string, windowStart: Date) {
  const [row] = await db
    .insert(rateBuckets)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateBuckets.key, rateBuckets.windowStart],
      set: { count: sql`${rateBuckets.count} + 1` },
    })
    .returning({ count: rateBuckets.count });
  return row?.count ?? 0;
}

/** Forgets the windows that started before `before`. */
export async function deleteBucketsBefore(db: Db, before: Date) {
  await db.delete(rateBuckets).where(lt(rateBuckets.windowStart, before));
}
