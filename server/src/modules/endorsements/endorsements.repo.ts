import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import { badgeClasses, endorsements, organisations } from "../../db/schema";

export type EndorsementRow = typeof endorsements.$inferSelect;

const endorsers = alias(organisations, "endorser");
const withParts = {
  endorsement: endorsements,
  badge: badgeClasses,
  endorser: endorsers,
  subjectOrg: organisations,
};

const selectWithParts = (q: Queryable) =>
  q
    .select(withParts)
    .from(endorsements)
    .leftJoin(badgeClasses, eq(badgeClasses.id, endorsements.badgeClassId))
    .leftJoin(endorsers, eq(endorsers.id, endorsements.endorserOrgId))
    .leftJoin(organisations, eq(organisations.id, endorsements.subjectOrgId));

export type EndorsementWithParts = Awaited<ReturnType<typeof findEndorsement>> & {};

export async function insertEndorsement(tx: Queryable, values: typeof endorsements.$inferInsert) {
  const [row] = await tx.insert(endorsements).values(values).returning();
  return row!;
}

/** An endorsement with what it endorses (a badge class or an issuer) and its endorser on Blason. */
export async function findEndorsement(q: Queryable, id: string) {
  const [row] = await selectWithParts(q).where(eq(endorsements.id, id));
  return row;
}

export async function findEndorsementByTokenHash(q: Queryable, tokenHash: string) {
  const [row] = await selectWithParts(q).where(eq(endorsements.tokenHash, tokenHash));
  return row;
}

/** Every endorsement, newest first, or those whose endorser is one of `endorserOrgIds`. */
export async function listEndorsementsWithParts(
  q: Queryable,
  { endorserOrgIds }: { endorserOrgIds?: string[] } = {},
) {
  const base = selectWithParts(q);
  return (
    endorserOrgIds ? base.where(inArray(endorsements.endorserOrgId, endorserOrgIds)) : base
  ).orderBy(desc(endorsements.createdAt));
}

/** Invited -> published, once: the loser of a race changes nothing. */
export async function publishEndorsement(
  tx: Queryable,
  id: string,
  change: Pick<EndorsementRow, "statement" | "document" | "statusList" | "statusIndex">,
) {
  const [row] = await tx
    .update(endorsements)
    .set({ ...change, state: "published", publishedAt: new Date() })
    .where(and(eq(endorsements.id, id), eq(endorsements.state, "invited")))
    .returning();
  return row;
}

/** Published -> withdrawn, once. */
export async function withdrawEndorsement(tx: Queryable, id: string) {
  const [row] = await tx
    .update(endorsements)
    .set({ state: "withdrawn", withdrawnAt: new Date() })
    .where(and(eq(endorsements.id, id), eq(endorsements.state, "published")))
    .returning();
  return row;
}

/** The published endorsements of these badge classes, oldest first. */
export async function publishedEndorsementsOf(q: Queryable, badgeClassIds: string[]) {
  if (badgeClassIds.length === 0) return [];
  return q
    .select()
    .from(endorsements)
    .where(
      and(inArray(endorsements.badgeClassId, badgeClassIds), eq(endorsements.state, "published")),
    )
    .orderBy(endorsements.publishedAt);
}
