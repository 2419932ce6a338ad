import type { AppContext } from "../../context";
import type { credentials } from "../../db/schema";
import { lockOrganisation } from "../credentials/credentials.repo";
import { queueEmail } from "../email/mailer";
import type { Payload } from "../jobs/queues";
import { findOrganisation } from "../organisations/organisations.repo";
import { findCredentialRow } from "./label.repo";
import { labelProgress } from "./label.service";
import { reassessLabel } from "./reassessment.service";

type CredentialRow = typeof credentials.$inferSelect;

/**
 * Issuance order: a CFA's badges are issued one at a time, each stamped by
 * the database clock at its insert (milliseconds apart at least: a badge is
 * signed between two inserts). The id only makes the order total.
 */
const issuedBefore = (a: CredentialRow, b: CredentialRow) =>
  a.createdAt.getTime() < b.createdAt.getTime() ||
  (a.createdAt.getTime() === b.createdAt.getTime() && a.id < b.id);

/**
 * Tells the CFA the day a new badge makes it meet the label's rule (and only
 * that day: the email is keyed by the badge that tipped it over). A CFA that
 * already holds the label hears about restoration instead.
 *
 * Part of the "label.eligibility" job, enqueued in the transaction issuing the
 * badge: the email cannot be lost by a process killed after the commit. It
 * may run long after, when later badges are in: so it judges this badge
 * against the badges issued up to it, with it and without it. Each badge of
 * the same CFA sees the one before it (issuance holds the CFA's row), so of
 * badges issued at once exactly one tips the CFA over, and one email goes out.
 */
export async function notifyIfNewlyEligible(
  ctx: AppContext,
  { organisationId, credentialId }: Payload<"label.eligibility">,
) {
  await ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const org = await findOrganisation(tx, organisationId);
    const issued = await findCredentialRow(tx, credentialId);
    if (org?.kind !== "cfa" || !issued) return;
    const now = new Date();
    const withIt = await labelProgress(ctx, organisationId, now, {
      db: tx,
      counts: (c) => c.id === issued.id || issuedBefore(c, issued),
    });
    if (!withIt.eligible) return;
    if (withIt.label.state === "active" || withIt.label.state === "suspended") return;
    const without = await labelProgress(ctx, organisationId, now, {
      db: tx,
      counts: (c) => issuedBefore(c, issued),
    });
    if (without.eligible) return;
    await queueEmail(tx, {
      to: org.contactEmail,
      uniqueKey: `label-eligible:${organisationId}:${credentialId}`,
      template: {
        name: "label_eligible",
        organisation: org.name,
        count: withIt.count,
        url: `${ctx.config.publicUrl}/organisations/${org.id}/label`,
      },
    });
  });
}

/**
 * The "label.eligibility" job: after a badge that counts for the label, the
 * label follows it (a suspended one may be restored) and the CFA hears if the
 * badge made it eligible. Both are safe to run again.
 */
export async function followIssuedBadge(ctx: AppContext, job: Payload<"label.eligibility">) {
  await notifyIfNewlyEligible(ctx, job);
  await reassessLabel(ctx, job.organisationId);
}
