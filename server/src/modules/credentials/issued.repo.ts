import { and, count, eq, gt, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  badgeClasses,
  collections,
  credentials,
  organisations,
  programmes,
  users,
} from "../../db/schema";
import { orderOf, pageWindow, searchAny } from "../lists/lists.repo";
import type { ListPaging } from "../lists/lists.schema";

export const issuedStates = ["valid", "suspended", "revoked", "expired"] as const;
export type IssuedState = (typeof issuedStates)[number];
export type IssuedFilters = {
  q?: string | undefined;
  programme?: string | undefined;
  state?: IssuedState | undefined;
  badgeId?: string | undefined;
  organisationId?: string | undefined;
};
export type IssuedSort = "issued" | "badge" | "holder" | "validUntil";

/** A credential's state as the lists say it: revoked, else suspended, else expired, else valid. */
const stateOf = sql<IssuedState>`case
  when ${credentials.revokedAt} is not null then 'revoked'
  when ${credentials.suspendedAt} is not null then 'suspended'
  when ${credentials.validUntil} is not null and ${credentials.validUntil} <= now() then 'expired'
  else 'valid' end`;

function inState(state: IssuedState): SQL | undefined {
  const notExpired = or(isNull(credentials.validUntil), gt(credentials.validUntil, sql`now()`));
  if (state === "revoked") return isNotNull(credentials.revokedAt);
  if (state === "suspended")
    return and(isNull(credentials.revokedAt), isNotNull(credentials.suspendedAt));
  const live = and(isNull(credentials.revokedAt), isNull(credentials.suspendedAt));
  if (state === "expired") return and(live, lte(credentials.validUntil, sql`now()`));
  return and(live, notExpired);
}

const holderName = sql<string>`coalesce(${organisations.name}, ${users.name}, '')`;
const sortColumns = {
  issued: credentials.validFrom,
  badge: badgeClasses.name,
  holder: holderName,
  validUntil: credentials.validUntil,
} as const;

function conditions(filters: IssuedFilters, withState: boolean): SQL | undefined {
  return and(
    searchAny(filters.q, [badgeClasses.name, organisations.name, users.name]),
    filters.programme ? eq(programmes.slug, filters.programme) : undefined,
    withState && filters.state ? inState(filters.state) : undefined,
    filters.badgeId ? eq(credentials.badgeClassId, filters.badgeId) : undefined,
    filters.organisationId ? eq(credentials.subjectOrgId, filters.organisationId) : undefined,
  );
}

function joinIssued<T extends PgSelect>(qb: T) {
  return qb
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .leftJoin(organisations, eq(organisations.id, credentials.subjectOrgId))
    .leftJoin(users, eq(users.id, credentials.subjectUserId));
}

/** Issued badges under the filters: one page, and how many per state. */
export async function searchIssuedBadges(
  q: Queryable,
  options: {
    filters: IssuedFilters;
    sort: IssuedSort;
    direction: "asc" | "desc";
    paging: ListPaging;
  },
) {
  const { limit, offset } = pageWindow(options.paging);
  const rows = await joinIssued(
    q
      .select({
        id: credentials.id,
        state: stateOf,
        programme: programmes.slug,
        badge: { id: badgeClasses.id, name: badgeClasses.name },
        holder: holderName,
        holderKind: credentials.subjectKind,
        organisationId: credentials.subjectOrgId,
        validFrom: credentials.validFrom,
        validUntil: credentials.validUntil,
      })
      .from(credentials)
      .$dynamic(),
  )
    .where(conditions(options.filters, true))
    .orderBy(...orderOf(sortColumns[options.sort], options.direction, credentials.id))
    .limit(limit)
    .offset(offset);
  const perState = await joinIssued(
    q.select({ state: stateOf, n: count() }).from(credentials).$dynamic(),
  )
    .where(conditions(options.filters, false))
    .groupBy(stateOf);
  return { rows, perState };
}
