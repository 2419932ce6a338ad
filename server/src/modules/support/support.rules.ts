import { type SupportState, supportStates } from "../../db/states";
import { type ApplicantOrg, type ConflictReason, conflictOfInterest } from "../review/review.rules";

/**
 * Support requests: which adviser CFA a request goes to, and the request's
 * life. An adviser never helps its own organisation nor its group (its parent
 * CFA, its sites, its sibling UFAs): the reviewers' conflict of interest,
 * applied to the adviser organisation.
 */
export type AdviserProfile = {
  organisationId: string;
  parentId: string | null;
  badges: readonly string[];
  themes: readonly string[];
  capacity: number;
  /** Requests assigned to it and not closed. */
  openCount: number;
  active: boolean;
};

export type RequestTopic = { badges: readonly string[]; themes: readonly string[] };

/** Why an adviser may not take a request from `asker`, or null. */
export function adviserConflict(
  adviser: Pick<AdviserProfile, "organisationId" | "parentId">,
  asker: ApplicantOrg,
): ConflictReason | null {
  const organisationIds = [adviser.organisationId, adviser.parentId].filter(
    (id): id is string => !!id,
  );
  return conflictOfInterest(
    { userId: adviser.organisationId, organisationIds, declaredTies: [], group: "adviser" },
    asker,
  );
}

/** How many of the request's badges and themes the adviser covers. */
export function matchScore(
  adviser: Pick<AdviserProfile, "badges" | "themes">,
  topic: RequestTopic,
) {
  return (
    topic.badges.filter((b) => adviser.badges.includes(b)).length +
    topic.themes.filter((t) => adviser.themes.includes(t)).length
  );
}

export type AdviserProblem = "INACTIVE" | "AT_CAPACITY" | "NO_MATCH" | ConflictReason;

/**
 * Every reason the adviser may not be given the request (empty: it may).
 * A request that names no badge nor theme matches every adviser; otherwise
 * the adviser must cover at least one of them. `ignoreMatch` is for a
 * manager's reassignment, who may choose an adviser outside its topics.
 */
export function adviserProblems(
  adviser: AdviserProfile,
  asker: ApplicantOrg,
  topic: RequestTopic,
  { ignoreMatch = false } = {},
): AdviserProblem[] {
  const problems: AdviserProblem[] = [];
  const conflict = adviserConflict(adviser, asker);
  if (conflict) problems.push(conflict);
  if (!adviser.active) problems.push("INACTIVE");
  if (adviser.openCount >= adviser.capacity) problems.push("AT_CAPACITY");
  const asksSomething = topic.badges.length + topic.themes.length > 0;
  if (!ignoreMatch && asksSomething && matchScore(adviser, topic) === 0) problems.push("NO_MATCH");
  return problems;
}

/**
 * The adviser a new request goes to: among those with no problem, the best
 * match, then the one with most room left, then the lowest id (so the choice
 * is stable). Null when nobody is available: the request waits for a manager.
 */
export function routeRequest(
  advisers: readonly AdviserProfile[],
  asker: ApplicantOrg,
  topic: RequestTopic,
): AdviserProfile | null {
  const eligible = advisers.filter((a) => adviserProblems(a, asker, topic).length === 0);
  eligible.sort(
    (a, b) =>
      matchScore(b, topic) - matchScore(a, topic) ||
      b.capacity - b.openCount - (a.capacity - a.openCount) ||
      (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0),
  );
  return eligible[0] ?? null;
}

export const supportEvents = [
  "assign",
  "message",
  "propose_meeting",
  "accept_meeting",
  "counter_meeting",
  "close",
] as const;
export type SupportEvent = (typeof supportEvents)[number];
/** Who acts: the asking CFA, the adviser CFA, or a programme manager. */
export const supportSides = ["asker", "adviser", "manager"] as const;
export type SupportSide = (typeof supportSides)[number];

const live = (s: SupportState) => s !== "closed";
const assigned = (s: SupportState) => live(s) && s !== "waiting";

/**
 * The state a request moves to when `side` does `event`, or null when it may
 * not. Only a manager assigns (or reassigns: the new adviser starts afresh);
 * the adviser proposes a meeting, the asker accepts or counters it, the
 * adviser accepts a counter-proposal or proposes again; both sides write in
 * the thread; only the asker closes, with its feedback.
 */
export function nextSupportState(
  state: SupportState,
  event: SupportEvent,
  side: SupportSide,
): SupportState | null {
  switch (event) {
    case "assign":
      return side === "manager" && live(state) ? "open" : null;
    case "message":
      return side !== "manager" && assigned(state) ? state : null;
    case "propose_meeting":
      return side === "adviser" && assigned(state) ? "meeting_proposed" : null;
    case "accept_meeting":
      if (side === "asker" && state === "meeting_proposed") return "meeting_agreed";
      if (side === "adviser" && state === "meeting_countered") return "meeting_agreed";
      return null;
    case "counter_meeting":
      return side === "asker" && state === "meeting_proposed" ? "meeting_countered" : null;
    case "close":
      return side === "asker" && live(state) ? "closed" : null;
  }
}

/** Whether `side` may ever do `event`, in some state (if not, refusing it is a matter of rights). */
export const sideMay = (event: SupportEvent, side: SupportSide) =>
  supportStates.some((state) => nextSupportState(state, event, side) !== null);

export { supportStates };
