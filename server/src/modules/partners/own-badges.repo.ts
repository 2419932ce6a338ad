import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  applications,
  awardBatches,
  badgeClasses,
  collections,
  credentials,
  programmes,
} from "../../db/schema";

export type AwardBatchRow = typeof awardBatches.$inferSelect;
export type AwardProblem = { line: number; email: string; reason: string };

/** The programme the organisation owns (its own catalogue), if it has one yet. */
export async function findOwnedProgramme(q: Queryable, organisationId: string) {
  const [programme] = await q
    .select()
    .from(programmes)
    .where(eq(programmes.ownerOrgId, organisationId));
  return programme;
}

export async function insertProgramme(q: Queryable, values: typeof programmes.$inferInsert) {
  const [created] = await q.insert(programmes).values(values).returning();
  return created!;
}

export async function findCollectionInForce(q: Queryable, programmeId: string) {
  const [collection] = await q
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programmeId), eq(collections.inForce, true)));
  return collection;
}

export async function insertCollection(q: Queryable, values: typeof collections.$inferInsert) {
  const [created] = await q.insert(collections).values(values).returning();
  return created!;
}

/** The badges of the organisation's own catalogue, each with how many unrevoked awards it has. */
export async function ownBadgesWithAwardCounts(q: Queryable, organisationId: string) {
  return q
    .select({ badge: badgeClasses, awarded: count(credentials.id) })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .leftJoin(
      credentials,
      and(eq(credentials.badgeClassId, badgeClasses.id), isNull(credentials.revokedAt)),
    )
    .where(eq(programmes.ownerOrgId, organisationId))
    .groupBy(badgeClasses.id)
    .orderBy(asc(badgeClasses.position));
}

/** The badge classes in force whose rule confers a participation (Participant, Ambassadeur). */
export async function participationBadgesInForce(q: Queryable) {
  return q
    .select({ id: badgeClasses.id, rule: badgeClasses.rule })
    .from(badgeClasses)
    .innerJoin(
      collections,
      and(eq(collections.id, badgeClasses.collectionId), eq(collections.inForce, true)),
    )
    .where(sql`${badgeClasses.rule}->>'kind' = 'participation'`);
}

/** The organisation's applications, newest first. */
export async function applicationsOf(q: Queryable, organisationId: string) {
  return q
    .select({
      id: applications.id,
      badgeClassId: applications.badgeClassId,
      state: applications.state,
    })
    .from(applications)
    .where(eq(applications.organisationId, organisationId))
    .orderBy(desc(applications.createdAt));
}

/** The position after the last badge of the collection. */
export async function nextBadgePosition(q: Queryable, collectionId: string) {
  const [{ next } = { next: 0 }] = await q
    .select({ next: sql<number>`coalesce(max(${badgeClasses.position}) + 1, 0)` })
    .from(badgeClasses)
    .where(eq(badgeClasses.collectionId, collectionId));
  return Number(next);
}

export async function insertBadgeClass(q: Queryable, values: typeof badgeClasses.$inferInsert) {
  const [badge] = await q.insert(badgeClasses).values(values).returning();
  return badge!;
}

/** The badge, if it belongs to the organisation's own catalogue. */
export async function findOwnBadge(q: Queryable, organisationId: string, badgeId: string) {
  const [row] = await q
    .select({ badge: badgeClasses })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(and(eq(badgeClasses.id, badgeId), eq(programmes.ownerOrgId, organisationId)));
  return row?.badge;
}

/** The badge's latest 500 awards, newest first. */
export async function awardsOf(q: Queryable, badgeId: string) {
  return q
    .select()
    .from(credentials)
    .where(eq(credentials.badgeClassId, badgeId))
    .orderBy(desc(credentials.createdAt))
    .limit(500);
}

export async function findAwardOf(q: Queryable, badgeId: string, credentialId: string) {
  const [row] = await q
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.id, credentialId), eq(credentials.badgeClassId, badgeId)));
  return row;
}

export async function insertAwardBatch(q: Queryable, values: typeof awardBatches.$inferInsert) {
  const [batch] = await q.insert(awardBatches).values(values).returning();
  return batch!;
}

export async function findAwardBatch(q: Queryable, batchId: string, organisationId?: string) {
  const [batch] = await q
    .select()
    .from(awardBatches)
    .where(
      and(
        eq(awardBatches.id, batchId),
        ...(organisationId ? [eq(awardBatches.organisationId, organisationId)] : []),
      ),
    );
  return batch;
}

/** Records one more row of the batch dealt with, and the batch finished after its last one. */
export async function recordBatchRow(
  q: Queryable,
  batchId: string,
  row: {
    processed: number;
    issued: number;
    alreadyHeld: number;
    problem: AwardProblem | null;
    finished: boolean;
  },
) {
  await q
    .update(awardBatches)
    .set({
      processed: row.processed,
      issued: sql`${awardBatches.issued} + ${row.issued}`,
      alreadyHeld: sql`${awardBatches.alreadyHeld} + ${row.alreadyHeld}`,
      ...(row.problem
        ? { problems: sql`${awardBatches.problems} || ${JSON.stringify([row.problem])}::jsonb` }
        : {}),
      ...(row.finished ? { finishedAt: new Date() } : {}),
    })
    .where(eq(awardBatches.id, batchId));
}
