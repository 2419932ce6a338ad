import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  organisations,
  programmeTexts,
  type SupportMeeting,
  type SupportState,
  supportAdvisers,
  supportMessages,
  supportRequests,
} from "../../db/schema";

export type SupportRequestRow = typeof supportRequests.$inferSelect;
export type AdviserRow = typeof supportAdvisers.$inferSelect;

export async function upsertAdviser(
  tx: Queryable,
  values: Omit<typeof supportAdvisers.$inferInsert, "updatedAt">,
) {
  const { organisationId, ...change } = values;
  await tx
    .insert(supportAdvisers)
    .values(values)
    .onConflictDoUpdate({
      target: supportAdvisers.organisationId,
      set: { ...change, updatedAt: new Date() },
    });
}

export async function findAdviser(q: Queryable, organisationId: string) {
  const [row] = await q
    .select()
    .from(supportAdvisers)
    .where(eq(supportAdvisers.organisationId, organisationId));
  return row;
}

/** Serialises the choice of advisers (routing, reassignment), so capacities hold under concurrency. */
export async function lockAdvisers(tx: Queryable) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('support-advisers'))`);
}

/** Every adviser with its organisation's name and parent, and its requests not closed. */
export async function listAdviserProfiles(q: Queryable) {
  const open = q
    .select({
      adviserId: supportRequests.adviserOrganisationId,
      count: sql<number>`count(*)::int`.as("count"),
    })
    .from(supportRequests)
    .where(ne(supportRequests.state, "closed"))
    .groupBy(supportRequests.adviserOrganisationId)
    .as("open");
  const rows = await q
    .select({
      adviser: supportAdvisers,
      name: organisations.name,
      parentId: organisations.parentId,
      contactEmail: organisations.contactEmail,
      openCount: sql<number>`coalesce(${open.count}, 0)`,
    })
    .from(supportAdvisers)
    .innerJoin(organisations, eq(organisations.id, supportAdvisers.organisationId))
    .leftJoin(open, eq(open.adviserId, supportAdvisers.organisationId))
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r, openCount: Number(r.openCount) }));
}

/** The ids of an organisation's sites (UFAs). */
export async function listChildIds(q: Queryable, organisationId: string) {
  const rows = await q
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.parentId, organisationId));
  return rows.map((r) => r.id);
}

export async function insertSupportRequest(
  tx: Queryable,
  values: Pick<
    typeof supportRequests.$inferInsert,
    | "organisationId"
    | "authorId"
    | "adviserOrganisationId"
    | "badges"
    | "themes"
    | "question"
    | "state"
    | "assignedAt"
  >,
) {
  const [row] = await tx.insert(supportRequests).values(values).returning();
  return row!;
}

const adviserOrgs = alias(organisations, "adviser_org");

const withOrganisations = { request: supportRequests, asker: organisations, adviser: adviserOrgs };

export async function findSupportRequest(q: Queryable, id: string) {
  const [row] = await q
    .select(withOrganisations)
    .from(supportRequests)
    .innerJoin(organisations, eq(organisations.id, supportRequests.organisationId))
    .leftJoin(adviserOrgs, eq(adviserOrgs.id, supportRequests.adviserOrganisationId))
    .where(eq(supportRequests.id, id));
  return row;
}

/** Requests, newest first: every one, or those asked by or given to `organisationIds`. */
export async function listSupportRequests(
  q: Queryable,
  { organisationIds }: { organisationIds?: string[] } = {},
) {
  const base = q
    .select(withOrganisations)
    .from(supportRequests)
    .innerJoin(organisations, eq(organisations.id, supportRequests.organisationId))
    .leftJoin(adviserOrgs, eq(adviserOrgs.id, supportRequests.adviserOrganisationId));
  return (
    organisationIds
      ? base.where(
          or(
            inArray(supportRequests.organisationId, organisationIds),
            inArray(supportRequests.adviserOrganisationId, organisationIds),
          ),
        )
      : base
  ).orderBy(desc(supportRequests.createdAt));
}

type RequestChange = Partial<
  Pick<
    typeof supportRequests.$inferInsert,
    "adviserOrganisationId" | "meeting" | "feedback" | "assignedAt" | "closedAt"
  >
> & { meeting?: SupportMeeting | null };

/**
 * Moves a request from `from` to `to` only if it is still in `from`; answers
 * whether it did (another tab or person may have moved it first). The first
 * answer's time is kept once, when `answered` says the adviser answered.
 */
export async function transitionSupportRequest(
  tx: Queryable,
  {
    id,
    from,
    to,
    change = {},
    answered = false,
  }: {
    id: string;
    from: SupportState;
    to: SupportState;
    change?: RequestChange;
    answered?: boolean;
  },
) {
  const rows = await tx
    .update(supportRequests)
    .set({
      ...change,
      state: to,
      ...(answered
        ? { firstAnsweredAt: sql`coalesce(${supportRequests.firstAnsweredAt}, now())` }
        : {}),
    })
    .where(and(eq(supportRequests.id, id), eq(supportRequests.state, from)))
    .returning({ id: supportRequests.id });
  return rows.length === 1;
}

export async function insertSupportMessage(
  tx: Queryable,
  values: {
    requestId: string;
    authorId: string;
    authorName: string;
    authorRole: "asker" | "adviser" | "manager";
    body: string;
  },
) {
  await tx.insert(supportMessages).values(values);
}

export async function listSupportMessages(q: Queryable, requestId: string) {
  return q
    .select()
    .from(supportMessages)
    .where(eq(supportMessages.requestId, requestId))
    .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id));
}

/** Requests per month (UTC), and the hours from asking to the adviser's first answer. */
export async function supportFigures(q: Queryable) {
  const perMonth = await q
    .select({
      month: sql<string>`to_char(${supportRequests.createdAt} at time zone 'UTC', 'YYYY-MM')`,
      requests: sql<number>`count(*)::int`,
      answered: sql<number>`count(${supportRequests.firstAnsweredAt})::int`,
      medianHoursToFirstAnswer: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${supportRequests.firstAnsweredAt} - ${supportRequests.createdAt}) / 3600)`,
    })
    .from(supportRequests)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return perMonth.map((m) => ({
    ...m,
    requests: Number(m.requests),
    answered: Number(m.answered),
    medianHoursToFirstAnswer:
      m.medianHoursToFirstAnswer === null ? null : Number(m.medianHoursToFirstAnswer),
  }));
}

export async function listProgrammeTexts(q: Queryable) {
  return q.select().from(programmeTexts).orderBy(asc(programmeTexts.key));
}

export async function updateProgrammeText(
  tx: Queryable,
  { key, fr, en, updatedBy }: { key: string; fr: string; en: string; updatedBy: string },
) {
  const rows = await tx
    .update(programmeTexts)
    .set({ fr, en, updatedBy, updatedAt: new Date() })
    .where(eq(programmeTexts.key, key))
    .returning({ key: programmeTexts.key });
  return rows.length === 1;
}
