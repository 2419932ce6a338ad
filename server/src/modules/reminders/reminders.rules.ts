/**
 * Which reminder a badge is due, as a pure rule: the smallest threshold (in
 * months before the end of validity) it has entered. One email per band, so
 * a badge met for the first time a fortnight before its end gets the
 * one-month reminder only, not three at once.
 */
export function expiryBand(
  validUntil: Date | null,
  now: Date,
  thresholdsMonths: readonly number[],
): number | null {
  if (!validUntil || validUntil.getTime() <= now.getTime()) return null;
  const bands = [...thresholdsMonths].sort((a, b) => a - b);
  for (const months of bands) {
    const limit = new Date(now);
    limit.setUTCMonth(limit.getUTCMonth() + months);
    if (validUntil.getTime() <= limit.getTime()) return months;
  }
  return null;
}

/** A draft is worth a reminder when its session's deadline is this close (whole days). */
export const DRAFT_REMINDER_DAYS = 7;
