import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import { findUserById, type UserRow } from "../auth/auth.repo";
import { queueEmail } from "../email/mailer";
import { listChildren } from "../organisations/organisations.repo";
import { actorOf } from "../organisations/organisations.service";
import type { Caller } from "../policy/policy";
import { authorize } from "../policy/policy";
import {
  findAssignmentState,
  insertAssignments,
  listAssignments,
  listMembershipsOf,
  listPanelCandidates,
  releaseAssignments,
  transitionAssignment,
} from "../review/review.repo";
import {
  applyReviewEvent,
  checkPanel,
  conflictOfInterest,
  type PanelRule,
  type ReviewEvent,
  type ReviewerProfile,
  reviewTransition,
} from "../review/review.rules";
import { findApplicationState } from "./applications.repo";
import { finalStates } from "./applications.rules";
import type { ReviewInput } from "./applications.schema";
import {
  listReviewers,
  moveApplication,
  type Reader,
  readableApplication,
  transition,
} from "./applications.service";

/** Two reviewers by default; a mix between reviewer groups can be added here. */
export const PANEL_RULE: PanelRule = { size: 2, mix: [] };

/** The reviewer's situation as the conflict-of-interest rule sees it. */
async function reviewerProfiles(q: Queryable, userIds: string[]): Promise<ReviewerProfile[]> {
  const rows = await listMembershipsOf(q, userIds);
  return userIds.map((userId) => ({
    userId,
    organisationIds: rows.filter((r) => r.userId === userId).map((r) => r.organisationId),
    declaredTies: [],
    group: "peer",
  }));
}

/**
 * The peer group as offered for one application's panel: each reviewer with
 * the reason they may not sit on it (a conflict of interest, or they already
 * stepped aside), null when they may. The same rules as assignReviewers.
 */
export async function panelCandidates(ctx: AppContext, options: { caller: Reader; id: string }) {
  const { caller, id } = options;
  const found = await readableApplication(ctx, caller.principal, id);
  const reviewers = await listReviewers(ctx, { caller });
  const children = await listChildren(ctx.db, found.org.id);
  const profiles = await reviewerProfiles(
    ctx.db,
    reviewers.map((r) => r.id),
  );
  const recused = (await listAssignments(ctx.db, id))
    .filter((e) => e.state === "recused")
    .map((e) => e.reviewerId);
  const applicant = {
    id: found.org.id,
    parentId: found.org.parentId,
    childIds: children.map((c) => c.id),
  };
  return reviewers.map((r, i) => ({
    ...r,
    excluded: recused.includes(r.id)
      ? ("REVIEWER_RECUSED" as const)
      : conflictOfInterest(profiles[i] as ReviewerProfile, applicant),
  }));
}

/**
 * Managers choose the panel. Each reviewer must hold the reviewer role, have
 * no conflict of interest, and not have recused themselves from it before.
 */
export async function assignReviewers(
  ctx: AppContext,
  options: { caller: Caller; id: string; reviewerIds: string[] },
) {
  const {
    caller: { principal, user },
    id,
    reviewerIds,
  } = options;
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "application.manage");
  transition(found.application.state, "assign_reviewers", "manager");
  const staff = await listPanelCandidates(ctx.db, reviewerIds);
  const notReviewers = reviewerIds.filter(
    (rid) => !staff.find((s) => s.id === rid)?.platformRoles.includes("reviewer"),
  );
  const children = await listChildren(ctx.db, found.org.id);
  const profiles = await reviewerProfiles(ctx.db, reviewerIds);
  await ctx.db.transaction(async (tx) => {
    // First the guarded move, which holds the application: a withdrawal or
    // another panel change waits for this one, and the panel read below is current.
    await moveApplication(tx, {
      found,
      event: "assign_reviewers",
      actor: "manager",
      set: { updatedAt: new Date() },
    });
    const existing = await listAssignments(tx, id);
    const recused = existing.filter((e) => e.state === "recused").map((e) => e.reviewerId);
    const problems = checkPanel(
      profiles,
      { id: found.org.id, parentId: found.org.parentId, childIds: children.map((c) => c.id) },
      PANEL_RULE,
      recused,
    );
    if (notReviewers.length || problems.length)
      throw new AppError(
        "REVIEW_PANEL_INVALID",
        Object.fromEntries([
          ...notReviewers.map((rid) => [rid, "NOT_A_REVIEWER"]),
          ...problems.map((p) => [
            "userId" in p ? p.userId : "panel",
            "reason" in p ? p.reason : p.code,
          ]),
        ]),
      );
    const added = reviewerIds.filter((rid) => !existing.some((e) => e.reviewerId === rid));
    // Reviewers left out of the new panel are released, unless they already reviewed.
    const dropped = existing
      .filter((e) => e.state === "assigned" && !reviewerIds.includes(e.reviewerId))
      .map((e) => e.reviewerId);
    await releaseAssignments(tx, { applicationId: id, reviewerIds: dropped });
    await insertAssignments(tx, { applicationId: id, reviewerIds: added });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "application.reviewers_assigned",
      targetType: "application",
      targetId: id,
      data: { reviewers: reviewerIds },
    });
    for (const reviewer of staff.filter((s) => added.includes(s.id)))
      await queueEmail(tx, {
        to: reviewer.email,
        locale: reviewer.locale === "en" ? "en" : "fr",
        template: {
          name: "review_assigned",
          organisation: found.org.name,
          badge: found.badge.name,
          url: `${ctx.config.publicUrl}/demandes/${id}`,
        },
      });
  });
}

type AssignmentMove = {
  applicationId: string;
  reviewerId: string;
  event: ReviewEvent;
  underReview: boolean;
  set: Parameters<typeof transitionAssignment>[1]["set"];
};

/**
 * Moves one reviewer's assignment by the review state machine, with its
 * audit row (and whatever `also` queues) in one transaction.
 */
async function changeAssignment(
  ctx: AppContext,
  user: UserRow,
  move: AssignmentMove,
  audit: { action: string; data: Record<string, unknown> },
  also?: (tx: Queryable) => Promise<void>,
) {
  await ctx.db.transaction(async (tx) => {
    await moveAssignment(tx, move);
    await appendAudit(tx, {
      actor: actorOf(user),
      action: audit.action,
      targetType: "application",
      targetId: move.applicationId,
      data: audit.data,
    });
    await also?.(tx);
  });
}

/**
 * The guarded update of an assignment: from the state the event starts from
 * and, when `underReview`, only while the application is under review. A
 * refusal says why, from the state found.
 */
async function moveAssignment(tx: Queryable, input: AssignmentMove) {
  const { from, to } = reviewTransition(input.event);
  const row = await transitionAssignment(tx, { ...input, from, to });
  if (row) return row;
  const state = await findApplicationState(tx, input.applicationId);
  if (input.underReview && state !== "under_review")
    throw new AppError(
      state && finalStates.includes(state)
        ? "APPLICATION_ALREADY_DECIDED"
        : "APPLICATION_TRANSITION_NOT_ALLOWED",
    );
  const current = await findAssignmentState(tx, input);
  const refusal = current
    ? applyReviewEvent(current, input.event)
    : { ok: false as const, code: "REVIEW_NOT_ASSIGNED" as const };
  throw new AppError(refusal.ok ? "APPLICATION_CHANGED" : refusal.code);
}

/** A reviewer steps aside (a conflict of interest), with the reason kept. */
export async function recuse(
  ctx: AppContext,
  options: { caller: Caller; id: string; reason: string },
) {
  const {
    caller: { principal, user },
    id,
    reason,
  } = options;
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "application.review", { org: found.org, reviewers: found.reviewers });
  await changeAssignment(
    ctx,
    user,
    {
      applicationId: id,
      reviewerId: user.id,
      event: "recuse",
      underReview: false,
      set: { recusalReason: reason },
    },
    { action: "review.recused", data: { reason } },
  );
}

/** A reviewer's review: once submitted it is final (they then read the others'). */
export async function submitReview(
  ctx: AppContext,
  options: { caller: Caller; id: string } & ReviewInput,
) {
  const {
    caller: { principal, user },
    id,
    ratings,
    recommendation,
    comment,
  } = options;
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "application.review", { org: found.org, reviewers: found.reviewers });
  if (found.application.state !== "under_review")
    throw new AppError("APPLICATION_TRANSITION_NOT_ALLOWED");
  const expected = found.badge.criteria.map((_, i) => String(i));
  const missing = expected.filter((k) => !(k in ratings));
  const extra = Object.keys(ratings).filter((k) => !expected.includes(k));
  if (missing.length || extra.length)
    throw new AppError(
      "VALIDATION_FAILED",
      Object.fromEntries([...missing, ...extra].map((k) => [`ratings.${k}`, ""])),
    );
  await changeAssignment(
    ctx,
    user,
    {
      applicationId: id,
      reviewerId: user.id,
      event: "submit",
      underReview: true,
      set: { ratings, recommendation, comment, submittedAt: new Date() },
    },
    { action: "review.submitted", data: { recommendation } },
  );
}

/**
 * A programme manager gives a submitted review back to its reviewer (new
 * evidence, a review written too fast), with a reason kept in the audit log.
 * The reviewer is told, and reads the others' reviews again only once theirs
 * is back in.
 */
export async function reopenReview(
  ctx: AppContext,
  options: { caller: Caller; id: string; reviewerId: string; reason: string },
) {
  const {
    caller: { principal, user },
    id,
    reason,
  } = options;
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "review.reopen");
  const reviewer = await findUserById(ctx.db, options.reviewerId);
  if (!reviewer) throw new AppError("REVIEW_NOT_ASSIGNED");
  await changeAssignment(
    ctx,
    user,
    {
      applicationId: id,
      reviewerId: reviewer.id,
      event: "reopen",
      underReview: true,
      set: { submittedAt: null },
    },
    { action: "review.reopened", data: { reviewer: reviewer.id, reason } },
    (tx) =>
      queueEmail(tx, {
        to: reviewer.email,
        locale: reviewer.locale === "en" ? "en" : "fr",
        template: {
          name: "review_reopened",
          organisation: found.org.name,
          badge: found.badge.name,
          reason,
          url: `${ctx.config.publicUrl}/demandes/${id}`,
        },
      }),
  );
}
