import type { Db } from "../../db/client";
import { RateLimitError } from "../../errors";
import { countHit, deleteBucketsBefore } from "./rate-limit.repo";

export type Limit = { limit: number; windowSeconds: number };

/**
 * Counts a hit in a fixed window, stored in the database so that every app
 * instance sees the same count. Past the limit, throws RATE_LIMITED with the
 * seconds left in the window (the answer's Retry-After).
 */
export async function hitRateLimit(db: Db, key: string, { limit, windowSeconds }: Limit) {
  const windowMs = windowSeconds * 1000;
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const count = await countHit(db, key, windowStart);
  if (Math.random() < 0.01) await deleteBucketsBefore(db, new Date(Date.now() - 86_400_000));
  if (count > limit)
    throw new RateLimitError(
      Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000)),
    );
}

export const limits = {
  signInPerEmail: { limit: 10, windowSeconds: 15 * 60 },
  signInPerIp: { limit: 50, windowSeconds: 15 * 60 },
  emailLinkPerEmail: { limit: 5, windowSeconds: 15 * 60 },
  emailLinkPerIp: { limit: 30, windowSeconds: 15 * 60 },
  tokenPerIp: { limit: 60, windowSeconds: 15 * 60 },
  verifyPerIp: { limit: 120, windowSeconds: 10 * 60 },
} satisfies Record<string, Limit>;
