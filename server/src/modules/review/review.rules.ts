import { type ReviewState, reviewStates } from "../../db/states";
/**
 * Who may review an application. A reviewer never reviews for their own
 * organisation, its parent or its sites, nor for one they declared a tie
 * with; where a mix is configured, the panel must include it.
 */
export type ReviewerProfile = {
  userId: string;
  /** Organisations the reviewer belongs to. */
  organisationIds: readonly string[];
  /** Organisations the reviewer declared a tie with (former employer, partner...). */
  declaredTies: readonly string[];
  /** The reviewer's group in the peer panel, e.g. "pilot_cfa", "region", "association". */
  group: string;
};

export type ApplicantOrg = { id: string; parentId: string | null; childIds: readonly string[] };

export type ConflictReason =
  | "OWN_ORGANISATION"
  | "PARENT_ORGANISATION"
  | "SITE_OF_ORGANISATION"
  | "DECLARED_TIE";

export function conflictOfInterest(
  reviewer: ReviewerProfile,
  applicant: ApplicantOrg,
): ConflictReason | null {
  const belongs = (id: string | null) => !!id && reviewer.organisationIds.includes(id);
  if (belongs(applicant.id)) return "OWN_ORGANISATION";
  if (belongs(applicant.parentId)) return "PARENT_ORGANISATION";
  if (applicant.childIds.some(belongs)) return "SITE_OF_ORGANISATION";
  const related = [applicant.id, applicant.parentId, ...applicant.childIds].filter(
    (id): id is string => !!id,
  );
  if (related.some((id) => reviewer.declaredTies.includes(id))) return "DECLARED_TIE";
  return null;
}

export type PanelRule = { size: number; mix: readonly { group: string; min: number }[] };

export type PanelProblem =
  | { code: "REVIEWER_CONFLICT_OF_INTEREST"; userId: string; reason: ConflictReason }
  | { code: "REVIEWER_RECUSED"; userId: string }
  | { code: "REVIEWER_DUPLICATE"; userId: string }
  | { code: "PANEL_TOO_SMALL"; missing: number }
  | { code: "PANEL_MIX_NOT_MET"; group: string; missing: number };

/** Every problem with a proposed panel (an empty list means it may be assigned). */
export function checkPanel(
  panel: readonly ReviewerProfile[],
  applicant: ApplicantOrg,
  rule: PanelRule,
  recusedUserIds: readonly string[] = [],
): PanelProblem[] {
  const problems: PanelProblem[] = [];
  const seen = new Set<string>();
  for (const reviewer of panel) {
    if (seen.has(reviewer.userId))
      problems.push({ code: "REVIEWER_DUPLICATE", userId: reviewer.userId });
    seen.add(reviewer.userId);
    const reason = conflictOfInterest(reviewer, applicant);
    if (reason)
      problems.push({ code: "REVIEWER_CONFLICT_OF_INTEREST", userId: reviewer.userId, reason });
    if (recusedUserIds.includes(reviewer.userId))
      problems.push({ code: "REVIEWER_RECUSED", userId: reviewer.userId });
  }
  if (seen.size < rule.size)
    problems.push({ code: "PANEL_TOO_SMALL", missing: rule.size - seen.size });
  const distinct = panel.filter((r, i) => panel.findIndex((o) => o.userId === r.userId) === i);
  for (const { group, min } of rule.mix) {
    const have = distinct.filter((r) => r.group === group).length;
    if (have < min) problems.push({ code: "PANEL_MIX_NOT_MET", group, missing: min - have });
  }
  return problems;
}

/**
 * A reviewer's assignment on one application. A submitted review is final
 * (blind review: once in, its author reads the others'); only a programme
 * manager reopens it, and that is audited.
 */
export { type ReviewState, reviewStates };
export const reviewEvents = ["submit", "recuse", "reopen"] as const;
export type ReviewEvent = (typeof reviewEvents)[number];

const reviewTransitions: Record<ReviewEvent, { from: ReviewState; to: ReviewState }> = {
  submit: { from: "assigned", to: "submitted" },
  recuse: { from: "assigned", to: "recused" },
  reopen: { from: "submitted", to: "assigned" },
};

export type ReviewRefusal =
  | "REVIEW_ALREADY_SUBMITTED"
  | "REVIEW_NOT_ASSIGNED"
  | "REVIEW_NOT_SUBMITTED";
export type ReviewTransition =
  | { ok: true; from: ReviewState; to: ReviewState }
  | { ok: false; code: ReviewRefusal };

export function applyReviewEvent(state: ReviewState, event: ReviewEvent): ReviewTransition {
  const { from, to } = reviewTransitions[event];
  if (state === from) return { ok: true, from, to };
  if (event === "reopen") return { ok: false, code: "REVIEW_NOT_SUBMITTED" };
  return {
    ok: false,
    code: state === "submitted" ? "REVIEW_ALREADY_SUBMITTED" : "REVIEW_NOT_ASSIGNED",
  };
}

/** Where a review event starts from (what its guarded update requires) and leads to. */
export const reviewTransition = (event: ReviewEvent) => reviewTransitions[event];
