import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { badgeIdeas, collections, organisations, programmes } from "../../db/schema";

type IdeaChange = Partial<
  Pick<
    typeof badgeIdeas.$inferInsert,
    "state" | "answer" | "answeredBy" | "answeredAt" | "badgeClassId"
  >
>;

export async function insertIdea(
  tx: Queryable,
  values: { organisationId: string; authorId: string; title: string; description: string },
) {
  const [idea] = await tx.insert(badgeIdeas).values(values).returning();
  return idea!;
}

/** Ideas with the organisation that proposed them, newest first: every one, or those of `organisationIds`. */
export async function listIdeasWithOrganisation(
  q: Queryable,
  { organisationIds }: { organisationIds?: string[] } = {},
) {
  const base = q
    .select({ idea: badgeIdeas, org: organisations })
    .from(badgeIdeas)
    .innerJoin(organisations, eq(organisations.id, badgeIdeas.organisationId));
  return (
    organisationIds ? base.where(inArray(badgeIdeas.organisationId, organisationIds)) : base
  ).orderBy(desc(badgeIdeas.createdAt));
}

export async function findIdeaWithOrganisation(q: Queryable, id: string) {
  const [found] = await q
    .select({ idea: badgeIdeas, org: organisations })
    .from(badgeIdeas)
    .innerJoin(organisations, eq(organisations.id, badgeIdeas.organisationId))
    .where(eq(badgeIdeas.id, id));
  return found;
}

export async function updateIdea(tx: Queryable, id: string, change: IdeaChange) {
  await tx.update(badgeIdeas).set(change).where(eq(badgeIdeas.id, id));
}

/** A programme with its draft collection, if it has one, and every version it has used. */
export async function findProgrammeDraft(q: Queryable, slug: string) {
  const [programme] = await q.select().from(programmes).where(eq(programmes.slug, slug));
  if (!programme) return undefined;
  const [draft] = await q
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programme.id), eq(collections.status, "draft")));
  const versions = await q
    .select({ version: collections.version })
    .from(collections)
    .where(eq(collections.programmeId, programme.id));
  return { programme, draft, versions: versions.map((c) => c.version) };
}
