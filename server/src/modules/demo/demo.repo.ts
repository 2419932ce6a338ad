import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  applicationMessages,
  applications,
  badgeClasses,
  calendarSessions,
  credentials,
  jobs,
  organisations,
  partnerParticipations,
  partnerRegistrations,
  programmes,
  reviewAssignments,
  users,
} from "../../db/schema";

export async function countUsers(q: Queryable) {
  const [row] = await q.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(users);
  return row?.n ?? 0;
}

export async function allOrganisations(q: Queryable) {
  return q.select().from(organisations);
}

export async function allUsers(q: Queryable) {
  return q.select().from(users);
}

export async function findProgrammeBySlug(q: Queryable, slug: string) {
  const [programme] = await q.select().from(programmes).where(eq(programmes.slug, slug));
  return programme;
}

export async function findBadgeBySlug(q: Queryable, slug: string) {
  const [badge] = await q.select().from(badgeClasses).where(eq(badgeClasses.slug, slug));
  return badge;
}

export async function insertCalendarSessions(
  q: Queryable,
  values: (typeof calendarSessions.$inferInsert)[],
) {
  await q.insert(calendarSessions).values(values);
}

export async function earliestCalendarSession(q: Queryable) {
  const [session] = await q.select().from(calendarSessions).orderBy(asc(calendarSessions.deadline));
  return session;
}

/** The holder accepted the credential on that day. */
export async function markCredentialAccepted(q: Queryable, id: string, at: Date) {
  await q
    .update(credentials)
    .set({ claimState: "accepted", claimedAt: at })
    .where(eq(credentials.id, id));
}

export async function markGrantAccepted(q: Queryable, grantKey: string, at: Date) {
  await q
    .update(credentials)
    .set({ claimState: "accepted", claimedAt: at })
    .where(eq(credentials.grantKey, grantKey));
}

export async function findJobByUniqueKey(q: Queryable, uniqueKey: string) {
  const [job] = await q.select().from(jobs).where(eq(jobs.uniqueKey, uniqueKey));
  return job;
}

export async function insertApplication(q: Queryable, values: typeof applications.$inferInsert) {
  const [row] = await q.insert(applications).values(values).returning();
  return row!;
}

export async function insertReviewAssignments(
  q: Queryable,
  values: (typeof reviewAssignments.$inferInsert)[],
) {
  await q.insert(reviewAssignments).values(values);
}

export async function insertApplicationMessage(
  q: Queryable,
  values: typeof applicationMessages.$inferInsert,
) {
  await q.insert(applicationMessages).values(values);
}

export async function insertParticipation(
  q: Queryable,
  values: typeof partnerParticipations.$inferInsert,
) {
  await q.insert(partnerParticipations).values(values);
}

export async function insertRegistration(
  q: Queryable,
  values: typeof partnerRegistrations.$inferInsert,
) {
  await q.insert(partnerRegistrations).values(values);
}
