import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import { listUsersWithRole, type UserRow } from "../auth/auth.repo";
import { sessionForSubmission } from "../calendar/calendar.rules";
import { queueEmail } from "../email/mailer";
import { actorOf } from "../organisations/organisations.service";
import type { Caller } from "../policy/policy";
import { type LoadedApplication, listSessionsForBadge } from "./applications.repo";
import { type ApplicationState, type EventActor, submissionKind } from "./applications.rules";
import {
  actorSide,
  intakeOf,
  moveApplication,
  readableApplication,
  transition,
} from "./applications.service";
import { missingCriteria } from "./evidence.service";

/** Sends the file: it lands in the next open session (a revision may use a revisions-only one). */
export async function submitApplication(
  ctx: AppContext,
  options: { caller: Caller; id: string; now?: Date },
) {
  const {
    caller: { principal, user },
    id,
    now = new Date(),
  } = options;
  const found = await readableApplication(ctx, principal, id);
  const intake = intakeOf(found.badge);
  const actor = actorSide(principal!, found);
  transition(found.application.state, "submit", actor, intake);
  const missing = await missingCriteria(ctx.db, found);
  if (missing.length)
    throw new AppError(
      // Only the renewal's own question left: say so rather than "every criterion".
      missing.length === 1 && missing[0] === "renewal"
        ? "APPLICATION_RENEWAL_EXTRA_MISSING"
        : "APPLICATION_INCOMPLETE",
      Object.fromEntries(missing.map((k) => [`answers.${k}`, ""])),
    );
  if (intake === "continuous") return submitContinuous(ctx, user, found, actor, now);
  const sessions = await listSessionsForBadge(ctx.db, found.badge.id);
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
    const updated = await moveApplication(tx, {
      found,
      event: "submit",
      actor,
      set: { sessionId: session.id, submittedAt: now, updatedAt: now },
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
    const updated = await moveApplication(tx, {
      found,
      event: "submit",
      actor,
      set: { sessionId: null, submittedAt: now, updatedAt: now },
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
