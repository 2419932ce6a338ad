import { endOfLocalDay, PARIS } from "../../lib/zoned-time";

export type Session = {
  id: string;
  /** Last day to submit (YYYY-MM-DD), inclusive until midnight in the programme's time zone. */
  deadline: string;
  /** Day of the commission (YYYY-MM-DD). */
  commissionDate: string;
  /** Accepts only applications returned for revision. */
  revisionsOnly: boolean;
};

export type SubmissionKind = "new" | "revision";

export type SessionChoice =
  | { ok: true; session: Session }
  | { ok: false; reason: "NO_OPEN_SESSION" };

/**
 * A submission lands in the open session whose deadline comes first. A
 * session is open until the end of its deadline day (Europe/Paris); a
 * "revisions only" session takes only applications returned for revision. A
 * revision goes to a commission after the one that asked for it
 * (`afterCommission`, YYYY-MM-DD), never back to the same one.
 */
export function sessionForSubmission(
  sessions: readonly Session[],
  submittedAt: Date,
  kind: SubmissionKind,
  timeZone = PARIS,
  afterCommission?: string,
): SessionChoice {
  const open = sessions
    .filter((s) => submittedAt.getTime() < endOfLocalDay(s.deadline, timeZone).getTime())
    .filter((s) => kind === "revision" || !s.revisionsOnly)
    .filter((s) => !afterCommission || s.commissionDate > afterCommission)
    .sort(
      (a, b) =>
        a.deadline.localeCompare(b.deadline) || a.commissionDate.localeCompare(b.commissionDate),
    );
  const first = open[0];
  return first ? { ok: true, session: first } : { ok: false, reason: "NO_OPEN_SESSION" };
}

export type SessionProblem = "COMMISSION_BEFORE_DEADLINE" | "INVALID_DATE";

/** A session's own consistency: a commission can only meet after its deadline. */
export function checkSession(
  session: Pick<Session, "deadline" | "commissionDate">,
): SessionProblem | null {
  if (!isCalendarDate(session.deadline) || !isCalendarDate(session.commissionDate))
    return "INVALID_DATE";
  return session.commissionDate > session.deadline ? null : "COMMISSION_BEFORE_DEADLINE";
}

/** Days left before a deadline, counted in whole local days (0 on the day itself). */
export function daysUntilDeadline(
  session: Pick<Session, "deadline">,
  now: Date,
  timeZone = PARIS,
): number {
  const end = endOfLocalDay(session.deadline, timeZone).getTime();
  return Math.max(-1, Math.ceil((end - now.getTime()) / 86_400_000) - 1);
}

/** YYYY-MM-DD naming a day that exists (Date.parse would roll 30 February over to March). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
