import type { VerifyInput } from "@blason/openbadges";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { AppContext } from "../../context";
import { partnerBadges } from "../../db/schema";
import { verifyInWorkers } from "../../lib/verify";
import { enqueueEvaluation } from "../credentials/issuance.service";
import { enqueueJob } from "../jobs/jobs.repo";
import { factsFromReport } from "./ingestion.service";

export const RECHECK_QUEUE = "competences.recheck";
const BATCH = 200;

/** Starts the day's re-check of the partner badges that count: a chain of jobs, a batch each. */
export async function startPartnerBadgeRecheck(ctx: AppContext, day: string) {
  await enqueueJob(ctx.db, {
    queue: RECHECK_QUEUE,
    payload: { after: null, day },
    uniqueKey: `recheck:${day}:start`,
  });
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
  const rows = await ctx.db
    .select()
    .from(partnerBadges)
    .where(
      and(
        eq(partnerBadges.counts, true),
        isNull(partnerBadges.revokedAt),
        ...(after ? [gt(partnerBadges.id, after)] : []),
      ),
    )
    .orderBy(asc(partnerBadges.id))
    .limit(BATCH);
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
      if (revoked)
        await tx
          .update(partnerBadges)
          .set({ revokedAt: now, checkedAt: now })
          .where(eq(partnerBadges.id, row.id));
      await enqueueEvaluation(tx, row.earnerId);
    });
  }
  return { checked: rows.length, changed, last: rows.at(-1)?.id ?? null };
}

export function recheckJobHandler(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const after = typeof payload.after === "string" ? payload.after : null;
    const { checked, last } = await recheckPartnerBadges(ctx, after);
    if (checked === BATCH && last)
      await enqueueJob(ctx.db, {
        queue: RECHECK_QUEUE,
        payload: { after: last, day: payload.day },
        uniqueKey: `recheck:${String(payload.day)}:${last}`,
      });
  };
}
