import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApplicantOrg } from "../review/review.rules";
import {
  type AdviserProfile,
  adviserConflict,
  adviserProblems,
  nextSupportState,
  routeRequest,
  type SupportEvent,
  type SupportSide,
  sideMay,
  supportEvents,
  supportSides,
  supportStates,
} from "./support.rules";

// CFA Caen has two sites (UFA Lisieux, UFA Vire); CFA Rouen has none.
const caen: ApplicantOrg = {
  id: "cfa-caen",
  parentId: null,
  childIds: ["ufa-lisieux", "ufa-vire"],
};
const lisieux: ApplicantOrg = { id: "ufa-lisieux", parentId: "cfa-caen", childIds: [] };
const adviser = (overrides: Partial<AdviserProfile> = {}): AdviserProfile => ({
  organisationId: "cfa-rouen",
  parentId: null,
  badges: ["accueil"],
  themes: ["handicap"],
  capacity: 2,
  openCount: 0,
  active: true,
  ...overrides,
});

describe("an adviser's conflict of interest", () => {
  it.each([
    ["an unrelated CFA", adviser(), caen, null],
    ["the asking CFA itself", adviser({ organisationId: "cfa-caen" }), caen, "OWN_ORGANISATION"],
    [
      "a site of the asking CFA",
      adviser({ organisationId: "ufa-vire", parentId: "cfa-caen" }),
      caen,
      "OWN_ORGANISATION",
    ],
    [
      "the parent CFA of an asking site",
      adviser({ organisationId: "cfa-caen" }),
      lisieux,
      "PARENT_ORGANISATION",
    ],
    [
      "a sibling site of the asking site",
      adviser({ organisationId: "ufa-vire", parentId: "cfa-caen" }),
      lisieux,
      "PARENT_ORGANISATION",
    ],
    [
      "the asking site itself",
      adviser({ organisationId: "ufa-lisieux", parentId: "cfa-caen" }),
      lisieux,
      "OWN_ORGANISATION",
    ],
    [
      "a site of another CFA",
      adviser({ organisationId: "ufa-dieppe", parentId: "cfa-rouen" }),
      lisieux,
      null,
    ],
  ] as const)("%s", (_label, a, asker, expected) => {
    expect(adviserConflict(a, asker)).toBe(expected);
  });
});

describe("who may take a request", () => {
  const topic = { badges: ["accueil"], themes: [] };
  it("an active, unconflicted adviser with room who covers the topic", () => {
    expect(adviserProblems(adviser(), caen, topic)).toEqual([]);
  });
  it("not at capacity, not inactive, not off-topic", () => {
    expect(adviserProblems(adviser({ openCount: 2 }), caen, topic)).toEqual(["AT_CAPACITY"]);
    expect(adviserProblems(adviser({ active: false }), caen, topic)).toEqual(["INACTIVE"]);
    expect(adviserProblems(adviser({ badges: ["tutorat"], themes: [] }), caen, topic)).toEqual([
      "NO_MATCH",
    ]);
  });
  it("a request with no topic matches any adviser; a manager may ignore the topic, never a conflict", () => {
    const off = adviser({ badges: [], themes: [] });
    expect(adviserProblems(off, caen, { badges: [], themes: [] })).toEqual([]);
    expect(adviserProblems(off, caen, topic, { ignoreMatch: true })).toEqual([]);
    expect(
      adviserProblems(adviser({ organisationId: "cfa-caen" }), caen, topic, { ignoreMatch: true }),
    ).toEqual(["OWN_ORGANISATION"]);
  });
});

describe("routing", () => {
  it("prefers the best match, then the most room, then the lowest id", () => {
    const a = adviser({ organisationId: "a", badges: ["accueil"], themes: [] });
    const b = adviser({ organisationId: "b", badges: ["accueil"], themes: ["handicap"] });
    const c = adviser({ organisationId: "c", badges: ["accueil"], themes: [], openCount: 1 });
    const topic = { badges: ["accueil"], themes: ["handicap"] };
    expect(routeRequest([a, b, c], caen, topic)?.organisationId).toBe("b");
    expect(routeRequest([c, a], caen, topic)?.organisationId).toBe("a");
    expect(
      routeRequest(
        [adviser({ organisationId: "z" }), adviser({ organisationId: "y" })],
        caen,
        topic,
      )?.organisationId,
    ).toBe("y");
  });
  it("waits for a manager when nobody is available", () => {
    const own = adviser({ organisationId: "cfa-caen" });
    const full = adviser({ organisationId: "cfa-rouen", openCount: 2 });
    expect(routeRequest([own, full], caen, { badges: [], themes: [] })).toBeNull();
  });

  const org = fc.constantFrom("cfa-caen", "ufa-lisieux", "ufa-vire", "cfa-rouen", "ufa-dieppe");
  const parentOf: Record<string, string | null> = {
    "cfa-caen": null,
    "ufa-lisieux": "cfa-caen",
    "ufa-vire": "cfa-caen",
    "cfa-rouen": null,
    "ufa-dieppe": "cfa-rouen",
  };
  const childrenOf = (id: string) => Object.keys(parentOf).filter((k) => parentOf[k] === id);
  const slug = fc.constantFrom("accueil", "tutorat", "handicap", "mobilite");
  const anAdviser = fc.record({
    organisationId: org,
    badges: fc.uniqueArray(slug, { maxLength: 3 }),
    themes: fc.uniqueArray(slug, { maxLength: 3 }),
    capacity: fc.integer({ min: 0, max: 3 }),
    openCount: fc.integer({ min: 0, max: 4 }),
    active: fc.boolean(),
  });
  it("never routes to a conflicted, full, inactive or off-topic adviser; routes whenever one is free", () => {
    fc.assert(
      fc.property(
        fc.array(anAdviser, { maxLength: 6 }),
        org,
        fc.uniqueArray(slug, { maxLength: 2 }),
        (raw, askerId, badges) => {
          const advisers = raw.map((a) => ({ ...a, parentId: parentOf[a.organisationId]! }));
          const asker = {
            id: askerId,
            parentId: parentOf[askerId]!,
            childIds: childrenOf(askerId),
          };
          const topic = { badges, themes: [] };
          const chosen = routeRequest(advisers, asker, topic);
          const free = advisers.filter((a) => adviserProblems(a, asker, topic).length === 0);
          if (!chosen) {
            expect(free).toEqual([]);
            return;
          }
          expect(adviserConflict(chosen, asker)).toBeNull();
          expect(chosen.openCount).toBeLessThan(chosen.capacity);
          expect(chosen.active).toBe(true);
          const sameGroup = [asker.id, asker.parentId, ...asker.childIds];
          expect(sameGroup).not.toContain(chosen.organisationId);
          if (chosen.parentId) expect(sameGroup).not.toContain(chosen.parentId);
        },
      ),
    );
  });
});

describe("a request's life, every state by every event by every side", () => {
  const allowed: Record<string, string> = {
    "waiting assign manager": "open",
    "open assign manager": "open",
    "meeting_proposed assign manager": "open",
    "meeting_countered assign manager": "open",
    "meeting_agreed assign manager": "open",
    ...Object.fromEntries(
      ["open", "meeting_proposed", "meeting_countered", "meeting_agreed"].flatMap((s) => [
        [`${s} message asker`, s],
        [`${s} message adviser`, s],
        [`${s} propose_meeting adviser`, "meeting_proposed"],
      ]),
    ),
    "meeting_proposed accept_meeting asker": "meeting_agreed",
    "meeting_countered accept_meeting adviser": "meeting_agreed",
    "meeting_proposed counter_meeting asker": "meeting_countered",
    ...Object.fromEntries(
      supportStates.filter((s) => s !== "closed").map((s) => [`${s} close asker`, "closed"]),
    ),
  };
  const table = supportStates.flatMap((state) =>
    supportEvents.flatMap((event: SupportEvent) =>
      supportSides.map((side: SupportSide) => [state, event, side] as const),
    ),
  );
  it.each(table)("%s + %s by %s", (state, event, side) => {
    expect(nextSupportState(state, event, side)).toBe(allowed[`${state} ${event} ${side}`] ?? null);
  });
  it("says which side may ever do what", () => {
    expect(sideMay("propose_meeting", "adviser")).toBe(true);
    expect(sideMay("propose_meeting", "asker")).toBe(false);
    expect(sideMay("accept_meeting", "adviser")).toBe(true);
    expect(sideMay("close", "adviser")).toBe(false);
    expect(sideMay("message", "manager")).toBe(false);
    expect(sideMay("assign", "manager")).toBe(true);
  });
  it("a closed request never moves again", () => {
    for (const event of supportEvents)
      for (const side of supportSides) expect(nextSupportState("closed", event, side)).toBeNull();
  });
});
