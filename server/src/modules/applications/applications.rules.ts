/**
 * The life of a badge application (demande de badge), as an explicit table.
 * Anything not in the table is refused with a reason the UI can show.
 */
import { type ApplicationState, applicationStates } from "../../db/states";

/** The states are declared once, with the database's check constraint. */
export { type ApplicationState, applicationStates };

export const applicationEvents = [
  "edit",
  "submit",
  "assign_reviewers",
  "request_revision",
  "grant",
  "refuse",
  "withdraw",
] as const;
export type ApplicationEvent = (typeof applicationEvents)[number];

/** Who may cause an event: the applying organisation, or a programme manager. */
export type EventActor = "applicant" | "manager";

type Transition = {
  from: readonly ApplicationState[];
  to: ApplicationState | "same";
  by: EventActor;
};

export const transitionTable: Record<ApplicationEvent, Transition> = {
  edit: { from: ["draft", "revision_requested"], to: "same", by: "applicant" },
  submit: { from: ["draft", "revision_requested"], to: "submitted", by: "applicant" },
  assign_reviewers: { from: ["submitted", "under_review"], to: "under_review", by: "manager" },
  request_revision: { from: ["under_review"], to: "revision_requested", by: "manager" },
  grant: { from: ["under_review"], to: "granted", by: "manager" },
  refuse: { from: ["under_review"], to: "refused", by: "manager" },
  withdraw: {
    from: ["draft", "submitted", "under_review", "revision_requested"],
    to: "withdrawn",
    by: "applicant",
  },
};

/** The states no event leaves: the application is decided, or withdrawn. */
export const finalStates: readonly ApplicationState[] = applicationStates.filter(
  (state) => !Object.values(transitionTable).some((t) => t.from.includes(state)),
);

/**
 * How a programme takes requests: in calendar sessions, where a commission
 * decides after peer review (the label), or continuously, where a manager
 * decides a submitted request directly (the partners' Participant badge).
 */
export type Intake = "sessions" | "continuous";
const decisions: readonly ApplicationEvent[] = ["grant", "refuse", "request_revision"];

export type TransitionResult =
  | { ok: true; state: ApplicationState }
  | {
      ok: false;
      code:
        | "APPLICATION_ALREADY_DECIDED"
        | "APPLICATION_TRANSITION_NOT_ALLOWED"
        | "APPLICATION_WRONG_ACTOR";
    };

export function applyEvent(
  state: ApplicationState,
  event: ApplicationEvent,
  actor: EventActor,
  intake: Intake = "sessions",
): TransitionResult {
  const transition = transitionTable[event];
  if (transition.by !== actor) return { ok: false, code: "APPLICATION_WRONG_ACTOR" };
  const from: readonly ApplicationState[] =
    intake === "continuous" && decisions.includes(event)
      ? [...transition.from, "submitted"]
      : transition.from;
  if (!from.includes(state))
    return {
      ok: false,
      code: finalStates.includes(state)
        ? "APPLICATION_ALREADY_DECIDED"
        : "APPLICATION_TRANSITION_NOT_ALLOWED",
    };
  return { ok: true, state: transition.to === "same" ? state : transition.to };
}

/** The events an actor can take now: what the UI offers as buttons. */
export function availableEvents(
  state: ApplicationState,
  actor: EventActor,
  intake: Intake = "sessions",
): ApplicationEvent[] {
  return applicationEvents.filter((event) => applyEvent(state, event, actor, intake).ok);
}

/** A submission after a revision request is a "revision" for the calendar. */
export function submissionKind(state: ApplicationState): "new" | "revision" {
  return state === "revision_requested" ? "revision" : "new";
}

/** A badge's renewal opens this many months before it ends. */
/** A criterion an application answers: its key in `answers`, what it asks, what proves it. */
export type CriterionToAnswer = { key: string; statement: string; evidence: string[] };

/**
 * The criteria an application answers, by key: each criterion of its badge by
 * position ("0", "1", …), and for a renewal the badge's extra question
 * ("renewal"). The one place this rule is written: what may be saved, what is
 * still missing and what the form shows all follow it.
 */
export function criteriaToAnswer(
  badge: {
    criteria: readonly { statement: string; evidence: readonly string[] }[];
    renewalExtra: string | null;
  },
  kind: string,
): CriterionToAnswer[] {
  const keys = badge.criteria.map((c, i) => ({
    key: String(i),
    statement: c.statement,
    evidence: [...c.evidence],
  }));
  if (kind === "renewal" && badge.renewalExtra)
    keys.push({ key: "renewal", statement: badge.renewalExtra, evidence: [] });
  return keys;
}

export const RENEWAL_WINDOW_MONTHS = 6;

/** The same instant some months later (a badge's validity, the renewal window). */
export function monthsLater(date: Date, months: number): Date {
  const later = new Date(date);
  later.setUTCMonth(later.getUTCMonth() + months);
  return later;
}

/** An award of the badge to the applying organisation, as far as opening an application cares. */
export type HeldBadge = { validFrom: Date; validUntil: Date | null; revokedAt: Date | null };

export type OpeningResult =
  | { ok: true }
  | { ok: false; code: "BADGE_ALREADY_HELD" | "BADGE_RENEWAL_DUE" };

/**
 * Whether an organisation may open an application of this kind for a badge
 * it may already hold. While an award is valid there is nothing to apply
 * for, except its renewal once the award ends before `renewalHorizon` (now
 * plus the renewal window). A revoked or ended award leaves the way open.
 */
export function checkOpening(
  kind: "first" | "renewal",
  held: readonly HeldBadge[],
  now: Date,
  renewalHorizon: Date,
): OpeningResult {
  const valid = held.filter(
    (h) => !h.revokedAt && h.validFrom <= now && (!h.validUntil || h.validUntil > now),
  );
  if (valid.length === 0) return { ok: true };
  const lastsBeyondWindow = valid.some((h) => !h.validUntil || h.validUntil > renewalHorizon);
  if (lastsBeyondWindow) return { ok: false, code: "BADGE_ALREADY_HELD" };
  return kind === "renewal" ? { ok: true } : { ok: false, code: "BADGE_RENEWAL_DUE" };
}

/** How the applicant sees who wrote a message when the programme keeps its reviewers anonymous. */
export type AuthorAlias =
  | { role: "applicant" }
  | { role: "reviewer"; number: number }
  | { role: "manager" };

/**
 * Reviewers are numbered in the order they first wrote, so that "Relecteur 1"
 * is the same person from one message (and one email) to the next; the
 * Region's staff speak as the Region.
 */
export function authorAliases(
  messages: readonly { authorId: string | null; authorRole: string }[],
): AuthorAlias[] {
  const numbers = new Map<string | null, number>();
  return messages.map((m) => {
    if (m.authorRole === "applicant") return { role: "applicant" };
    if (m.authorRole !== "reviewer") return { role: "manager" };
    if (!numbers.has(m.authorId)) numbers.set(m.authorId, numbers.size + 1);
    return { role: "reviewer", number: numbers.get(m.authorId)! };
  });
}
