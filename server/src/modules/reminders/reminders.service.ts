import type { AppContext } from "../../context";
import { addMonths } from "../../lib/dates";
import { type ApplicationState, submissionKind } from "../applications/applications.rules";
import { daysUntilDeadline, sessionForSubmission } from "../calendar/calendar.rules";
import { startPartnerBadgeRecheck } from "../competences/recheck.service";
import { queueEmail } from "../email/mailer";
import { enqueue } from "../jobs/queues";
import { reassessAllLabels } from "../label/reassessment.service";
import {
  listBadgesEndingBy,
  listSessionsByCollection,
  listUnsubmittedApplications,
} from "./reminders.repo";
import { DRAFT_REMINDER_DAYS, expiryBand } from "./reminders.rules";

/**
 * Sends what is due today: a reminder for each badge entering a band before
 * its end of validity (6, 3, 1 months by default), and for each draft whose
 * session closes within a week. Each email has its own key: run twice, sent
 * once.
 */
export async function runReminders(ctx: AppContext, now = new Date()) {
  const months = ctx.config.reminderMonths;
  const horizon = addMonths(now, Math.max(...months));
  const expiring = await listBadgesEndingBy(ctx.db, { now, horizon });
  let sent = 0;
  for (const { credential, badge, org } of expiring) {
    const band = expiryBand(credential.validUntil, now, months);
    if (band === null) continue;
    await queueEmail(ctx.db, {
      to: org.contactEmail,
      uniqueKey: `reminder:expiry:${credential.id}:${band}`,
      template: {
        name: "expiry_reminder",
        organisation: org.name,
        badge: badge.name,
        months: band,
        validUntil: credential.validUntil!.toISOString(),
        url: `${ctx.config.publicUrl}/organisations/${org.id}/label`,
      },
    });
    sent++;
  }

  const drafts = await listUnsubmittedApplications(ctx.db);
  const sessions = await listSessionsByCollection(ctx.db);
  for (const { application, badge, org } of drafts) {
    const own = sessions.filter((s) => s.collectionId === badge.collectionId).map((s) => s.session);
    const previous = own.find((s) => s.id === application.sessionId);
    const kind = submissionKind(application.state as ApplicationState);
    const choice = sessionForSubmission(
      own,
      now,
      kind,
      undefined,
      kind === "revision" ? previous?.commissionDate : undefined,
    );
    if (!choice.ok) continue;
    const days = daysUntilDeadline(choice.session, now);
    if (days > DRAFT_REMINDER_DAYS) continue;
    const session = own.find((s) => s.id === choice.session.id)!;
    await queueEmail(ctx.db, {
      to: org.contactEmail,
      uniqueKey: `reminder:draft:${application.id}:${session.id}`,
      template: {
        name: "draft_reminder",
        organisation: org.name,
        badge: badge.name,
        deadline: session.deadline,
        session: session.name,
        url: `${ctx.config.publicUrl}/demandes/${application.id}`,
      },
    });
    sent++;
  }
  return sent;
}

/** The next run: 07:00 UTC (8 or 9 in Paris), the next day that has not had one. */
export function nextReminderRun(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(7, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export async function scheduleReminders(ctx: AppContext, now = new Date()) {
  const runAt = nextReminderRun(now);
  await enqueue(
    ctx.db,
    "reminders.run",
    {},
    { runAt, uniqueKey: `reminders:${runAt.toISOString().slice(0, 10)}` },
  );
}

/**
 * Runs the reminders, reassesses every live label (a badge that expired
 * overnight may suspend one), starts the re-check of the partner badges that
 * count, then books tomorrow's run: a daily chain that survives restarts.
 */
export async function runDailyChain(ctx: AppContext) {
  await runReminders(ctx);
  await reassessAllLabels(ctx);
  await startPartnerBadgeRecheck(ctx, new Date().toISOString().slice(0, 10));
  await scheduleReminders(ctx, new Date(Date.now() + 60_000));
}
