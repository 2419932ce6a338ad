import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { applications, memberships, reviewAssignments, users } from "../../db/schema";
import type { ReviewState } from "./review.rules";

export type AssignmentRow = typeof reviewAssignments.$inferSelect;

/** The reviewers on an application's panel who have not stepped aside. */
export async function listActiveReviewerIds(q: Queryable, applicationId: string) {
  const rows = await q
    .select({ reviewerId: reviewAssignments.reviewerId })
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.applicationId, applicationId),
        ne(reviewAssignments.state, "recused"),
      ),
    );
  return rows.map((r) => r.reviewerId);
}

export async function listAssignments(q: Queryable, applicationId: string) {
  return q
    .select()
    .from(reviewAssignments)
    .where(eq(reviewAssignments.applicationId, applicationId));
}

/** Every assignment of the application with its reviewer's name, in the order they were made. */
export async function listReviewsWithNames(q: Queryable, applicationId: string) {
  return q
    .select({ review: reviewAssignments, name: users.name })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.applicationId, applicationId))
    .orderBy(asc(reviewAssignments.assignedAt));
}

/** Takes reviewers off a panel. */
export async function releaseAssignments(
  q: Queryable,
  key: { applicationId: string; reviewerIds: string[] },
) {
  if (key.reviewerIds.length === 0) return;
  await q
    .delete(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.applicationId, key.applicationId),
        inArray(reviewAssignments.reviewerId, key.reviewerIds),
      ),
    );
}

export async function insertAssignments(
  q: Queryable,
  key: { applicationId: string; reviewerIds: string[] },
) {
  if (key.reviewerIds.length === 0) return;
  await q
    .insert(reviewAssignments)
    .values(
      key.reviewerIds.map((reviewerId) => ({ applicationId: key.applicationId, reviewerId })),
    );
}

/** A revision is reviewed afresh: every submitted review goes back to its reviewer. */
export async function reassignSubmittedReviews(q: Queryable, applicationId: string) {
  await q
    .update(reviewAssignments)
    .set({ state: "assigned", submittedAt: null })
    .where(
      and(
        eq(reviewAssignments.applicationId, applicationId),
        eq(reviewAssignments.state, "submitted"),
      ),
    );
}

/**
 * The guarded update of an assignment: from `from` to `to`, and when
 * `underReview`, only while the application is under review. Undefined when
 * the assignment or the application was not in that state.
 */
export async function transitionAssignment(
  tx: Queryable,
  move: {
    applicationId: string;
    reviewerId: string;
    from: ReviewState;
    to: ReviewState;
    underReview: boolean;
    set: Partial<typeof reviewAssignments.$inferInsert>;
  },
): Promise<AssignmentRow | undefined> {
  const [row] = await tx
    .update(reviewAssignments)
    .set({ ...move.set, state: move.to })
    .where(
      and(
        eq(reviewAssignments.applicationId, move.applicationId),
        eq(reviewAssignments.reviewerId, move.reviewerId),
        eq(reviewAssignments.state, move.from),
        move.underReview
          ? inArray(
              reviewAssignments.applicationId,
              tx
                .select({ id: applications.id })
                .from(applications)
                .where(
                  and(
                    eq(applications.id, move.applicationId),
                    eq(applications.state, "under_review"),
                  ),
                ),
            )
          : undefined,
      ),
    )
    .returning();
  return row;
}

export async function findAssignmentState(
  q: Queryable,
  key: { applicationId: string; reviewerId: string },
) {
  const [current] = await q
    .select({ state: reviewAssignments.state })
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.applicationId, key.applicationId),
        eq(reviewAssignments.reviewerId, key.reviewerId),
      ),
    );
  return current?.state as ReviewState | undefined;
}

/** The people proposed for a panel: their roles, and where to write to them. */
export async function listPanelCandidates(q: Queryable, userIds: string[]) {
  if (userIds.length === 0) return [];
  return q
    .select({
      id: users.id,
      platformRoles: users.platformRoles,
      email: users.email,
      name: users.name,
      locale: users.locale,
    })
    .from(users)
    .where(inArray(users.id, userIds));
}

/** The organisations each of these users belongs to. */
export async function listMembershipsOf(q: Queryable, userIds: string[]) {
  if (userIds.length === 0) return [];
  return q
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(inArray(memberships.userId, userIds));
}

/** Where to write to the users (a message's recipients). */
export async function listUserAddresses(q: Queryable, userIds: string[]) {
  if (userIds.length === 0) return [];
  return q
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, userIds));
}
