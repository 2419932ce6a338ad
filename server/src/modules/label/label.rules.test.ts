import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Equivalence,
  type HeldAward,
  type LabelRule,
  labelAtRiskFrom,
  labelDecision,
  labelEligibility,
  resolveBadge,
} from "./label.rules";

const required = [
  "veille",
  "competences-numeriques",
  "plan-de-formation",
  "multimodalite",
  "relation-tripartite",
];
const optional = [
  "mission-accompagnement",
  "espaces-innovants",
  "partage-expertise",
  "ressources",
  "projet-professionnel",
  "cadre-de-vie",
  "attractivite",
  "egalite-numerique",
  "implication-apprentis",
  "cooperation",
  "developpement-durable",
  "innovation-pedagogique",
  "implication-employeurs",
  "ia-responsable",
];
const rule2026: LabelRule = {
  collectionId: "2026",
  badges: [
    ...required.map((id) => ({ id, required: true })),
    ...optional.map((id) => ({ id, required: false })),
  ],
  total: 10,
};
const now = new Date("2026-11-22T12:00:00Z");
const years = (n: number) => new Date(now.getTime() + n * 365 * 86_400_000);
let seq = 0;
const award = (badgeId: string, overrides: Partial<HeldAward> = {}): HeldAward => ({
  awardId: `a${++seq}`,
  badgeId,
  validFrom: years(-1),
  validUntil: years(3),
  revokedAt: null,
  ...overrides,
});

describe("label eligibility", () => {
  it("10 badges including the 5 required ones: eligible", () => {
    const result = labelEligibility(
      rule2026,
      [...required, ...optional.slice(0, 5)].map((b) => award(b)),
      [],
      now,
    );
    expect(result).toMatchObject({ eligible: true, count: 10, missingRequired: [], shortfall: 0 });
  });

  it("10 badges but a required one missing: not eligible, and says which", () => {
    const result = labelEligibility(
      rule2026,
      [...required.slice(1), ...optional.slice(0, 6)].map((b) => award(b)),
      [],
      now,
    );
    expect(result).toMatchObject({
      eligible: false,
      count: 10,
      missingRequired: ["veille"],
      shortfall: 1,
    });
  });

  it("the 5 required ones and 4 others: one short", () => {
    const result = labelEligibility(
      rule2026,
      [...required, ...optional.slice(0, 4)].map((b) => award(b)),
      [],
      now,
    );
    expect(result).toMatchObject({ eligible: false, count: 9, shortfall: 1 });
  });

  it("the same badge held twice counts once", () => {
    const awards = [...required, ...optional.slice(0, 4), optional[0]!].map((b) => award(b));
    expect(labelEligibility(rule2026, awards, [], now)).toMatchObject({
      eligible: false,
      count: 9,
    });
  });

  it.each([
    ["expired", { validUntil: new Date(now.getTime() - 1) }],
    ["revoked", { revokedAt: new Date(now.getTime() - 86_400_000) }],
    ["suspended", { suspended: true }],
    ["not yet valid", { validFrom: years(1) }],
  ])("an %s award does not count", (_label, overrides) => {
    const awards = [
      ...required.map((b) => award(b)),
      ...optional.slice(0, 4).map((b) => award(b)),
      award(optional[4]!, overrides),
    ];
    expect(labelEligibility(rule2026, awards, [], now)).toMatchObject({
      eligible: false,
      count: 9,
    });
  });

  it("a revocation dated in the future has not happened yet", () => {
    const awards = [...required, ...optional.slice(0, 5)].map((b) =>
      award(b, b === "veille" ? { revokedAt: years(1) } : {}),
    );
    expect(labelEligibility(rule2026, awards, [], now).eligible).toBe(true);
  });

  it("a still-valid badge of an older collection counts through an equivalence, even chained", () => {
    const equivalences: Equivalence[] = [
      { fromBadgeId: "2018-veille-techno", toBadgeId: "2022-veille" },
      { fromBadgeId: "2022-veille", toBadgeId: "veille" },
    ];
    const awards = [
      award("2018-veille-techno"),
      ...required.slice(1).map((b) => award(b)),
      ...optional.slice(0, 5).map((b) => award(b)),
    ];
    expect(labelEligibility(rule2026, awards, equivalences, now)).toMatchObject({
      eligible: true,
      missingRequired: [],
    });
    expect(labelEligibility(rule2026, awards, [], now)).toMatchObject({
      eligible: false,
      missingRequired: ["veille"],
    });
  });

  it("an older badge without an equivalence does not count, and a cycle of equivalences ends", () => {
    const cyclic: Equivalence[] = [
      { fromBadgeId: "x", toBadgeId: "y" },
      { fromBadgeId: "y", toBadgeId: "x" },
    ];
    expect(resolveBadge("x", rule2026, cyclic)).toBeNull();
    expect(resolveBadge("2018-unknown", rule2026, [])).toBeNull();
  });

  it("a rule is data: a collection asking for 3 badges of which 1 required", () => {
    const small: LabelRule = {
      collectionId: "mini",
      badges: [
        { id: "a", required: true },
        { id: "b", required: false },
        { id: "c", required: false },
      ],
      total: 3,
    };
    expect(
      labelEligibility(
        small,
        ["a", "b", "c"].map((b) => award(b)),
        [],
        now,
      ).eligible,
    ).toBe(true);
    expect(
      labelEligibility(
        small,
        ["b", "c"].map((b) => award(b)),
        [],
        now,
      ),
    ).toMatchObject({ eligible: false, missingRequired: ["a"] });
  });

  it("properties: adding a valid award never makes a CFA lose eligibility; order never matters", () => {
    const badgeIds = rule2026.badges.map((b) => b.id);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...badgeIds), { maxLength: 25 }),
        fc.constantFrom(...badgeIds),
        (held, extra) => {
          const awards = held.map((b) => award(b));
          const before = labelEligibility(rule2026, awards, [], now);
          const after = labelEligibility(rule2026, [...awards, award(extra)], [], now);
          if (before.eligible) expect(after.eligible).toBe(true);
          expect(after.count).toBeGreaterThanOrEqual(before.count);
          expect(labelEligibility(rule2026, [...awards].reverse(), [], now).eligible).toBe(
            before.eligible,
          );
          expect(before.eligible).toBe(
            new Set(held).size >= 10 && required.every((r) => held.includes(r)),
          );
        },
      ),
    );
  });
});

describe("the label lives with its parts", () => {
  const full = () => [...required, ...optional.slice(0, 5)].map((b) => award(b));
  const eligibleNow = (awards: HeldAward[]) => labelEligibility(rule2026, awards, [], now);

  it("suspends an active label when a required badge is revoked, and says what to renew", () => {
    const awards = full().map((a) =>
      a.badgeId === "multimodalite" ? { ...a, revokedAt: now } : a,
    );
    expect(labelDecision("active", eligibleNow(awards))).toEqual({
      action: "suspend",
      missingRequired: ["multimodalite"],
      shortfall: 1,
    });
  });

  it("keeps the label when another held badge takes the place of the lost one", () => {
    const awards = [...full(), award(optional[6]!)].map((a) =>
      a.badgeId === optional[0] ? { ...a, revokedAt: now } : a,
    );
    expect(labelDecision("active", eligibleNow(awards))).toEqual({ action: "none" });
  });

  it("restores a suspended label when the rule holds again", () => {
    expect(labelDecision("suspended", eligibleNow(full()))).toEqual({ action: "restore" });
    expect(labelDecision("suspended", eligibleNow(full().slice(1)))).toEqual({ action: "none" });
  });

  it("never revives an expired or revoked label, nor creates one", () => {
    for (const state of ["none", "expired", "revoked"] as const)
      expect(labelDecision(state, eligibleNow(full()))).toEqual({ action: "none" });
  });

  it("tells from when the collection would fall short if nothing is renewed", () => {
    const awards = full().map((a) => (a.badgeId === "veille" ? { ...a, validUntil: years(1) } : a));
    expect(labelAtRiskFrom(rule2026, awards, [], now)).toEqual(years(1));
    expect(labelAtRiskFrom(rule2026, full().slice(1), [], now)).toBeNull();
  });
});
