import { describe, expect, it } from "vitest";
import {
  type ApplicationEvent,
  type ApplicationState,
  applicationEvents,
  applicationStates,
  applyEvent,
  authorAliases,
  availableEvents,
  checkOpening,
  criteriaToAnswer,
  type EventActor,
  finalStates,
  type HeldBadge,
  monthsLater,
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

  it("the final states are the granted, refused and withdrawn ones", () => {
    expect(finalStates).toEqual(["granted", "refused", "withdrawn"]);
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

describe("opening an application for a badge the organisation may hold", () => {
  const now = new Date("2027-03-01T00:00:00Z");
  const horizon = new Date("2027-09-01T00:00:00Z");
  const award = (validUntil: string | null, extra: Partial<HeldBadge> = {}): HeldBadge => ({
    validFrom: new Date("2024-01-01T00:00:00Z"),
    validUntil: validUntil ? new Date(validUntil) : null,
    revokedAt: null,
    ...extra,
  });
  const beyond = award("2030-01-01T00:00:00Z");
  const ending = award("2027-06-01T00:00:00Z");
  const ended = award("2027-02-01T00:00:00Z");
  const revoked = award("2030-01-01T00:00:00Z", { revokedAt: new Date("2026-01-01T00:00:00Z") });
  const notYet = award("2031-01-01T00:00:00Z", { validFrom: new Date("2027-05-01T00:00:00Z") });
  const forever = award(null);

  it.each([
    ["never held", [], "first", { ok: true }],
    ["never held", [], "renewal", { ok: true }],
    ["valid beyond the window", [beyond], "first", { ok: false, code: "BADGE_ALREADY_HELD" }],
    ["valid beyond the window", [beyond], "renewal", { ok: false, code: "BADGE_ALREADY_HELD" }],
    ["valid without an end", [forever], "renewal", { ok: false, code: "BADGE_ALREADY_HELD" }],
    ["ending within the window", [ending], "first", { ok: false, code: "BADGE_RENEWAL_DUE" }],
    ["ending within the window", [ending], "renewal", { ok: true }],
    ["ended", [ended], "first", { ok: true }],
    ["ended", [ended], "renewal", { ok: true }],
    ["revoked", [revoked], "first", { ok: true }],
    ["valid from a later date", [notYet], "first", { ok: true }],
    [
      "ending, and renewed already",
      [ending, beyond],
      "renewal",
      { ok: false, code: "BADGE_ALREADY_HELD" },
    ],
    [
      "ending, an older one revoked",
      [ending, revoked],
      "first",
      { ok: false, code: "BADGE_RENEWAL_DUE" },
    ],
  ] as const)("%s, %s application: %o", (_label, held, kind, expected) => {
    expect(checkOpening(kind, held, now, horizon)).toEqual(expected);
  });

  it("the window's last day still opens the renewal; the day after it is too early", () => {
    expect(checkOpening("renewal", [award(horizon.toISOString())], now, horizon)).toEqual({
      ok: true,
    });
    const dayAfter = new Date(horizon.getTime() + 86_400_000).toISOString();
    expect(checkOpening("renewal", [award(dayAfter)], now, horizon)).toEqual({
      ok: false,
      code: "BADGE_ALREADY_HELD",
    });
  });
});

describe("who wrote a message, as an applicant reads it", () => {
  it("numbers reviewers in the order they first wrote, the Region speaks as one", () => {
    expect(
      authorAliases([
        { authorId: "b", authorRole: "reviewer" },
        { authorId: "cfa", authorRole: "applicant" },
        { authorId: "a", authorRole: "reviewer" },
        { authorId: "m1", authorRole: "manager" },
        { authorId: "b", authorRole: "reviewer" },
        { authorId: "m2", authorRole: "manager" },
        { authorId: "a", authorRole: "reviewer" },
      ]),
    ).toEqual([
      { role: "reviewer", number: 1 },
      { role: "applicant" },
      { role: "reviewer", number: 2 },
      { role: "manager" },
      { role: "reviewer", number: 1 },
      { role: "manager" },
      { role: "reviewer", number: 2 },
    ]);
  });

  it("a later message never renumbers the earlier ones", () => {
    const thread = [
      { authorId: "a", authorRole: "reviewer" },
      { authorId: "b", authorRole: "reviewer" },
    ];
    const before = authorAliases(thread);
    const after = authorAliases([...thread, { authorId: "c", authorRole: "reviewer" }]);
    expect(after.slice(0, 2)).toEqual(before);
    expect(after[2]).toEqual({ role: "reviewer", number: 3 });
  });
});

describe("monthsLater", () => {
  it("is the same instant some months on, across a year's end", () => {
    expect(monthsLater(new Date("2026-09-15T10:00:00Z"), 6)).toEqual(
      new Date("2027-03-15T10:00:00Z"),
    );
  });

  it("leaves the date it is given as it was", () => {
    const now = new Date("2026-01-31T00:00:00Z");
    monthsLater(now, 1);
    expect(now).toEqual(new Date("2026-01-31T00:00:00Z"));
  });
});

describe("the criteria an application answers", () => {
  const criteria = [
    { statement: "Un dispositif existe.", evidence: ["Le règlement"] },
    { statement: "Il est évalué.", evidence: [] },
  ];
  const cases = [
    [
      "a first award of a badge with a renewal question",
      "first",
      "Qu'avez-vous changé ?",
      ["0", "1"],
    ],
    ["a renewal with an extra question", "renewal", "Qu'avez-vous changé ?", ["0", "1", "renewal"]],
    ["a renewal of a badge without one", "renewal", null, ["0", "1"]],
    ["a first award of a badge without one", "first", null, ["0", "1"]],
  ] as const;
  it.each(cases)("%s answers %j", (_, kind, renewalExtra, keys) => {
    const answered = criteriaToAnswer({ criteria, renewalExtra }, kind);
    expect(answered.map((c) => c.key)).toEqual(keys);
    expect(answered[0]).toEqual({ key: "0", ...criteria[0] });
    if ((keys as readonly string[]).includes("renewal"))
      expect(answered.at(-1)).toEqual({ key: "renewal", statement: renewalExtra, evidence: [] });
  });
});
