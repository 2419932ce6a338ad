import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  applications,
  badgeClasses,
  calendarSessions,
  collections,
  credentials,
  organisations,
} from "../../db/schema";

/** Organisations' badges, live at `now`, whose validity ends by `horizon`. */
export async function listBadgesEndingBy(q: Queryable, input: { now: Date; horizon: Date }) {
  return q
    .select({ credential: credentials, badge: badgeClasses, org: organisations })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .innerJoin(organisations, eq(organisations.id, credentials.subjectOrgId))
    .where(
      and(
        eq(badgeClasses.kind, "badge"),
        isNull(credentials.revokedAt),
        gt(credentials.validUntil, input.now),
        lte(credentials.validUntil, input.horizon),
      ),
    );
}

/** Applications still to submit (drafts, and revisions asked for), with badge and organisation. */
export async function listUnsubmittedApplications(q: Queryable) {
  return q
    .select({ application: applications, badge: badgeClasses, org: organisations })
    .from(applications)
    .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(inArray(applications.state, ["draft", "revision_requested"]));
}

/** Every calendar session, with each collection of its programme. */
export async function listSessionsByCollection(q: Queryable) {
  return q
    .select({ session: calendarSessions, collectionId: collections.id })
    .from(calendarSessions)
    .innerJoin(collections, eq(collections.programmeId, calendarSessions.programmeId));
}
