import type { AppContext } from "../../context";
import { appendAudit } from "../audit/audit.repo";
import { queueEmail } from "../email/mailer";
import { enqueue } from "../jobs/queues";
import { actorOf } from "../organisations/organisations.service";
import { participationOf } from "../partners/participation";
import type { Caller } from "../policy/policy";
import { authorize } from "../policy/policy";
import { reassignSubmittedReviews } from "../review/review.repo";
import { findSession, insertParticipation } from "./applications.repo";
import { monthsLater } from "./applications.rules";
import type { DecisionInput } from "./applications.schema";
import { intakeOf, moveApplication, readableApplication, transition } from "./applications.service";
import { grantEvidence } from "./applications.text";

const eventOf = {
  granted: "grant",
  refused: "refuse",
  revision_requested: "request_revision",
} as const;

/**
 * The commission's decision. A grant issues the badge through a job, in the
 * same transaction: the credential exists once, whatever happens next.
 */
export async function decide(
  ctx: AppContext,
  options: { caller: Caller; id: string; now?: Date } & DecisionInput,
) {
  const {
    caller: { principal, user },
    id,
    outcome,
    motivation,
    now = new Date(),
  } = options;
  const found = await readableApplication(ctx, principal, id);
  authorize(principal, "application.manage");
  const event = eventOf[outcome];
  transition(found.application.state, event, "manager", intakeOf(found.badge));
  const participation = participationOf(found.badge);
  const session = await findSession(ctx.db, found.application.sessionId);
  await ctx.db.transaction(async (tx) => {
    await moveApplication(tx, {
      found,
      event,
      actor: "manager",
      set: {
        motivation,
        updatedAt: now,
        ...(outcome === "revision_requested" ? {} : { decidedAt: now }),
      },
    });
    if (outcome === "revision_requested")
      // The next round is reviewed afresh.
      await reassignSubmittedReviews(tx, id);
    if (outcome === "granted" && participation)
      // The partner takes part from today, for as long as the badge is valid.
      await insertParticipation(tx, {
        organisationId: found.org.id,
        kind: participation,
        validFrom: now,
        validUntil: monthsLater(now, found.badge.validityMonths),
        decidedBy: user.id,
      });
    if (outcome === "granted") {
      const grantKey = `application:${id}`;
      const evidence = participation
        ? grantEvidence.participation
        : {
            name: grantEvidence.label.name,
            narrative: grantEvidence.label.narrative(session?.name ?? null),
          };
      await enqueue(
        tx,
        "credentials.issue",
        {
          grantKey,
          badgeClassId: found.badge.id,
          subjectOrgId: found.org.id,
          validFrom: now.toISOString(),
          evidence: [
            { id: `${ctx.config.publicUrl}/badges/${found.badge.id}#criteres`, ...evidence },
          ],
        },
        // The credential exists once, however often the grant is queued.
        { uniqueKey: `issue:${grantKey}` },
      );
    }
    await appendAudit(tx, {
      actor: actorOf(user),
      action: `application.${outcome}`,
      targetType: "application",
      targetId: id,
      data: { badge: found.badge.name, organisation: found.org.name, motivation },
    });
    await queueEmail(tx, {
      to: found.org.contactEmail,
      template: {
        name: "application_decided",
        outcome,
        organisation: found.org.name,
        badge: found.badge.name,
        motivation,
        url: `${ctx.config.publicUrl}/demandes/${id}`,
      },
    });
  });
}
