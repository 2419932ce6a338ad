/**
 * Mentoring (parrainage): who may mentor whom, and whether a pairing is on.
 * Pure rules, tested exhaustively in mentoring.rules.test.ts.
 */

/** An organisation as the rules see it: its kind and its place in a group (a CFA and its UFAs). */
export type OrgNode = { id: string; kind: string; parentId: string | null };

export type MentorConflict = "NOT_A_CFA" | "SAME_ORGANISATION" | "SAME_GROUP";

/**
 * Why `mentor` may not mentor `mentee`, or null. As for reviewers, nobody
 * mentors their own organisation, nor one of its group: its parent, its
 * sites, or a sibling under the same parent. Both sides are CFAs.
 */
export function mentorConflict(mentor: OrgNode, mentee: OrgNode): MentorConflict | null {
  if (mentor.kind !== "cfa" || mentee.kind !== "cfa") return "NOT_A_CFA";
  if (mentor.id === mentee.id) return "SAME_ORGANISATION";
  const groupOf = (o: OrgNode) => o.parentId ?? o.id;
  if (groupOf(mentor) === groupOf(mentee)) return "SAME_GROUP";
  if (mentor.parentId === mentee.id || mentee.parentId === mentor.id) return "SAME_GROUP";
  return null;
}

/** A pairing lasts a year unless the manager says otherwise. */
export function defaultEnd(start: Date): Date {
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

export type PairingDates = { startsAt: Date; endsAt: Date; endedAt: Date | null };

/** Where a pairing stands; only "active" lets the mentor see anything. */
export type PairingStatus = "upcoming" | "active" | "ended" | "term_reached" | "label_obtained";

/**
 * Where a pairing stands at `now`, given when the mentee's current label
 * was obtained (null without one). Ended by a manager first, then the
 * label (obtained during the pairing, before `now`), then its term.
 */
export function pairingStatus(
  pairing: PairingDates,
  labelObtainedAt: Date | null,
  now: Date,
): PairingStatus {
  if (pairing.endedAt && pairing.endedAt <= now) return "ended";
  if (labelObtainedAt && labelObtainedAt >= pairing.startsAt && labelObtainedAt <= now)
    return "label_obtained";
  if (pairing.endsAt <= now) return "term_reached";
  if (pairing.startsAt > now) return "upcoming";
  return "active";
}

/** A pairing still running or yet to start: a mentee has at most one. */
export const isOpen = (status: PairingStatus) => status === "active" || status === "upcoming";

export type Share = "progress" | "drafts";

/** What the mentor sees: what the mentee shares, and only while the pairing is active. */
export function sharedWithMentor(
  status: PairingStatus,
  choice: { shareProgress: boolean; shareDrafts: boolean },
): Share[] {
  if (status !== "active") return [];
  return [
    ...(choice.shareProgress ? (["progress"] as const) : []),
    ...(choice.shareDrafts ? (["drafts"] as const) : []),
  ];
}

export type PairingProblem = MentorConflict | "DATES_INVALID" | "MENTEE_ALREADY_PAIRED";

/** Every reason a new pairing is refused (empty: it may be made). */
export function checkPairing(input: {
  mentor: OrgNode;
  mentee: OrgNode;
  startsAt: Date;
  endsAt: Date;
  openPairings: number;
}): PairingProblem[] {
  const problems: PairingProblem[] = [];
  const conflict = mentorConflict(input.mentor, input.mentee);
  if (conflict) problems.push(conflict);
  if (!(input.endsAt > input.startsAt)) problems.push("DATES_INVALID");
  if (input.openPairings > 0) problems.push("MENTEE_ALREADY_PAIRED");
  return problems;
}
