import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import {
  type ApplicationScope,
  applicationBadges,
  applicationFiles,
  applicationMessages,
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
import { AppError, type Locale } from "../../errors";
import { assertStorable, verifyInWorkers } from "../../lib/verify";
import { type Actor, appendAudit } from "../audit/audit.repo";
import { listUsersWithRole, type UserRow } from "../auth/auth.repo";
import { sessionForSubmission } from "../calendar/calendar.rules";
import { addMonths, enqueueIssuance } from "../credentials/issuance.service";
import { queueEmail } from "../email/mailer";
import { listChildren } from "../organisations/organisations.repo";
import { actorOf } from "../organisations/organisations.service";
import { isParticipant, participationOf } from "../partners/participation";
import { authorize, can, type Principal } from "../policy/policy";
import {
  applyReviewEvent,
  checkPanel,
  type PanelRule,
  type ReviewEvent,
  type ReviewerProfile,
  type ReviewState,
  reviewTransition,
} from "../review/review.rules";
import {
  type ApplicationEvent,
  type ApplicationState,
  type AuthorAlias,
  applyEvent,
  authorAliases,
  availableEvents,
  checkOpening,
  type EventActor,
  finalStates,
  type Intake,
  RENEWAL_WINDOW_MONTHS,
  submissionKind,
} from "./applications.rules";

export type ApplicationRow = typeof applications.$inferSelect;
type Badge = typeof badgeClasses.$inferSelect;

/** Two reviewers by default; a mix between reviewer groups can be added here. */
export const PANEL_RULE: PanelRule = { size: 2, mix: [] };
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** What a file's first bytes must be for the type it claims (office files are zip containers). */
const ALLOWED_TYPES: Record<string, { ext: string[]; magic?: number[] }> = {
  "application/pdf": { ext: ["pdf"], magic: [0x25, 0x50, 0x44, 0x46] },
  "image/png": { ext: ["png"], magic: [0x89, 0x50, 0x4e, 0x47] },
  "image/jpeg": { ext: ["jpg", "jpeg"], magic: [0xff, 0xd8, 0xff] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    ext: ["docx"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    ext: ["xlsx"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    ext: ["pptx"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "application/vnd.oasis.opendocument.text": { ext: ["odt"], magic: [0x50, 0x4b, 0x03, 0x04] },
  "application/vnd.oasis.opendocument.spreadsheet": {
    ext: ["ods"],
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  "text/plain": { ext: ["txt"] },
};

export function checkUpload(filename: string, contentType: string, bytes: Buffer) {
  const type = ALLOWED_TYPES[contentType.split(";")[0]!.trim().toLowerCase()];
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  if (!type?.ext.includes(ext)) throw new AppError("FILE_TYPE_REFUSED");
  if (bytes.length > MAX_FILE_BYTES) throw new AppError("FILE_TOO_LARGE");
  if (type.magic && !type.magic.every((b, i) => bytes[i] === b))
    throw new AppError("FILE_TYPE_REFUSED");
  if (!type.magic && bytes.includes(0)) throw new AppError("FILE_TYPE_REFUSED");
}

export async function loadApplication(q: Queryable, id: string) {
  const [row] = await q
    .select({ application: applications, badge: badgeClasses, org: organisations })
    .from(applications)
    .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(eq(applications.id, id));
  return row;
}
export type LoadedApplication = NonNullable<Awaited<ReturnType<typeof loadApplication>>>;

async function activeReviewers(q: Queryable, applicationId: string) {
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

/** Loads an application the principal may see, else NOT_FOUND (ids cannot be probed). */
export async function readableApplication(ctx: AppContext, principal: Principal, id: string) {
  const found = await loadApplication(ctx.db, id);
  if (!found) throw new AppError(principal ? "NOT_FOUND" : "UNAUTHENTICATED");
  const reviewers = await activeReviewers(ctx.db, id);
  authorize(principal, "application.read", { org: found.org, reviewers }, "application.read");
  return { ...found, reviewers };
}

/** Which side of the state machine the principal acts on. */
function actorSide(principal: NonNullable<Principal>, found: LoadedApplication): EventActor | null {
  if (can(principal, "application.apply", { org: found.org })) return "applicant";
  if (can(principal, "application.manage")) return "manager";
  return null;
}

/** Requests for the partners' Participant and Ambassadeur badges are decided as they come. */
export const intakeOf = (badge: { rule: Record<string, unknown> | null }): Intake =>
  badge.rule?.kind === "participation" ? "continuous" : "sessions";

function transition(
  state: string,
  event: ApplicationEvent,
  actor: EventActor | null,
  intake: Intake = "sessions",
) {
  if (!actor) throw new AppError("FORBIDDEN");
  const result = applyEvent(state as ApplicationState, event, actor, intake);
  // Acting on the wrong side (a manager editing, a CFA deciding) is a plain refusal.
  if (!result.ok)
    throw new AppError(result.code === "APPLICATION_WRONG_ACTOR" ? "FORBIDDEN" : result.code);
  return result.state;
}

/**
 * Every transition is this one guarded update: the application moves from
 * the state it was read in, or not at all. A request that lost a race to
 * another transition is refused with the reason the state it finds gives
 * (a withdrawal after a grant: APPLICATION_ALREADY_DECIDED).
 */
async function moveApplication(
  tx: Queryable,
  found: LoadedApplication,
  event: ApplicationEvent,
  actor: EventActor | null,
  set: PgUpdateSetSource<typeof applications>,
): Promise<ApplicationRow> {
  const intake = intakeOf(found.badge);
  const from = found.application.state;
  const state = transition(from, event, actor, intake);
  const [updated] = await tx
    .update(applications)
    .set({ ...set, state })
    .where(and(eq(applications.id, found.application.id), eq(applications.state, from)))
    .returning();
  if (updated) return updated;
  const [current] = await tx
    .select({ state: applications.state })
    .from(applications)
    .where(eq(applications.id, found.application.id));
  if (!current) throw new AppError("NOT_FOUND");
  transition(current.state, event, actor, intake);
  throw new AppError("APPLICATION_CHANGED");
}

export async function createApplication(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  input: { organisationId: string; badgeClassId: string; kind: "first" | "renewal" },
  now = new Date(),
) {
  const [org] = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!org) throw new AppError("NOT_FOUND");
  authorize(principal, "application.apply", { org }, "organisation.read");
  const [badge] = await ctx.db
    .select({ badge: badgeClasses, collection: collections })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .where(eq(badgeClasses.id, input.badgeClassId));
  if (!badge?.collection.inForce || badge.badge.kind !== "badge")
    throw new AppError("VALIDATION_FAILED", { badgeClassId: "" });
  const participation = participationOf(badge.badge);
  // A CFA applies for the label's badges; a partner for the Participant and Ambassadeur badges.
  if (org.kind !== (participation ? "partner" : "cfa"))
    throw new AppError("VALIDATION_FAILED", { organisationId: "" });
  if (!participation && badge.badge.rule)
    throw new AppError("VALIDATION_FAILED", { badgeClassId: "" });
  // Taking an active role supposes taking part first.
  if (participation === "ambassador" && !(await isParticipant(ctx.db, org.id)))
    throw new AppError("PARTNER_NOT_PARTICIPANT");
  await checkNotHeld(ctx.db, org.id, badge.badge.id, input.kind, now);
  return ctx.db.transaction(async (tx) => {
    const open = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.organisationId, org.id),
          eq(applications.badgeClassId, badge.badge.id),
          notInArray(applications.state, [...finalStates]),
        ),
      );
    if (open.length > 0) throw new AppError("APPLICATION_EXISTS");
    const answers =
      input.kind === "renewal" ? await lastGrantedAnswers(tx, org.id, badge.badge.id) : {};
    const [created] = await tx
      .insert(applications)
      .values({
        organisationId: org.id,
        badgeClassId: badge.badge.id,
        kind: input.kind,
        answers,
        createdBy: user.id,
      })
      .returning();
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "application.created",
      targetType: "application",
      targetId: created!.id,
      data: { organisation: org.name, badge: badge.badge.name, kind: input.kind },
    });
    return created!;
  });
}

/** A badge still valid is not applied for again, except for its renewal in its last months. */
async function checkNotHeld(
  q: Queryable,
  orgId: string,
  badgeClassId: string,
  kind: "first" | "renewal",
  now: Date,
) {
  const held = await q
    .select({
      validFrom: credentials.validFrom,
      validUntil: credentials.validUntil,
      revokedAt: credentials.revokedAt,
    })
    .from(credentials)
    .where(and(eq(credentials.subjectOrgId, orgId), eq(credentials.badgeClassId, badgeClassId)));
  const result = checkOpening(kind, held, now, addMonths(now, RENEWAL_WINDOW_MONTHS));
  if (!result.ok) throw new AppError(result.code);
}

/** A renewal starts from the last granted file for the same badge. */
async function lastGrantedAnswers(q: Queryable, orgId: string, badgeClassId: string) {
  const [last] = await q
    .select({ answers: applications.answers })
    .from(applications)
    .where(
      and(
        eq(applications.organisationId, orgId),
        eq(applications.badgeClassId, badgeClassId),
        eq(applications.state, "granted"),
      ),
    )
    .orderBy(desc(applications.decidedAt))
    .limit(1);
  const answers = { ...(last?.answers ?? {}) };
  delete answers.renewal;
  return answers;
}

/** Autosave: answers and scope, while the application is the applicant's to edit. */
export async function updateDraft(
  ctx: AppContext,
  principal: Principal,
  id: string,
  patch: { answers?: Record<string, CriterionAnswer>; scope?: ApplicationScope },
) {
  const found = await readableApplication(ctx, principal, id);
  const actor = actorSide(principal!, found);
  transition(found.application.state, "edit", actor);
  const answers = patch.answers
    ? validAnswers(found.badge, found.application.kind, patch.answers)
    : undefined;
  if (patch.scope) await checkScope(ctx, found.org.id, patch.scope);
  return moveApplication(ctx.db, found, "edit", actor, {
    // Merged by the database, so that two criteria saved at once both stay.
    ...(answers
      ? { answers: sql`${applications.answers} || ${JSON.stringify(answers)}::jsonb` }
      : {}),
    ...(patch.scope ? { scope: patch.scope } : {}),
    updatedAt: new Date(),
  });
}

/** Answer keys are criterion positions of this badge, plus "renewal" for a renewal. */
function validAnswers(badge: Badge, kind: string, answers: Record<string, CriterionAnswer>) {
  const allowed = new Set(badge.criteria.map((_, i) => String(i)));
  if (kind === "renewal" && badge.renewalExtra) allowed.add("renewal");
  const unknown = Object.keys(answers).filter((k) => !allowed.has(k));
  if (unknown.length)
    throw new AppError(
      "VALIDATION_FAILED",
      Object.fromEntries(unknown.map((k) => [`answers.${k}`, ""])),
    );
  return answers;
}

async function checkScope(ctx: AppContext, orgId: string, scope: ApplicationScope) {
  if (scope.ufaIds.length === 0) return;
  const children = new Set((await listChildren(ctx.db, orgId)).map((c) => c.id));
  if (!scope.ufaIds.every((id) => children.has(id)))
    throw new AppError("VALIDATION_FAILED", { "scope.ufaIds": "" });
}

/** The criteria still without an answer, a link, a file or a verified staff badge. */
export async function missingCriteria(q: Queryable, found: LoadedApplication): Promise<string[]> {
  const files = await q
    .select({ criterion: applicationFiles.criterion })
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, found.application.id));
  const badges = await q
    .select({ criterion: applicationBadges.criterion })
    .from(applicationBadges)
    .where(
      and(
        eq(applicationBadges.applicationId, found.application.id),
        eq(applicationBadges.verified, true),
      ),
    );
  const withFile = new Set([...files, ...badges].map((f) => f.criterion));
  const keys = found.badge.criteria.map((_, i) => String(i));
  if (found.application.kind === "renewal" && found.badge.renewalExtra) keys.push("renewal");
  return keys.filter((k) => {
    const a = found.application.answers[k];
    return !withFile.has(k) && !(a?.answer.trim() || a?.links.length);
  });
}

/** Sends the file: it lands in the next open session (a revision may use a revisions-only one). */
export async function submitApplication(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  now = new Date(),
) {
  const found = await readableApplication(ctx, principal, id);
  const intake = intakeOf(found.badge);
  const actor = actorSide(principal!, found);
  transition(found.application.state, "submit", actor, intake);
  const missing = await missingCriteria(ctx.db, found);
  if (missing.length)
    throw new AppError(
      "APPLICATION_INCOMPLETE",
      Object.fromEntries(missing.map((k) => [`answers.${k}`, ""])),
    );
  if (intake === "continuous") return submitContinuous(ctx, user, found, actor, now);
  const sessions = await sessionsForBadge(ctx.db, found.badge.id);
  const kind = submissionKind(found.application.state as ApplicationState);
  const previous = sessions.find((s) => s.id === found.application.sessionId);
  const choice = sessionForSubmission(
    sessions,
    now,
    kind,
    undefined,
    kind === "revision" ? previous?.commissionDate : undefined,
  );
  if (!choice.ok) throw new AppError("NO_OPEN_SESSION");
  const session = sessions.find((s) => s.id === choice.session.id)!;
  return ctx.db.transaction(async (tx) => {
    const updated = await moveApplication(tx, found, "submit", actor, {
      sessionId: session.id,
      submittedAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "application.submitted",
      targetType: "application",
      targetId: id,
      data: { session: session.name, badge: found.badge.name },
    });
    await queueEmail(tx, {
      to: found.org.contactEmail,
      locale: "fr",
      template: {
        name: "application_submitted",
        organisation: found.org.name,
        badge: found.badge.name,
        session: session.name,
        commissionDate: session.commissionDate,
        url: `${ctx.config.publicUrl}/demandes/${id}`,
      },
    });
    return updated;
  });
}

/** A request decided as it comes: no session, the managers are told at once. */
async function submitContinuous(
  ctx: AppContext,
  user: UserRow,
  found: LoadedApplication,
  actor: EventActor | null,
  now: Date,
) {
  const managers = await listUsersWithRole(ctx.db, "programme_manager");
  const url = `${ctx.config.publicUrl}/demandes/${found.application.id}`;
  return ctx.db.transaction(async (tx) => {
    const updated = await moveApplication(tx, found, "submit", actor, {
      sessionId: null,
      submittedAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "application.submitted",
      targetType: "application",
      targetId: found.application.id,
      data: { badge: found.badge.name },
    });
    for (const to of [found.org.contactEmail, ...managers.map((m) => m.email)])
      await queueEmail(tx, {
        to,
        locale: "fr",
        template: {
          name: "application_submitted",
          organisation: found.org.name,
          badge: found.badge.name,
          session: null,
          commissionDate: null,
          url,
        },
      });
    return updated;
  });
}

async function sessionsForBadge(q: Queryable, badgeClassId: string) {
  return q
    .select({
      id: calendarSessions.id,
      name: calendarSessions.name,
      deadline: calendarSessions.deadline,
      commissionDate: calendarSessions.commissionDate,
      revisionsOnly: calendarSessions.revisionsOnly,
    })
    .from(calendarSessions)
    .innerJoin(collections, eq(collections.programmeId, calendarSessions.programmeId))
    .innerJoin(badgeClasses, eq(badgeClasses.collectionId, collections.id))
    .where(eq(badgeClasses.id, badgeClassId))
    .orderBy(asc(calendarSessions.deadline));
}

export async function withdrawApplication(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
) {
  const found = await readableApplication(ctx, principal, id);
  const actor = actorSide(principal!, found);
  transition(found.application.state, "withdraw", actor);
  await ctx.db.transaction(async (tx) => {
    await moveApplication(tx, found, "withdraw", actor, { updatedAt: new Date() });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "application.withdrawn",
      targetType: "application",
      targetId: id,
      data: { badge: found.badge.name },
    });
  });
}

/** The reviewer's situation as the conflict-of-interest rule sees it. */
async function reviewerProfiles(q: Queryable, userIds: string[]): Promise<ReviewerProfile[]> {
  if (userIds.length === 0) return [];
  const rows = await q
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(inArray(memberships.userId, userIds));
  return userIds.map((userId) => ({
    userId,
    organisationIds: rows.filter((r) => r.userId === userId).map((r) => r.organisationId),
    declaredTies: [],
    group: "peer",
  }));
}

/**
 * Managers choose the panel. Each reviewer must hold the reviewer role, have
 * no conflict of interest, and not have recused themselves from it before.
 */
export async function assignReviewers(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  reviewerIds: string[],
) {
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "application.manage");
  transition(found.application.state, "assign_reviewers", "manager");
  const staff = await ctx.db
    .select({
      id: users.id,
      platformRoles: users.platformRoles,
      email: users.email,
      name: users.name,
      locale: users.locale,
    })
    .from(users)
    .where(
      inArray(
        users.id,
        reviewerIds.length ? reviewerIds : ["00000000-0000-0000-0000-000000000000"],
      ),
    );
  const notReviewers = reviewerIds.filter(
    (rid) => !staff.find((s) => s.id === rid)?.platformRoles.includes("reviewer"),
  );
  const children = await listChildren(ctx.db, found.org.id);
  const profiles = await reviewerProfiles(ctx.db, reviewerIds);
  await ctx.db.transaction(async (tx) => {
    // First the guarded move, which holds the application: a withdrawal or
    // another panel change waits for this one, and the panel read below is current.
    await moveApplication(tx, found, "assign_reviewers", "manager", { updatedAt: new Date() });
    const existing = await tx
      .select()
      .from(reviewAssignments)
      .where(eq(reviewAssignments.applicationId, id));
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
    if (dropped.length)
      await tx
        .delete(reviewAssignments)
        .where(
          and(
            eq(reviewAssignments.applicationId, id),
            inArray(reviewAssignments.reviewerId, dropped),
          ),
        );
    if (added.length)
      await tx
        .insert(reviewAssignments)
        .values(added.map((reviewerId) => ({ applicationId: id, reviewerId })));
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
  set: Partial<typeof reviewAssignments.$inferInsert>;
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
  const [row] = await tx
    .update(reviewAssignments)
    .set({ ...input.set, state: to })
    .where(
      and(
        eq(reviewAssignments.applicationId, input.applicationId),
        eq(reviewAssignments.reviewerId, input.reviewerId),
        eq(reviewAssignments.state, from),
        input.underReview
          ? inArray(
              reviewAssignments.applicationId,
              tx
                .select({ id: applications.id })
                .from(applications)
                .where(
                  and(
                    eq(applications.id, input.applicationId),
                    eq(applications.state, "under_review"),
                  ),
                ),
            )
          : undefined,
      ),
    )
    .returning();
  if (row) return row;
  const [application] = await tx
    .select({ state: applications.state })
    .from(applications)
    .where(eq(applications.id, input.applicationId));
  if (input.underReview && application?.state !== "under_review")
    throw new AppError(
      application && finalStates.includes(application.state as ApplicationState)
        ? "APPLICATION_ALREADY_DECIDED"
        : "APPLICATION_TRANSITION_NOT_ALLOWED",
    );
  const [current] = await tx
    .select({ state: reviewAssignments.state })
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.applicationId, input.applicationId),
        eq(reviewAssignments.reviewerId, input.reviewerId),
      ),
    );
  const refusal = current
    ? applyReviewEvent(current.state as ReviewState, input.event)
    : { ok: false as const, code: "REVIEW_NOT_ASSIGNED" as const };
  throw new AppError(refusal.ok ? "APPLICATION_CHANGED" : refusal.code);
}

export async function recuse(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  reason: string,
) {
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
  principal: Principal,
  user: UserRow,
  id: string,
  input: {
    ratings: Record<string, number>;
    recommendation: "grant" | "revise" | "refuse";
    comment: string;
  },
) {
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "application.review", { org: found.org, reviewers: found.reviewers });
  if (found.application.state !== "under_review")
    throw new AppError("APPLICATION_TRANSITION_NOT_ALLOWED");
  const expected = found.badge.criteria.map((_, i) => String(i));
  const missing = expected.filter((k) => !(k in input.ratings));
  const extra = Object.keys(input.ratings).filter((k) => !expected.includes(k));
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
      set: { ...input, submittedAt: new Date() },
    },
    { action: "review.submitted", data: { recommendation: input.recommendation } },
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
  principal: Principal,
  user: UserRow,
  id: string,
  input: { reviewerId: string; reason: string },
) {
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "review.reopen");
  const [reviewer] = await ctx.db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, input.reviewerId));
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
    { action: "review.reopened", data: { reviewer: reviewer.id, reason: input.reason } },
    (tx) =>
      queueEmail(tx, {
        to: reviewer.email,
        locale: reviewer.locale === "en" ? "en" : "fr",
        template: {
          name: "review_reopened",
          organisation: found.org.name,
          badge: found.badge.name,
          reason: input.reason,
          url: `${ctx.config.publicUrl}/demandes/${id}`,
        },
      }),
  );
}

/**
 * The commission's decision. A grant issues the badge through a job, in the
 * same transaction: the credential exists once, whatever happens next.
 */
export async function decide(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  input: { outcome: "granted" | "refused" | "revision_requested"; motivation: string },
  now = new Date(),
) {
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "application.manage");
  const event = (
    { granted: "grant", refused: "refuse", revision_requested: "request_revision" } as const
  )[input.outcome];
  transition(found.application.state, event, "manager", intakeOf(found.badge));
  const participation = participationOf(found.badge);
  const [session] = found.application.sessionId
    ? await ctx.db
        .select()
        .from(calendarSessions)
        .where(eq(calendarSessions.id, found.application.sessionId))
    : [];
  await ctx.db.transaction(async (tx) => {
    await moveApplication(tx, found, event, "manager", {
      motivation: input.motivation,
      updatedAt: now,
      ...(input.outcome === "revision_requested" ? {} : { decidedAt: now }),
    });
    if (input.outcome === "revision_requested")
      // The next round is reviewed afresh.
      await tx
        .update(reviewAssignments)
        .set({ state: "assigned", submittedAt: null })
        .where(
          and(eq(reviewAssignments.applicationId, id), eq(reviewAssignments.state, "submitted")),
        );
    if (input.outcome === "granted" && participation)
      // The partner takes part from today, for as long as the badge is valid.
      await tx.insert(partnerParticipations).values({
        organisationId: found.org.id,
        kind: participation,
        validFrom: now,
        validUntil: addMonths(now, found.badge.validityMonths),
        decidedBy: user.id,
      });
    if (input.outcome === "granted")
      await enqueueIssuance(tx, {
        grantKey: `application:${id}`,
        badgeClassId: found.badge.id,
        subjectOrgId: found.org.id,
        validFrom: now,
        evidence: [
          {
            id: `${ctx.config.publicUrl}/badges/${found.badge.id}#criteres`,
            name: participation
              ? "Demande examinée par la Région"
              : "Dossier de candidature examiné par la commission",
            narrative: participation
              ? "Demande présentant la structure, son lien avec le territoire, son processus d'attribution et sa stratégie de badges, examinée et acceptée par la Région."
              : session
                ? `Dossier examiné par le groupe des pairs et décidé par la commission « ${session.name} ».`
                : "Dossier examiné par le groupe des pairs et décidé par la commission.",
          },
        ],
      });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: `application.${input.outcome}`,
      targetType: "application",
      targetId: id,
      data: { badge: found.badge.name, organisation: found.org.name, motivation: input.motivation },
    });
    await queueEmail(tx, {
      to: found.org.contactEmail,
      locale: "fr",
      template: {
        name: "application_decided",
        outcome: input.outcome,
        organisation: found.org.name,
        badge: found.badge.name,
        motivation: input.motivation,
        url: `${ctx.config.publicUrl}/demandes/${id}`,
      },
    });
  });
}

/** Whether the badge's programme keeps its reviewers anonymous to applicants (the default). */
async function reviewersAnonymous(q: Queryable, badge: Pick<Badge, "collectionId">) {
  const [row] = await q
    .select({ anonymous: programmes.reviewersAnonymous })
    .from(collections)
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(eq(collections.id, badge.collectionId));
  return row?.anonymous ?? true;
}

/** "Relecteur 1", "Région": who wrote, as an applicant reads it. */
function aliasName(alias: Exclude<AuthorAlias, { role: "applicant" }>, locale: Locale) {
  if (alias.role === "manager") return locale === "en" ? "Region" : "Région";
  return `${locale === "en" ? "Reviewer" : "Relecteur"} ${alias.number}`;
}

type MessageRow = typeof applicationMessages.$inferSelect;

/** The dialogue as its reader sees it: names for staff, pseudonyms for an applicant when so set. */
function presentMessages(messages: MessageRow[], pseudonyms: boolean, locale: Locale) {
  const aliases = authorAliases(messages);
  return messages.map((m, i) => {
    const alias = aliases[i]!;
    const hide = pseudonyms && alias.role !== "applicant";
    return {
      ...m,
      authorName: hide ? aliasName(alias, locale) : m.authorName,
      pseudonym: hide,
    };
  });
}

export async function postMessage(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  body: string,
) {
  const found = await readableApplication(ctx, principal, id);
  const role = can(principal, "application.apply", { org: found.org })
    ? "applicant"
    : found.reviewers.includes(user.id)
      ? "reviewer"
      : "manager";
  const anonymous = await reviewersAnonymous(ctx.db, found.badge);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(applicationMessages).values({
      applicationId: id,
      authorId: user.id,
      authorName: role === "applicant" ? `${user.name} (${found.org.name})` : user.name,
      authorRole: role,
      body,
    });
    // The CFA reads the name its page shows: "Relecteur 2" is the same person in both.
    const thread = await tx
      .select()
      .from(applicationMessages)
      .where(eq(applicationMessages.applicationId, id))
      .orderBy(asc(applicationMessages.createdAt), asc(applicationMessages.id));
    const seenByApplicant = presentMessages(thread, anonymous, "fr").findLast(
      (m) => m.authorId === user.id,
    );
    // The other side hears of it: the CFA's mailbox, or the reviewers.
    const recipients =
      role === "applicant"
        ? await tx
            .select({ email: users.email, locale: users.locale })
            .from(users)
            .where(inArray(users.id, found.reviewers.length ? found.reviewers : [user.id]))
        : [{ email: found.org.contactEmail, locale: "fr" }];
    for (const to of recipients.filter((r) => r.email !== user.email))
      await queueEmail(tx, {
        to: to.email,
        locale: to.locale === "en" ? "en" : "fr",
        template: {
          name: "application_message",
          organisation: found.org.name,
          badge: found.badge.name,
          author:
            role === "applicant"
              ? found.org.name
              : role === "manager" && anonymous
                ? "la Région"
                : (seenByApplicant?.authorName ?? user.name),
          excerpt: body.length > 400 ? `${body.slice(0, 400)}…` : body,
          url: `${ctx.config.publicUrl}/demandes/${id}`,
        },
      });
  });
}

/** An evidence file as lists show it (never its content). */
const fileColumns = {
  id: applicationFiles.id,
  criterion: applicationFiles.criterion,
  filename: applicationFiles.filename,
  contentType: applicationFiles.contentType,
  size: applicationFiles.size,
  createdAt: applicationFiles.createdAt,
};

/**
 * Evidence added to or taken from the file is an "edit": the application is
 * moved (its updatedAt) by the guarded update in the same transaction, so
 * that nothing lands in a file that was just sent or withdrawn.
 */
async function whileEditable<T>(
  ctx: AppContext,
  principal: Principal,
  found: LoadedApplication,
  change: (tx: Queryable) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await moveApplication(tx, found, "edit", actorSide(principal!, found), {
      updatedAt: new Date(),
    });
    return change(tx);
  });
}

export async function addFile(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  input: { criterion: string; filename: string; contentType: string; bytes: Buffer },
) {
  const found = await readableApplication(ctx, principal, id);
  transition(found.application.state, "edit", actorSide(principal!, found));
  validAnswers(found.badge, found.application.kind, {
    [input.criterion]: { answer: "", links: [] },
  });
  checkUpload(input.filename, input.contentType, input.bytes);
  const [file] = await whileEditable(ctx, principal, found, (tx) =>
    tx
      .insert(applicationFiles)
      .values({
        applicationId: id,
        criterion: input.criterion,
        filename: input.filename,
        contentType: input.contentType.split(";")[0]!.trim().toLowerCase(),
        size: input.bytes.length,
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
        content: input.bytes,
        uploadedBy: user.id,
      })
      .returning(fileColumns),
  );
  return file!;
}

const staffBadgeColumns = {
  id: applicationBadges.id,
  criterion: applicationBadges.criterion,
  holderName: applicationBadges.holderName,
  source: applicationBadges.source,
  input: applicationBadges.input,
  verified: applicationBadges.verified,
  badgeName: applicationBadges.badgeName,
  issuerName: applicationBadges.issuerName,
  problems: applicationBadges.problems,
  checkedAt: applicationBadges.checkedAt,
};

/**
 * A badge held by the CFA's staff, as evidence for a criterion: given as a
 * URL, pasted JSON or JWT, or a baked image, and verified by the engine at
 * once. The result (and, when it fails, why) is kept with it for reviewers.
 */
export async function addStaffBadge(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  id: string,
  input: { criterion: string; holderName: string } & (
    | { text: string }
    | { image: { filename: string; bytes: Buffer } }
  ),
) {
  const found = await readableApplication(ctx, principal, id);
  transition(found.application.state, "edit", actorSide(principal!, found));
  validAnswers(found.badge, found.application.kind, {
    [input.criterion]: { answer: "", links: [] },
  });
  const text = "text" in input ? input.text.trim() : null;
  const report = await verifyInWorkers(
    ctx,
    "image" in input ? new Uint8Array(input.image.bytes) : text!,
  );
  assertStorable(report, "image" in input ? "image" : "text");
  const [row] = await whileEditable(ctx, principal, found, (tx) =>
    tx
      .insert(applicationBadges)
      .values({
        applicationId: id,
        criterion: input.criterion,
        holderName: input.holderName,
        source: "image" in input ? "image" : /^https?:\/\//i.test(text!) ? "url" : "text",
        input: "image" in input ? input.image.filename : text!.slice(0, 20_000),
        verified: report.verified,
        badgeName: report.summary.name ?? report.summary.achievementName ?? null,
        issuerName: report.summary.issuerName ?? null,
        problems: report.steps.filter((s) => s.status === "failed").map((s) => s.reason),
        addedBy: user.id,
      })
      .returning(staffBadgeColumns),
  );
  return row!;
}

export async function removeStaffBadge(
  ctx: AppContext,
  principal: Principal,
  id: string,
  badgeId: string,
) {
  const found = await readableApplication(ctx, principal, id);
  transition(found.application.state, "edit", actorSide(principal!, found));
  await whileEditable(ctx, principal, found, async (tx) => {
    const removed = await tx
      .delete(applicationBadges)
      .where(and(eq(applicationBadges.id, badgeId), eq(applicationBadges.applicationId, id)))
      .returning({ id: applicationBadges.id });
    if (!removed.length) throw new AppError("NOT_FOUND");
  });
}

export async function removeFile(
  ctx: AppContext,
  principal: Principal,
  id: string,
  fileId: string,
) {
  const found = await readableApplication(ctx, principal, id);
  transition(found.application.state, "edit", actorSide(principal!, found));
  await whileEditable(ctx, principal, found, async (tx) => {
    const deleted = await tx
      .delete(applicationFiles)
      .where(and(eq(applicationFiles.id, fileId), eq(applicationFiles.applicationId, id)))
      .returning({ id: applicationFiles.id });
    if (!deleted.length) throw new AppError("NOT_FOUND");
  });
}

export async function readFile(ctx: AppContext, principal: Principal, id: string, fileId: string) {
  await readableApplication(ctx, principal, id);
  const [file] = await ctx.db
    .select()
    .from(applicationFiles)
    .where(and(eq(applicationFiles.id, fileId), eq(applicationFiles.applicationId, id)));
  if (!file) throw new AppError("NOT_FOUND");
  return file;
}

/** The whole application as its reader may see it. */
export async function describeApplication(
  ctx: AppContext,
  principal: Principal,
  id: string,
  locale: Locale = "fr",
) {
  const found = await readableApplication(ctx, principal, id);
  const p = principal!;
  const files = await ctx.db
    .select(fileColumns)
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, id))
    .orderBy(asc(applicationFiles.createdAt));
  const staffBadges = await ctx.db
    .select(staffBadgeColumns)
    .from(applicationBadges)
    .where(eq(applicationBadges.applicationId, id))
    .orderBy(asc(applicationBadges.checkedAt));
  const reviews = await ctx.db
    .select({ review: reviewAssignments, name: users.name })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.applicationId, id))
    .orderBy(asc(reviewAssignments.assignedAt));
  const messages = await ctx.db
    .select()
    .from(applicationMessages)
    .where(eq(applicationMessages.applicationId, id))
    .orderBy(asc(applicationMessages.createdAt), asc(applicationMessages.id));
  const [session] = found.application.sessionId
    ? await ctx.db
        .select()
        .from(calendarSessions)
        .where(eq(calendarSessions.id, found.application.sessionId))
    : [];
  const manager = can(p, "application.manage");
  const mine = reviews.find((r) => r.review.reviewerId === p.userId);
  const applicant = can(p, "application.apply", { org: found.org });
  // A reviewer sees the others' reviews once theirs is in; the CFA sees none (the motivation speaks).
  const seeReviews = manager || mine?.review.state === "submitted";
  const side: EventActor | null = applicant ? "applicant" : manager ? "manager" : null;
  const underReview = found.application.state === "under_review";
  const pseudonyms = applicant && !manager && (await reviewersAnonymous(ctx.db, found.badge));
  return {
    found,
    files,
    staffBadges,
    session,
    messages: presentMessages(messages, pseudonyms, locale),
    reviews: reviews
      // A review given back to its author is theirs again, out of the others' sight.
      .filter(
        (r) =>
          r.review.reviewerId === p.userId ||
          manager ||
          (seeReviews && r.review.state === "submitted"),
      )
      .map((r) => ({ ...r.review, name: r.name })),
    panel: applicant
      ? []
      : reviews.map((r) => ({
          reviewerId: r.review.reviewerId,
          name: r.name,
          state: r.review.state,
        })),
    can: {
      events: side
        ? availableEvents(found.application.state as ApplicationState, side, intakeOf(found.badge))
        : [],
      review: underReview && mine?.review.state === "assigned",
      reopen: underReview && can(p, "review.reopen"),
      message: true,
    },
    missing: await missingCriteria(ctx.db, found),
  };
}

/** The lists: an organisation's own, a reviewer's assignments, the manager's queue. */
export async function listApplications(
  ctx: AppContext,
  principal: Principal,
  filter: { organisationId?: string | undefined; mine?: boolean | undefined },
) {
  authorize(principal, "organisation.list");
  const base = ctx.db
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
      // The caller's own review of it, when they are on its panel.
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
        eq(reviewAssignments.reviewerId, principal.userId),
      ),
    )
    .$dynamic();
  if (filter.organisationId) {
    const [org] = await ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, filter.organisationId));
    if (!org) throw new AppError("NOT_FOUND");
    if (!can(principal, "application.apply", { org }) && !can(principal, "application.list.all"))
      throw new AppError("NOT_FOUND");
    return base
      .where(eq(applications.organisationId, org.id))
      .orderBy(desc(applications.updatedAt));
  }
  if (filter.mine || !can(principal, "application.list.all")) {
    const assigned = ctx.db
      .select({ id: reviewAssignments.applicationId })
      .from(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.reviewerId, principal!.userId),
          ne(reviewAssignments.state, "recused"),
        ),
      );
    return base.where(inArray(applications.id, assigned)).orderBy(desc(applications.updatedAt));
  }
  return base.where(ne(applications.state, "draft")).orderBy(desc(applications.updatedAt));
}

/** The peer group, for managers composing a panel: who reviews, and where they work. */
export async function listReviewers(ctx: AppContext, principal: Principal) {
  authorize(principal, "application.manage");
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, roles: users.platformRoles })
    .from(users)
    .orderBy(asc(users.name));
  const reviewers = rows.filter((u) => u.roles.includes("reviewer"));
  const orgs = reviewers.length
    ? await ctx.db
        .select({ userId: memberships.userId, name: organisations.name })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(
          inArray(
            memberships.userId,
            reviewers.map((r) => r.id),
          ),
        )
    : [];
  return reviewers.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    organisations: orgs.filter((o) => o.userId === r.id).map((o) => o.name),
  }));
}

export async function listSessions(ctx: AppContext, programmeSlug: string) {
  return ctx.db
    .select({
      id: calendarSessions.id,
      name: calendarSessions.name,
      deadline: calendarSessions.deadline,
      commissionDate: calendarSessions.commissionDate,
      revisionsOnly: calendarSessions.revisionsOnly,
    })
    .from(calendarSessions)
    .innerJoin(programmes, eq(programmes.id, calendarSessions.programmeId))
    .where(eq(programmes.slug, programmeSlug))
    .orderBy(asc(calendarSessions.deadline));
}

export type { Actor };
