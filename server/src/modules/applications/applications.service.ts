import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import type { applications } from "../../db/schema";
import { AppError } from "../../errors";
import { findOrganisation } from "../organisations/organisations.repo";
import { authorize, can, type Principal } from "../policy/policy";
import { listActiveReviewerIds } from "../review/review.repo";
import {
  type ApplicationRow,
  findApplication,
  findApplicationState,
  type LoadedApplication,
  listApplicationRows,
  listMembershipNames,
  listProgrammeSessions,
  listUsersByName,
  transitionApplication,
} from "./applications.repo";
import {
  type ApplicationEvent,
  type ApplicationState,
  applyEvent,
  type EventActor,
  type Intake,
} from "./applications.rules";

export type { ApplicationRow, LoadedApplication };

/** Who reads: their principal (nobody, or a signed-in user with their roles). */
export type Reader = { principal: Principal };

/** Loads an application the principal may see, else NOT_FOUND (ids cannot be probed). */
export async function readableApplication(ctx: AppContext, principal: Principal, id: string) {
  const found = await findApplication(ctx.db, id);
  if (!found) throw new AppError(principal ? "NOT_FOUND" : "UNAUTHENTICATED");
  const reviewers = await listActiveReviewerIds(ctx.db, id);
  authorize(principal, "application.read", { org: found.org, reviewers }, "application.read");
  return { ...found, reviewers };
}

/** Which side of the state machine the principal acts on. */
export function actorSide(
  principal: NonNullable<Principal>,
  found: LoadedApplication,
): EventActor | null {
  if (can(principal, "application.apply", { org: found.org })) return "applicant";
  if (can(principal, "application.manage")) return "manager";
  return null;
}

/** Requests for the partners' Participant and Ambassadeur badges are decided as they come. */
export const intakeOf = (badge: { rule: Record<string, unknown> | null }): Intake =>
  badge.rule?.kind === "participation" ? "continuous" : "sessions";

/** The state an event leads to, or the reason it is refused. */
export function transition(
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
export async function moveApplication(
  tx: Queryable,
  move: {
    found: LoadedApplication;
    event: ApplicationEvent;
    actor: EventActor | null;
    set: PgUpdateSetSource<typeof applications>;
    mergeAnswers?: Parameters<typeof transitionApplication>[1]["mergeAnswers"];
  },
): Promise<ApplicationRow> {
  const { found, event, actor } = move;
  const intake = intakeOf(found.badge);
  const from = found.application.state;
  const to = transition(from, event, actor, intake);
  const id = found.application.id;
  const updated = await transitionApplication(tx, {
    id,
    from,
    to,
    set: move.set,
    mergeAnswers: move.mergeAnswers,
  });
  if (updated) return updated;
  const current = await findApplicationState(tx, id);
  if (!current) throw new AppError("NOT_FOUND");
  transition(current, event, actor, intake);
  throw new AppError("APPLICATION_CHANGED");
}

/** The lists: an organisation's own, a reviewer's assignments, the manager's queue. */
export async function listApplications(
  ctx: AppContext,
  options: { caller: Reader; organisationId?: string | undefined; mine?: boolean | undefined },
) {
  const {
    caller: { principal },
  } = options;
  authorize(principal, "organisation.list");
  const list = (scope: Parameters<typeof listApplicationRows>[1]["scope"]) =>
    listApplicationRows(ctx.db, { callerId: principal.userId, scope });
  if (options.organisationId) {
    const org = await findOrganisation(ctx.db, options.organisationId);
    if (!org) throw new AppError("NOT_FOUND");
    if (!can(principal, "application.apply", { org }) && !can(principal, "application.list.all"))
      throw new AppError("NOT_FOUND");
    return list({ organisationId: org.id });
  }
  if (options.mine || !can(principal, "application.list.all"))
    return list({ assignedTo: principal.userId });
  return list({ sent: true });
}

/** The peer group, for managers composing a panel: who reviews, and where they work. */
export async function listReviewers(
  ctx: AppContext,
  { caller: { principal } }: { caller: Reader },
) {
  authorize(principal, "application.manage");
  const rows = await listUsersByName(ctx.db);
  const reviewers = rows.filter((u) => u.roles.includes("reviewer"));
  const orgs = await listMembershipNames(
    ctx.db,
    reviewers.map((r) => r.id),
  );
  return reviewers.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    organisations: orgs.filter((o) => o.userId === r.id).map((o) => o.name),
  }));
}

/** A programme's commission calendar (public). */
export async function listSessions(ctx: AppContext, options: { programmeSlug: string }) {
  return listProgrammeSessions(ctx.db, options.programmeSlug);
}
