import { and, asc, desc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  applications,
  badgeClasses,
  type CriterionAnswer,
  calendarSessions,
  collections,
  credentials,
  memberships,
  organisations,
  partnerParticipations,
  programmes,
  reviewAssignments,
  users,
} from "../../db/schema";
import type { ApplicationState } from "./applications.rules";

export type ApplicationRow = typeof applications.$inferSelect;

/** An application with its badge and its organisation: what every use case starts from. */
export async function findApplication(q: Queryable, id: string) {
  const [row] = await q
    .select({ application: applications, badge: badgeClasses, org: organisations })
    .from(applications)
    .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(applications.id, id));
  return row;
}
export type LoadedApplication = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function findApplicationState(q: Queryable, id: string) {
  const [row] = await q
    .select({ state: applications.state })
    .from(applications)
    .where(eq(applications.id, id));
  return row?.state as ApplicationState | undefined;
}

/**
 * The guarded update every transition is: from the state the application
 * was read in to the next, or nothing (undefined) when it moved meanwhile.
 * `mergeAnswers` is merged by the database, so that two criteria saved at
 * once both stay.
 */
export async function transitionApplication(
  tx: Queryable,
  move: {
    id: string;
    from: ApplicationState;
    to: ApplicationState;
    set: PgUpdateSetSource<typeof applications>;
    mergeAnswers?: Record<string, CriterionAnswer> | undefined;
  },
): Promise<ApplicationRow | undefined> {
  const [updated] = await tx
    .update(applications)
    .set({
      ...move.set,
      ...(move.mergeAnswers
        ? { answers: sql`${applications.answers} || ${JSON.stringify(move.mergeAnswers)}::jsonb` }
        : {}),
      state: move.to,
    })
    .where(and(eq(applications.id, move.id), eq(applications.state, move.from)))
    .returning();
  return updated;
}

/** A badge class with its collection, as opening an application checks it. */
export async function findBadgeWithCollection(q: Queryable, badgeClassId: string) {
  const [row] = await q
    .select({ badge: badgeClasses, collection: collections })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .where(eq(badgeClasses.id, badgeClassId));
  return row;
}

/** Whether the organisation has an application for the badge not yet in a final state. */
export async function hasOpenApplication(
  q: Queryable,
  key: { organisationId: string; badgeClassId: string; finalStates: readonly ApplicationState[] },
) {
  const open = await q
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.organisationId, key.organisationId),
        eq(applications.badgeClassId, key.badgeClassId),
        notInArray(applications.state, [...key.finalStates]),
      ),
    );
  return open.length > 0;
}

export async function insertApplication(q: Queryable, values: typeof applications.$inferInsert) {
  const [created] = await q.insert(applications).values(values).returning();
  return created!;
}

/** The awards of a badge to an organisation, as far as opening an application cares. */
export async function listHeldBadges(
  q: Queryable,
  key: { organisationId: string; badgeClassId: string },
) {
  return q
    .select({
      validFrom: credentials.validFrom,
      validUntil: credentials.validUntil,
      revokedAt: credentials.revokedAt,
    })
    .from(credentials)
    .where(
      and(
        eq(credentials.subjectOrgId, key.organisationId),
        eq(credentials.badgeClassId, key.badgeClassId),
      ),
    );
}

/** The answers of the organisation's last granted application for the badge, if any. */
export async function findLastGrantedAnswers(
  q: Queryable,
  key: { organisationId: string; badgeClassId: string },
) {
  const [last] = await q
    .select({ answers: applications.answers })
    .from(applications)
    .where(
      and(
        eq(applications.organisationId, key.organisationId),
        eq(applications.badgeClassId, key.badgeClassId),
        eq(applications.state, "granted"),
      ),
    )
    .orderBy(desc(applications.decidedAt))
    .limit(1);
  return last?.answers;
}

const sessionColumns = {
  id: calendarSessions.id,
  name: calendarSessions.name,
  deadline: calendarSessions.deadline,
  commissionDate: calendarSessions.commissionDate,
  revisionsOnly: calendarSessions.revisionsOnly,
};

/** The sessions of the programme a badge belongs to, by deadline. */
export async function listSessionsForBadge(q: Queryable, badgeClassId: string) {
  return q
    .select(sessionColumns)
    .from(calendarSessions)
    .innerJoin(collections, eq(collections.programmeId, calendarSessions.programmeId))
    .innerJoin(badgeClasses, eq(badgeClasses.collectionId, collections.id))
    .where(eq(badgeClasses.id, badgeClassId))
    .orderBy(asc(calendarSessions.deadline));
}

export async function listProgrammeSessions(q: Queryable, programmeSlug: string) {
  return q
    .select(sessionColumns)
    .from(calendarSessions)
    .innerJoin(programmes, eq(programmes.id, calendarSessions.programmeId))
    .where(eq(programmes.slug, programmeSlug))
    .orderBy(asc(calendarSessions.deadline));
}

export async function findSession(q: Queryable, id: string | null) {
  if (!id) return undefined;
  const [session] = await q.select().from(calendarSessions).where(eq(calendarSessions.id, id));
  return session;
}

/** Whether the badge's programme keeps its reviewers anonymous to applicants (the default). */
export async function reviewersAnonymous(q: Queryable, collectionId: string) {
  const [row] = await q
    .select({ anonymous: programmes.reviewersAnonymous })
    .from(collections)
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(eq(collections.id, collectionId));
  return row?.anonymous ?? true;
}

/** The partner takes part from a grant on, for as long as the badge is valid. */
export async function insertParticipation(
  q: Queryable,
  values: typeof partnerParticipations.$inferInsert,
) {
  await q.insert(partnerParticipations).values(values);
}

/** Which applications a list shows: an organisation's, a reviewer's assignments, or all sent. */
export type ApplicationListScope =
  | { organisationId: string }
  | { assignedTo: string }
  | { sent: true };

/** The rows of a list, with the caller's own review of each when they are on its panel. */
export async function listApplicationRows(
  q: Queryable,
  options: { callerId: string; scope: ApplicationListScope },
) {
  const base = q
    .select({
      application: applications,
      badge: { id: badgeClasses.id, name: badgeClasses.name, required: badgeClasses.required },
      rule: badgeClasses.rule,
      org: { id: organisations.id, name: organisations.name, kind: organisations.kind },
      session: {
        name: calendarSessions.name,
        deadline: calendarSessions.deadline,
        commissionDate: calendarSessions.commissionDate,
        revisionsOnly: calendarSessions.revisionsOnly,
      },
      myReview: reviewAssignments.state,
    })
    .from(applications)
    .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(calendarSessions, eq(calendarSessions.id, applications.sessionId))
    .leftJoin(
      reviewAssignments,
      and(
        eq(reviewAssignments.applicationId, applications.id),
        eq(reviewAssignments.reviewerId, options.callerId),
      ),
    )
    .$dynamic();
  const { scope } = options;
  const where =
    "organisationId" in scope
      ? eq(applications.organisationId, scope.organisationId)
      : "assignedTo" in scope
        ? inArray(
            applications.id,
            q
              .select({ id: reviewAssignments.applicationId })
              .from(reviewAssignments)
              .where(
                and(
                  eq(reviewAssignments.reviewerId, scope.assignedTo),
                  ne(reviewAssignments.state, "recused"),
                ),
              ),
          )
        : ne(applications.state, "draft");
  return base.where(where).orderBy(desc(applications.updatedAt));
}

/** Users with their roles, by name: the peer group is drawn from them. */
export async function listUsersByName(q: Queryable) {
  return q
    .select({ id: users.id, name: users.name, email: users.email, roles: users.platformRoles })
    .from(users)
    .orderBy(asc(users.name));
}

/** The names of the organisations these users belong to. */
export async function listMembershipNames(q: Queryable, userIds: string[]) {
  if (userIds.length === 0) return [];
  return q
    .select({ userId: memberships.userId, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(inArray(memberships.userId, userIds));
}
