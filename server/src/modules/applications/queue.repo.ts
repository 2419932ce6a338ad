import { and, asc, count, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  applications,
  badgeClasses,
  calendarSessions,
  collections,
  organisations,
  programmes,
  reviewAssignments,
  users,
} from "../../db/schema";
import { orderOf, pageWindow, searchAny } from "../lists/lists.repo";
import type { ListPaging } from "../lists/lists.schema";
import type { ApplicationState } from "./applications.rules";

export type QueueFilters = {
  q?: string | undefined;
  programme?: string | undefined;
  state?: ApplicationState | undefined;
  sessionId?: string | undefined;
  badgeId?: string | undefined;
  organisationId?: string | undefined;
};
export type QueueSort = "updated" | "submitted" | "badge" | "organisation" | "state" | "commission";

const sortColumns = {
  updated: applications.updatedAt,
  submitted: applications.submittedAt,
  badge: badgeClasses.name,
  organisation: organisations.name,
  state: applications.state,
  commission: calendarSessions.commissionDate,
} as const;

/** Every filter but the state: the counts per state are read under them. */
function conditions(filters: QueueFilters, withState: boolean): SQL | undefined {
  return and(
    ne(applications.state, "draft"),
    searchAny(filters.q, [badgeClasses.name, organisations.name, calendarSessions.name]),
    filters.programme ? eq(programmes.slug, filters.programme) : undefined,
    withState && filters.state ? eq(applications.state, filters.state) : undefined,
    filters.sessionId ? eq(applications.sessionId, filters.sessionId) : undefined,
    filters.badgeId ? eq(applications.badgeClassId, filters.badgeId) : undefined,
    filters.organisationId ? eq(applications.organisationId, filters.organisationId) : undefined,
  );
}

/** The tables a queue row reads, joined to the applications. */
function joinQueue<T extends PgSelect>(qb: T) {
  return qb
    .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(calendarSessions, eq(calendarSessions.id, applications.sessionId));
}

/** The managers' queue: one page of sent applications under the filters, with their panel. */
export async function searchApplicationQueue(
  q: Queryable,
  options: {
    filters: QueueFilters;
    sort: QueueSort;
    direction: "asc" | "desc";
    paging: ListPaging;
  },
) {
  const { filters } = options;
  const { limit, offset } = pageWindow(options.paging);
  const rows = await joinQueue(
    q
      .select({
        id: applications.id,
        state: applications.state,
        kind: applications.kind,
        submittedAt: applications.submittedAt,
        updatedAt: applications.updatedAt,
        badge: { id: badgeClasses.id, name: badgeClasses.name },
        rule: badgeClasses.rule,
        programme: programmes.slug,
        organisation: { id: organisations.id, name: organisations.name },
        session: {
          id: calendarSessions.id,
          name: calendarSessions.name,
          commissionDate: calendarSessions.commissionDate,
          revisionsOnly: calendarSessions.revisionsOnly,
        },
      })
      .from(applications)
      .$dynamic(),
  )
    .where(conditions(filters, true))
    .orderBy(...orderOf(sortColumns[options.sort], options.direction, applications.id))
    .limit(limit)
    .offset(offset);
  const perState = await joinQueue(
    q.select({ state: applications.state, n: count() }).from(applications).$dynamic(),
  )
    .where(conditions(filters, false))
    .groupBy(applications.state);
  return { rows, perState };
}

/** The reviewers on these applications' panels (those who stepped aside left out), by name. */
export async function listPanelNames(q: Queryable, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return q
    .select({ applicationId: reviewAssignments.applicationId, name: users.name })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(
      and(
        inArray(reviewAssignments.applicationId, applicationIds),
        ne(reviewAssignments.state, "recused"),
      ),
    )
    .orderBy(asc(users.name));
}
