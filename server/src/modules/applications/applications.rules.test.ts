import { describe, expect, it } from "vitest";
import {
  type ApplicationEvent,
  type ApplicationState,
  applicationEvents,
  applicationStates,
  applyEvent,
  availableEvents,
  type EventActor,
  finalStates,
  submissionKind,
} from "./applications.rules";

/**
 * Every (state, event, actor) triple, with the expected outcome written out
 * by hand: the table below is the specification, independent of the code.
 */
const allowed: Record<string, ApplicationState> = {
  "draft edit applicant": "draft",
  "revision_requested edit applicant": "revision_requested",
  "draft submit applicant": "submitted",
  "revision_requested submit applicant": "submitted",
  "submitted assign_reviewers manager": "under_review",
  "under_review assign_reviewers manager": "under_review",
  "under_review request_revision manager": "revision_requested",
  "under_review grant manager": "granted",
  "under_review refuse manager": "refused",
  "draft withdraw applicant": "withdrawn",
  "submitted withdraw applicant": "withdrawn",
  "under_review withdraw applicant": "withdrawn",
  "revision_requested withdraw applicant": "withdrawn",
};

/** Continuous intake (the Participant request): a manager also decides straight from "submitted". */
const allowedContinuous: Record<string, ApplicationState> = {
  ...allowed,
  "submitted request_revision manager": "revision_requested",
  "submitted grant manager": "granted",
  "submitted refuse manager": "refused",
};

const managerEvents: ApplicationEvent[] = [
  "assign_reviewers",
  "request_revision",
  "grant",
  "refuse",
];
const actors: EventActor[] = ["applicant", "manager"];
const triples = applicationStates.flatMap((state) =>
  applicationEvents.flatMap((event) => actors.map((actor) => [state, event, actor] as const)),
);

describe("application state machine", () => {
  it.each(
    triples.flatMap(([state, event, actor]) =>
      (["sessions", "continuous"] as const).map((intake) => [state, event, actor, intake] as const),
    ),
  )("%s + %s by %s (%s intake)", (state, event, actor, intake) => {
    const result = applyEvent(state, event, actor, intake);
    const table = intake === "continuous" ? allowedContinuous : allowed;
    const expected = table[`${state} ${event} ${actor}`];
    if (expected) {
      expect(result).toEqual({ ok: true, state: expected });
      return;
    }
    const rightActor = managerEvents.includes(event) ? "manager" : "applicant";
    if (actor !== rightActor)
      expect(result).toEqual({ ok: false, code: "APPLICATION_WRONG_ACTOR" });
    else if (finalStates.includes(state))
      expect(result).toEqual({ ok: false, code: "APPLICATION_ALREADY_DECIDED" });
    else expect(result).toEqual({ ok: false, code: "APPLICATION_TRANSITION_NOT_ALLOWED" });
  });

  it("a decided application accepts nothing more", () => {
    for (const state of finalStates)
      for (const actor of actors) expect(availableEvents(state, actor)).toEqual([]);
  });

  it("offers the applicant exactly what the table allows", () => {
    expect(availableEvents("draft", "applicant")).toEqual(["edit", "submit", "withdraw"]);
    expect(availableEvents("under_review", "applicant")).toEqual(["withdraw"]);
    expect(availableEvents("under_review", "manager")).toEqual([
      "assign_reviewers",
      "request_revision",
      "grant",
      "refuse",
    ]);
  });

  it("with continuous intake, a manager decides a submitted request without a panel", () => {
    expect(availableEvents("submitted", "manager", "continuous")).toEqual([
      "assign_reviewers",
      "request_revision",
      "grant",
      "refuse",
    ]);
    expect(availableEvents("submitted", "manager")).toEqual(["assign_reviewers"]);
  });

  it("every state can be reached from a draft", () => {
    const reached = new Set<ApplicationState>(["draft"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [state, event, actor] of triples) {
        if (!reached.has(state)) continue;
        const result = applyEvent(state, event, actor);
        if (result.ok && !reached.has(result.state)) {
          reached.add(result.state);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...applicationStates].sort());
  });

  it("a resubmission after a revision request counts as a revision for the calendar", () => {
    expect(submissionKind("revision_requested")).toBe("revision");
    expect(submissionKind("draft")).toBe("new");
  });
});
