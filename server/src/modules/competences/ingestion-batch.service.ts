import type { AppContext } from "../../context";
import { AppError, type ErrorCode, errorMessage } from "../../errors";
import {
  type JudgedBadge,
  type JudgeMemo,
  judgePartnerBadge,
  storeJudgedBadges,
} from "./ingestion.service";

/** Verifications of one batch in flight at once: the pool stays open to everyone else. */
const VERIFYING_AT_ONCE = 32;

export type BatchItem = { email: string; name?: string; badge: unknown };

export type BatchOutcome =
  | {
      status: "received" | "duplicate";
      stored: Awaited<ReturnType<typeof storeJudgedBadges>>[number];
    }
  | { status: "refused"; code: ErrorCode; message: { fr: string; en: string } };

/** Runs `work` on every item with at most `limit` at once, answers in order. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>) {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * A push of many badges at once: each verified in the worker pool (several
 * at a time), judged like a single push (the database read once per issuer
 * and badge class), then all those accepted stored in one transaction (bulk
 * inserts, one evaluation job per person, not per badge). Each badge has
 * its answer: received, duplicate (already kept, or twice in the batch: a
 * partner resuming a push re-sends everything), or refused with its code;
 * one refused badge does not refuse the others.
 */
export async function receivePartnerBadges(
  ctx: AppContext,
  input: {
    items: BatchItem[];
    pushedBy: { organisationId: string; apiClientId: string | null };
    now?: Date;
  },
): Promise<BatchOutcome[]> {
  const now = input.now ?? new Date();
  const memo: JudgeMemo = new Map();
  const judged = await inPool(input.items, VERIFYING_AT_ONCE, async (item) => {
    try {
      return await judgePartnerBadge(
        ctx,
        { ...item, channel: "api", pushedBy: input.pushedBy, now },
        memo,
      );
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
  });
  const accepted = judged.filter((j): j is JudgedBadge => !(j instanceof AppError));
  const stored =
    accepted.length > 0 ? await ctx.db.transaction((tx) => storeJudgedBadges(tx, accepted)) : [];
  let k = 0;
  return judged.map((j): BatchOutcome => {
    if (j instanceof AppError)
      return {
        status: "refused",
        code: j.code,
        message: { fr: errorMessage(j.code, "fr"), en: errorMessage(j.code, "en") },
      };
    const one = stored[k++]!;
    return { status: one.fresh ? "received" : "duplicate", stored: one };
  });
}
