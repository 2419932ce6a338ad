import type { AppContext } from "../../context";
import { queueEmail } from "../email/mailer";
import type { Payload } from "../jobs/queues";
import { listPairings } from "./mentoring.repo";
import { pairingStatus } from "./mentoring.rules";
import { addressesOf, labelObtainedAt, pairingUrl } from "./mentoring.service";

/**
 * The "mentoring.label-obtained" job, enqueued in the transaction that
 * issues a CFA's label: each pairing the label ends (the CFA its mentee)
 * is announced to both sides, once per pairing and address.
 */
export async function closePairingsByLabel(
  ctx: AppContext,
  { organisationId }: Payload<"mentoring.label-obtained">,
) {
  const obtained = await labelObtainedAt(ctx.db, organisationId);
  if (!obtained) return;
  const now = new Date();
  const rows = await listPairings(ctx.db, { organisationIds: [organisationId] });
  const ended = rows.filter(
    (r) =>
      r.mentee.id === organisationId &&
      pairingStatus(r.pairing, obtained, now) === "label_obtained",
  );
  for (const { pairing, mentee, mentor } of ended) {
    const to = [...(await addressesOf(ctx.db, mentee)), ...(await addressesOf(ctx.db, mentor))];
    await ctx.db.transaction(async (tx) => {
      for (const address of new Set(to))
        await queueEmail(tx, {
          to: address,
          uniqueKey: `mentoring-label:${pairing.id}:${address}`,
          template: {
            name: "mentoring_label_obtained",
            mentee: mentee.name,
            mentor: mentor.name,
            url: pairingUrl(ctx, pairing.id),
          },
        });
    });
  }
}
