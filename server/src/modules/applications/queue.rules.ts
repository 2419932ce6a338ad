/** Reviews are due a week before their commission, so that managers can read them first. */
export const REVIEW_LEAD_DAYS = 7;

/** The review deadline (YYYY-MM-DD) of a session whose commission sits on this day. */
export function reviewDeadline(commissionDate: string): string {
  const day = new Date(`${commissionDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - REVIEW_LEAD_DAYS);
  return day.toISOString().slice(0, 10);
}
