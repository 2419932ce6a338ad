import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import type { ApplicationScope, badgeClasses, CriterionAnswer } from "../../db/schema";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import { findOrganisation, listChildren } from "../organisations/organisations.repo";
import { actorOf } from "../organisations/organisations.service";
import { isParticipant, participationOf } from "../partners/participation";
import type { Caller } from "../policy/policy";
import { authorize } from "../policy/policy";
import {
  findBadgeWithCollection,
  findLastGrantedAnswers,
  hasOpenApplication,
  insertApplication,
  listHeldBadges,
} from "./applications.repo";
import {
  checkOpening,
  criteriaToAnswer,
  finalStates,
  monthsLater,
  RENEWAL_WINDOW_MONTHS,
} from "./applications.rules";
import type { CreateApplicationInput } from "./applications.schema";
import {
  actorSide,
  moveApplication,
  type Reader,
  readableApplication,
  transition,
} from "./applications.service";

type Badge = typeof badgeClasses.$inferSelect;

/** Opens a draft for a badge: a CFA for the label's badges, a partner for its participation. */
export async function createApplication(
  ctx: AppContext,
  options: { caller: Caller; now?: Date } & CreateApplicationInput,
) {
  const {
    caller: { principal, user },
    kind,
    now = new Date(),
  } = options;
  const org = await findOrganisation(ctx.db, options.organisationId);
  if (!org) throw new AppError("NOT_FOUND");
  authorize(principal, "application.apply", { org }, "organisation.read");
  const badge = await findBadgeWithCollection(ctx.db, options.badgeClassId);
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
  const key = { organisationId: org.id, badgeClassId: badge.badge.id };
  await checkNotHeld(ctx.db, key, kind, now);
  return ctx.db.transaction(async (tx) => {
    if (await hasOpenApplication(tx, { ...key, finalStates }))
      throw new AppError("APPLICATION_EXISTS");
    const answers = kind === "renewal" ? await lastGrantedAnswers(tx, key) : {};
    const created = await insertApplication(tx, { ...key, kind, answers, createdBy: user.id });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "application.created",
      targetType: "application",
      targetId: created.id,
      data: { organisation: org.name, badge: badge.badge.name, kind },
    });
    return created;
  });
}

type BadgeKey = { organisationId: string; badgeClassId: string };

/** A badge still valid is not applied for again, except for its renewal in its last months. */
async function checkNotHeld(q: Queryable, key: BadgeKey, kind: "first" | "renewal", now: Date) {
  const held = await listHeldBadges(q, key);
  const result = checkOpening(kind, held, now, monthsLater(now, RENEWAL_WINDOW_MONTHS));
  if (!result.ok) throw new AppError(result.code);
}

/** A renewal starts from the last granted file for the same badge. */
async function lastGrantedAnswers(q: Queryable, key: BadgeKey) {
  const answers = { ...((await findLastGrantedAnswers(q, key)) ?? {}) };
  delete answers.renewal;
  return answers;
}

/** Autosave: answers and scope, while the application is the applicant's to edit. */
export async function updateDraft(
  ctx: AppContext,
  options: {
    caller: Reader;
    id: string;
    answers?: Record<string, CriterionAnswer> | undefined;
    scope?: ApplicationScope | undefined;
  },
) {
  const {
    caller: { principal },
    id,
    scope,
  } = options;
  const found = await readableApplication(ctx, principal, id);
  const actor = actorSide(principal!, found);
  transition(found.application.state, "edit", actor);
  const answers = options.answers
    ? validAnswers(found.badge, found.application.kind, options.answers)
    : undefined;
  if (scope) await checkScope(ctx, found.org.id, scope);
  return moveApplication(ctx.db, {
    found,
    event: "edit",
    actor,
    mergeAnswers: answers,
    set: { ...(scope ? { scope } : {}), updatedAt: new Date() },
  });
}

/** Answer keys are criterion positions of this badge, plus "renewal" for a renewal. */
export function validAnswers<T>(badge: Badge, kind: string, answers: Record<string, T>) {
  const allowed = new Set(criteriaToAnswer(badge, kind).map((c) => c.key));
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

export async function withdrawApplication(
  ctx: AppContext,
  options: { caller: Caller; id: string },
) {
  const {
    caller: { principal, user },
    id,
  } = options;
  const found = await readableApplication(ctx, principal, id);
  const actor = actorSide(principal!, found);
  transition(found.application.state, "withdraw", actor);
  await ctx.db.transaction(async (tx) => {
    await moveApplication(tx, { found, event: "withdraw", actor, set: { updatedAt: new Date() } });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "application.withdrawn",
      targetType: "application",
      targetId: id,
      data: { badge: found.badge.name },
    });
  });
}
