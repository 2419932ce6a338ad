import { describe, expect, it } from "vitest";
import {
  type ApplicantOrg,
  applyReviewEvent,
  checkPanel,
  conflictOfInterest,
  type ReviewerProfile,
  reviewEvents,
  reviewStates,
} from "./review.rules";

const cfa: ApplicantOrg = { id: "cfa-caen", parentId: null, childIds: ["ufa-lisieux", "ufa-vire"] };
const ufa: ApplicantOrg = { id: "ufa-lisieux", parentId: "cfa-caen", childIds: [] };
const reviewer = (overrides: Partial<ReviewerProfile> = {}): ReviewerProfile => ({
  userId: "r1",
  organisationIds: ["cfa-rouen"],
  declaredTies: [],
  group: "pilot_cfa",
  ...overrides,
});

describe("conflict of interest", () => {
  it.each([
    ["no tie at all", reviewer(), cfa, null],
    [
      "staff of the applying CFA",
      reviewer({ organisationIds: ["cfa-caen"] }),
      cfa,
      "OWN_ORGANISATION",
    ],
    [
      "staff of one of its UFA",
      reviewer({ organisationIds: ["ufa-vire"] }),
      cfa,
      "SITE_OF_ORGANISATION",
    ],
    [
      "staff of the parent CFA of an applying UFA",
      reviewer({ organisationIds: ["cfa-caen"] }),
      ufa,
      "PARENT_ORGANISATION",
    ],
    [
      "staff of the applying UFA",
      reviewer({ organisationIds: ["ufa-lisieux"] }),
      ufa,
      "OWN_ORGANISATION",
    ],
    [
      "a sister UFA's staff reviewing a UFA",
      reviewer({ organisationIds: ["ufa-vire"] }),
      ufa,
      null,
    ],
    ["a declared tie with the CFA", reviewer({ declaredTies: ["cfa-caen"] }), cfa, "DECLARED_TIE"],
    [
      "a declared tie with the parent of an applying UFA",
      reviewer({ declaredTies: ["cfa-caen"] }),
      ufa,
      "DECLARED_TIE",
    ],
    ["a declared tie with a site", reviewer({ declaredTies: ["ufa-vire"] }), cfa, "DECLARED_TIE"],
    ["a tie elsewhere", reviewer({ declaredTies: ["cfa-le-havre"] }), cfa, null],
    [
      "a Region reviewer without organisation",
      reviewer({ organisationIds: [], group: "region" }),
      cfa,
      null,
    ],
  ] as const)("%s", (_label, who, applicant, expected) => {
    expect(conflictOfInterest(who, applicant)).toBe(expected);
  });
});

describe("panel", () => {
  const rule = {
    size: 2,
    mix: [
      { group: "pilot_cfa", min: 1 },
      { group: "region", min: 1 },
    ],
  };
  const pilot = reviewer({ userId: "pilot" });
  const region = reviewer({
    userId: "region",
    organisationIds: ["region-normandie"],
    group: "region",
  });

  it("one pilot CFA and one Region member, without ties: accepted", () => {
    expect(checkPanel([pilot, region], cfa, rule)).toEqual([]);
  });

  it("refuses a conflicted reviewer, saying who and why", () => {
    const conflicted = reviewer({ userId: "insider", organisationIds: ["ufa-lisieux"] });
    expect(checkPanel([conflicted, region], cfa, rule)).toEqual([
      { code: "REVIEWER_CONFLICT_OF_INTEREST", userId: "insider", reason: "SITE_OF_ORGANISATION" },
    ]);
  });

  it("enforces the configured mix and size", () => {
    expect(checkPanel([pilot, reviewer({ userId: "pilot2" })], cfa, rule)).toEqual([
      { code: "PANEL_MIX_NOT_MET", group: "region", missing: 1 },
    ]);
    expect(checkPanel([region], cfa, rule)).toEqual([
      { code: "PANEL_TOO_SMALL", missing: 1 },
      { code: "PANEL_MIX_NOT_MET", group: "pilot_cfa", missing: 1 },
    ]);
  });

  it("a reviewer counts once and a recused reviewer is refused", () => {
    expect(checkPanel([pilot, pilot], cfa, { size: 2, mix: [] })).toEqual([
      { code: "REVIEWER_DUPLICATE", userId: "pilot" },
      { code: "PANEL_TOO_SMALL", missing: 1 },
    ]);
    expect(checkPanel([pilot, region], cfa, rule, ["region"])).toEqual([
      { code: "REVIEWER_RECUSED", userId: "region" },
    ]);
  });

  it("a panel size is configurable: three reviewers without a mix", () => {
    expect(checkPanel([pilot, region], cfa, { size: 3, mix: [] })).toEqual([
      { code: "PANEL_TOO_SMALL", missing: 1 },
    ]);
  });
});

describe("a review's life", () => {
  /** Every (state, event) pair, with its outcome written out by hand. */
  const expected: Record<string, ReturnType<typeof applyReviewEvent>> = {
    "assigned submit": { ok: true, from: "assigned", to: "submitted" },
    "assigned recuse": { ok: true, from: "assigned", to: "recused" },
    "assigned reopen": { ok: false, code: "REVIEW_NOT_SUBMITTED" },
    "submitted submit": { ok: false, code: "REVIEW_ALREADY_SUBMITTED" },
    "submitted recuse": { ok: false, code: "REVIEW_ALREADY_SUBMITTED" },
    "submitted reopen": { ok: true, from: "submitted", to: "assigned" },
    "recused submit": { ok: false, code: "REVIEW_NOT_ASSIGNED" },
    "recused recuse": { ok: false, code: "REVIEW_NOT_ASSIGNED" },
    "recused reopen": { ok: false, code: "REVIEW_NOT_SUBMITTED" },
  };
  it.each(reviewStates.flatMap((state) => reviewEvents.map((event) => [state, event] as const)))(
    "%s + %s",
    (state, event) => {
      expect(applyReviewEvent(state, event)).toEqual(expected[`${state} ${event}`]);
    },
  );
});
