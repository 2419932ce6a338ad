import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CountingBadge,
  evaluatePartnerBadge,
  type Mapping,
  type Participation,
  type PartnerBadgeFacts,
  pushRefusal,
  type RegionalRule,
  refusalCodes,
  regionalBadgesEarned,
  regionalChanges,
} from "./competences.rules";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-11-24T12:00:00Z");

const mapping: Mapping = {
  registrationId: "r1",
  partnerOrgId: "atelier",
  badgeClassIri: "https://atelier.example/badges/organiser",
  family: "organiser",
  level: 1,
  equivalence: "one_for_one",
  approvedAt: at("2026-03-01T10:00:00Z"),
};
const participation: Participation = {
  partnerOrgId: "atelier",
  from: at("2026-01-01T00:00:00Z"),
  until: null,
};
const facts = (extra: Partial<PartnerBadgeFacts> = {}): PartnerBadgeFacts => ({
  assertionKey: "a1",
  verified: true,
  recipientMatches: true,
  revoked: false,
  expiresAt: null,
  issuedOn: at("2026-06-01T09:00:00Z"),
  partnerOrgId: "atelier",
  badgeClassIri: mapping.badgeClassIri,
  ...extra,
});
const evaluate = (f: PartnerBadgeFacts, m = [mapping], p = [participation]) =>
  evaluatePartnerBadge(f, m, p, NOW);

describe("does a partner badge count?", () => {
  it("counts when every check passes, with the mapping that applies", () => {
    expect(evaluate(facts())).toEqual({ counts: true, mapping });
  });

  it.each([
    ["NOT_VERIFIED", { verified: false }],
    ["RECIPIENT_MISMATCH", { recipientMatches: false }],
    ["REVOKED", { revoked: true }],
    ["EXPIRED", { expiresAt: NOW }],
    ["NO_ISSUE_DATE", { issuedOn: null }],
    ["ISSUER_UNKNOWN", { partnerOrgId: null }],
    ["ISSUER_NOT_PARTICIPANT", { issuedOn: at("2025-12-31T23:59:59Z") }],
    ["NOT_REGISTERED", { badgeClassIri: "https://atelier.example/badges/autre" }],
    ["ISSUED_BEFORE_APPROVAL", { issuedOn: at("2026-03-01T09:59:59Z") }],
  ] as const)("refuses with %s, in plain French", (code, change) => {
    const result = evaluate(facts(change));
    expect(result).toMatchObject({ counts: false, code });
    expect((result as { fr: string }).fr).toMatch(/^[A-ZÀ-Ü].+\.$/);
    expect((result as { en: string }).en).toMatch(/^[A-Z].+\.$/);
  });

  it("covers every refusal code", () => {
    expect(refusalCodes).toHaveLength(9);
  });

  it("boundaries: approved at the very instant of issue counts; expired at this instant does not", () => {
    expect(evaluate(facts({ issuedOn: mapping.approvedAt })).counts).toBe(true);
    expect(evaluate(facts({ expiresAt: at("2026-11-24T12:00:01Z") })).counts).toBe(true);
    expect(evaluate(facts({ expiresAt: NOW })).counts).toBe(false);
  });

  it("credentials date to the second: a badge issued in the second of the approval counts", () => {
    const approvedAt = at("2026-03-01T10:00:00.700Z");
    const sameSecond = facts({ issuedOn: at("2026-03-01T10:00:00Z") });
    expect(evaluate(sameSecond, [{ ...mapping, approvedAt }]).counts).toBe(true);
    expect(
      evaluate(facts({ issuedOn: at("2026-03-01T09:59:59Z") }), [{ ...mapping, approvedAt }]),
    ).toMatchObject({ code: "ISSUED_BEFORE_APPROVAL" });
  });

  it("a participation that ended excludes badges issued from then on, never those issued before", () => {
    const ended = [{ ...participation, until: at("2026-06-01T09:00:00Z") }];
    expect(evaluate(facts({ issuedOn: at("2026-06-01T08:59:59Z") }), [mapping], ended).counts).toBe(
      true,
    );
    expect(evaluate(facts(), [mapping], ended)).toMatchObject({ code: "ISSUER_NOT_PARTICIPANT" });
    // Another organisation's participation does not help.
    expect(
      evaluate(facts(), [mapping], [{ ...participation, partnerOrgId: "autre" }]),
    ).toMatchObject({ code: "ISSUER_NOT_PARTICIPANT" });
  });

  it("the same badge class registered by another partner is not this partner's registration", () => {
    expect(evaluate(facts(), [{ ...mapping, partnerOrgId: "autre" }])).toMatchObject({
      code: "NOT_REGISTERED",
    });
  });

  it("after a requalification, the mapping in force on the issue date applies", () => {
    const later = {
      ...mapping,
      registrationId: "r2",
      level: 2,
      approvedAt: at("2026-09-01T00:00:00Z"),
    };
    expect(evaluate(facts(), [mapping, later])).toMatchObject({
      mapping: { registrationId: "r1" },
    });
    expect(
      evaluate(facts({ issuedOn: at("2026-10-01T00:00:00Z") }), [mapping, later]),
    ).toMatchObject({ mapping: { registrationId: "r2" } });
  });
});

const families = ["organiser", "s-adapter", "communiquer", "s-integrer"];
const rules: RegionalRule[] = [
  ...families.flatMap((family) =>
    [1, 2].map((level) => ({
      badgeId: `${family}-${level}`,
      kind: "level" as const,
      family,
      level,
    })),
  ),
  { badgeId: "general", kind: "aggregate", level: 2, distinctFamilies: 3 },
];
const badge = (
  key: string,
  family: string,
  level: number,
  equivalence: CountingBadge["equivalence"] = "one_for_one",
  badgeClassIri = `class-${key}`,
  partnerOrgId = "atelier",
): CountingBadge => ({
  assertionKey: key,
  family,
  level,
  equivalence,
  badgeClassIri,
  partnerOrgId,
});
const earned = (badges: CountingBadge[]) => regionalBadgesEarned(badges, rules);

describe("may a partner's key push this badge?", () => {
  it("only a verified badge of its own organisation's issuer, issued to the address pushed", () => {
    const cases: [boolean, string[], boolean, ReturnType<typeof pushRefusal>][] = [
      [true, ["atelier"], true, null],
      [true, ["autre", "atelier"], true, null],
      [false, ["atelier"], true, "PARTNER_BADGE_NOT_VERIFIED"],
      [false, [], false, "PARTNER_BADGE_NOT_VERIFIED"],
      [true, [], true, "PARTNER_BADGE_ISSUER_NOT_YOURS"],
      [true, ["autre"], true, "PARTNER_BADGE_ISSUER_NOT_YOURS"],
      [true, ["autre"], false, "PARTNER_BADGE_ISSUER_NOT_YOURS"],
      [true, ["atelier"], false, "PARTNER_BADGE_RECIPIENT_MISMATCH"],
    ];
    for (const [verified, owners, recipientMatches, expected] of cases)
      expect(pushRefusal({ verified, recipientMatches }, owners, "atelier")).toBe(expected);
  });

  it("never lets a key push for an issuer that is not its organisation's", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.constantFrom("a", "b", "c")),
        fc.constantFrom("a", "b", "c"),
        (verified, recipientMatches, owners, key) => {
          const refusal = pushRefusal({ verified, recipientMatches }, owners, key);
          if (refusal === null)
            expect(verified && recipientMatches && owners.includes(key)).toBe(true);
        },
      ),
    );
  });
});

describe("which regional badges the partner badges give", () => {
  it("nothing from nothing", () => {
    expect(earned([]).size).toBe(0);
  });

  it("one '1 pour 1' badge gives its level; level II does not give level I", () => {
    expect([...earned([badge("a", "organiser", 2)])]).toEqual([["organiser-2", ["a"]]]);
  });

  it("'3 pour 1' needs three distinct badge classes", () => {
    const two = [
      badge("a", "communiquer", 1, "three_for_one"),
      badge("b", "communiquer", 1, "three_for_one"),
    ];
    expect(earned(two).size).toBe(0);
    // The same class earned again is still two classes.
    const sameClass = [...two, badge("c", "communiquer", 1, "three_for_one", "class-a")];
    expect(earned(sameClass).size).toBe(0);
    // The same class name from another partner is another class.
    const otherPartner = [
      ...two,
      badge("d", "communiquer", 1, "three_for_one", "class-a", "autre-partenaire"),
    ];
    expect(earned(otherPartner).get("communiquer-1")).toEqual(["a", "b", "d"]);
  });

  it("the same assertion received twice (two channels) counts once", () => {
    const twice = [
      badge("a", "s-adapter", 1, "three_for_one"),
      badge("a", "s-adapter", 1, "three_for_one"),
      badge("b", "s-adapter", 1, "three_for_one"),
    ];
    expect(earned(twice).size).toBe(0);
  });

  it("mixing: one '1 pour 1' is enough even beside '3 pour 1' badges", () => {
    const result = earned([
      badge("x", "s-integrer", 2, "three_for_one"),
      badge("w", "s-integrer", 2, "one_for_one"),
    ]);
    expect(result.get("s-integrer-2")).toEqual(["w"]);
  });

  it("the general badge: level II in three distinct families, two levels of one never count twice", () => {
    const twoFamilies = [
      badge("a", "organiser", 2),
      badge("b", "organiser", 1),
      badge("c", "communiquer", 2),
    ];
    expect(earned(twoFamilies).has("general")).toBe(false);
    const threeAtLevelOne = [
      badge("a", "organiser", 1),
      badge("b", "s-adapter", 1),
      badge("c", "communiquer", 1),
    ];
    expect(earned(threeAtLevelOne).has("general")).toBe(false);
    const three = [...twoFamilies, badge("d", "s-adapter", 2)];
    expect(earned(three).get("general")).toEqual(["a", "c", "d"]);
  });

  it("managers' data decides: a fifth family and a stricter aggregate need no code", () => {
    const extended: RegionalRule[] = [
      ...rules.filter((r) => r.kind === "level"),
      { badgeId: "numerique-2", kind: "level", family: "numerique", level: 2 },
      { badgeId: "general", kind: "aggregate", level: 2, distinctFamilies: 4 },
    ];
    const four = [
      badge("a", "organiser", 2),
      badge("b", "s-adapter", 2),
      badge("c", "communiquer", 2),
    ];
    expect(regionalBadgesEarned(four, extended).has("general")).toBe(false);
    expect(
      regionalBadgesEarned([...four, badge("d", "numerique", 2)], extended).has("general"),
    ).toBe(true);
  });
});

describe("what changes after a new badge or a revocation", () => {
  it("issues the new, suspends what no longer holds, restores what holds again, never issues twice", () => {
    expect(
      regionalChanges(
        new Map([
          ["organiser-1", "active"],
          ["communiquer-1", "suspended"],
          ["s-adapter-1", "active"],
        ]),
        new Set(["organiser-1", "communiquer-1", "general"]),
      ),
    ).toEqual({ issue: ["general"], suspend: ["s-adapter-1"], restore: ["communiquer-1"] });
    expect(regionalChanges(new Map(), new Set())).toEqual({ issue: [], suspend: [], restore: [] });
  });
});

const arbBadge = fc.record({
  assertionKey: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"),
  partnerOrgId: fc.constantFrom("p1", "p2"),
  badgeClassIri: fc.constantFrom("c1", "c2", "c3", "c4"),
  family: fc.constantFrom(...families),
  level: fc.constantFrom(1, 2),
  equivalence: fc.constantFrom("one_for_one" as const, "three_for_one" as const),
});
/** Badges as the platform stores them: one assertion, one content. */
const arbBadges = fc.uniqueArray(arbBadge, { selector: (b) => b.assertionKey, maxLength: 8 });
const asObject = (e: Map<string, string[]>) => Object.fromEntries([...e].sort());

describe("properties of the aggregation", () => {
  it("the order of arrival never changes the outcome", () => {
    fc.assert(
      fc.property(arbBadges, fc.func(fc.integer()), (badges, order) => {
        const shuffled = [...badges].sort((x, y) => order(x.assertionKey) - order(y.assertionKey));
        expect(asObject(earned(shuffled))).toEqual(asObject(earned(badges)));
      }),
    );
  });

  it("adding a badge never removes a regional badge", () => {
    fc.assert(
      fc.property(arbBadges, arbBadge, (badges, extra) => {
        const before = earned(badges.filter((b) => b.assertionKey !== extra.assertionKey));
        const after = earned([
          ...badges.filter((b) => b.assertionKey !== extra.assertionKey),
          extra,
        ]);
        for (const id of before.keys()) expect(after.has(id), id).toBe(true);
      }),
    );
  });

  it("each badge counts once: duplicates change nothing", () => {
    fc.assert(
      fc.property(arbBadges, (badges) => {
        expect(asObject(earned([...badges, ...badges, ...badges.slice(0, 2)]))).toEqual(
          asObject(earned(badges)),
        );
      }),
    );
  });

  it("every piece of evidence is a badge the earner holds, mapped to that competence and level", () => {
    fc.assert(
      fc.property(arbBadges, (badges) => {
        const result = earned(badges);
        for (const rule of rules.filter((r) => r.kind === "level")) {
          for (const key of result.get(rule.badgeId) ?? []) {
            const b = badges.find((x) => x.assertionKey === key)!;
            expect([b.family, b.level]).toEqual([rule.family, rule.level]);
          }
        }
      }),
    );
  });

  it("removing a badge suspends exactly the regional badges that no longer hold", () => {
    fc.assert(
      fc.property(arbBadges, fc.nat(), (badges, pick) => {
        fc.pre(badges.length > 0);
        const gone = badges[pick % badges.length]!;
        const held = new Map([...earned(badges).keys()].map((id) => [id, "active" as const]));
        const remaining = earned(badges.filter((b) => b !== gone));
        const { suspend, issue } = regionalChanges(held, new Set(remaining.keys()));
        expect(issue).toEqual([]);
        expect(suspend).toEqual([...held.keys()].filter((id) => !remaining.has(id)).sort());
      }),
    );
  });
});
