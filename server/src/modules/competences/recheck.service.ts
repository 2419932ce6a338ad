import type { VerifyInput } from "@blason/openbadges";
import type { AppContext } from "../../context";
import { verifyInWorkers } from "../../lib/verify";
import { enqueue, enqueueOnce, handle, type QueueName } from "../jobs/queues";
import { factsFromReport } from "./badge-facts";
import { countingPartnerBadgesAfter, markPartnerBadgeRevoked } from "./competences.repo";

export const RECHECK_QUEUE = "competences.recheck" satisfies QueueName;
const BATCH = 200;

/** Starts the day's re-check of the partner badges that count: a chain of jobs, a batch each. */
export async function startPartnerBadgeRecheck(ctx: AppContext, day: string) {
  await enqueue(ctx.db, RECHECK_QUEUE, { after: null, day }, { uniqueKey: `recheck:${day}:start` });
}

/**
 * A partner badge issued elsewhere can be revoked at its issuer without
 * anyone telling Blason, and any badge can expire. Each day the badges that
 * count are looked at again: an expired one, or one whose issuer's status
 * list now says revoked, is recorded so, and the person's regional badges are
 * re-evaluated (suspended if they no longer hold). Badges issued on Blason are
 * revoked through Blason and need no look.
 */
export async function recheckPartnerBadges(
  ctx: AppContext,
  after: string | null,
  now = new Date(),
): Promise<{ checked: number; changed: number; last: string | null }> {
  const rows = await countingPartnerBadgesAfter(ctx.db, { after, limit: BATCH });
  let changed = 0;
  for (const row of rows) {
    const expired = !!row.expiresAt && row.expiresAt.getTime() <= now.getTime();
    let revoked = false;
    if (!expired && row.channel !== "blason" && row.document) {
      const report = await verifyInWorkers(ctx, row.document as VerifyInput, { now });
      revoked = factsFromReport(report).revoked;
    }
    if (!expired && !revoked) continue;
    changed++;
    await ctx.db.transaction(async (tx) => {
      if (revoked) await markPartnerBadgeRevoked(tx, row.id, now);
      await enqueueOnce(tx, "competences.evaluate", { earnerId: row.earnerId }, "earnerId");
    });
  }
  return { checked: rows.length, changed, last: rows.at(-1)?.id ?? null };
}

/** The handler of "competences.recheck": one batch, then the next one as a job. */
export function recheckJobHandler(ctx: AppContext) {
  return handle(RECHECK_QUEUE, async ({ after, day }) => {
    const { checked, last } = await recheckPartnerBadges(ctx, after);
    if (checked === BATCH && last)
      await enqueue(
        ctx.db,
        RECHECK_QUEUE,
        { after: last, day },
        { uniqueKey: `recheck:${day}:${last}` },
      );
  });
}
