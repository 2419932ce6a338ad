import { describe, expect, it } from "vitest";
import {
  type DraftBadge,
  draftProblems,
  type EquivalenceBadge,
  equivalenceRefusal,
} from "./catalogue.admin.rules";

const badge = (i: number, extra: Partial<DraftBadge> = {}): DraftBadge => ({
  id: `b${i}`,
  slug: `badge-${i}`,
  name: `Badge ${i}`,
  required: i < 5,
  validityMonths: 48,
  criteria: [{ statement: "Un critère.", evidence: ["Une preuve"] }],
  ...extra,
});
const draft = (extra: Partial<Parameters<typeof draftProblems>[0]> = {}) => ({
  version: "2030",
  labelTotal: 10,
  labelValidityMonths: 48,
  badges: Array.from({ length: 19 }, (_, i) => badge(i)),
  takenVersions: ["2018", "2022", "2026"],
  ...extra,
});
const fields = (d: Parameters<typeof draftProblems>[0]) => draftProblems(d).map((p) => p.field);

describe("publishing a draft collection", () => {
  it("accepts a complete draft", () => {
    expect(draftProblems(draft())).toEqual([]);
  });

  it.each([
    ["a taken version", { version: "2026" }, "version"],
    ["a version with spaces", { version: "2030 bis" }, "version"],
    ["no badge", { badges: [], labelTotal: 1 }, "badges"],
    ["a label asking for more badges than exist", { labelTotal: 20 }, "labelTotal"],
    ["a label asking for none", { labelTotal: 0 }, "labelTotal"],
    ["more required badges than the label asks for", { labelTotal: 3 }, "labelTotal"],
    ["a label valid 0 months", { labelValidityMonths: 0 }, "labelValidityMonths"],
    ["a label valid 121 months", { labelValidityMonths: 121 }, "labelValidityMonths"],
  ] as const)("refuses %s", (_, change, field) => {
    expect(fields(draft(change as never))).toContain(field);
  });

  it("names each badge that is incomplete, and every problem at once", () => {
    const problems = draftProblems(
      draft({
        badges: [
          ...Array.from({ length: 17 }, (_, i) => badge(i)),
          badge(17, { criteria: [] }),
          badge(18, {
            validityMonths: 0,
            criteria: [{ statement: " ", evidence: [" "] }],
          }),
        ],
      }),
    );
    expect(problems.map((p) => p.field)).toEqual([
      "badge:b17",
      "badge:b18",
      "badge:b18",
      "badge:b18",
    ]);
    expect(problems.map((p) => p.fr)).toEqual([
      "« Badge 17 » n'a aucun critère.",
      "« Badge 18 » : la validité doit être comprise entre 1 et 120 mois.",
      "« Badge 18 » : le critère 1 est vide.",
      "« Badge 18 » : le critère 1 n'indique aucune preuve attendue.",
    ]);
  });

  it("refuses two badges with the same identifier", () => {
    const problems = draftProblems(draft({ badges: [...draft().badges, badge(3)] }));
    expect(problems.some((p) => p.fr.includes("« badge-3 » est utilisé par 2 badges"))).toBe(true);
  });
});

describe("programme 2's rules, as data", () => {
  const level = (i: number, family: string, n: number) =>
    badge(i, { required: false, rule: { kind: "level", family, level: n } });
  const families = ["organiser", "s-adapter", "communiquer", "s-integrer"];
  const competences = (extra: DraftBadge[] = []) =>
    draft({
      labelTotal: 1,
      badges: [
        ...families.flatMap((f, i) => [level(i * 2, f, 1), level(i * 2 + 1, f, 2)]),
        ...extra,
      ],
    });

  it("accepts a new family at both levels, and an aggregate the levels can satisfy", () => {
    const general = badge(20, {
      required: false,
      rule: { kind: "aggregate", level: 2, distinctFamilies: 4 },
    });
    expect(
      draftProblems(competences([level(8, "numerique", 1), level(9, "numerique", 2), general])),
    ).toEqual([]);
  });

  it("refuses two badges aiming at the same competence and level", () => {
    const problems = draftProblems(competences([level(8, "organiser", 1)]));
    expect(problems).toEqual([
      expect.objectContaining({
        field: "badge:b8",
        fr: "« Badge 8 » et « Badge 0 » visent tous deux la compétence organiser au niveau 1.",
      }),
    ]);
  });

  it("refuses an aggregate asking for more competences than the level offers", () => {
    const general = badge(20, {
      required: false,
      rule: { kind: "aggregate", level: 2, distinctFamilies: 5 },
    });
    expect(draftProblems(competences([general])).map((p) => p.fr)).toEqual([
      "« Badge 20 » demande 5 compétences différentes au niveau 2, mais la collection n'en propose que 4.",
    ]);
  });
});

describe("equivalences between badges", () => {
  const at = (year: number) => new Date(`${year}-01-01T00:00:00Z`);
  const b = (id: string, year: number | null, extra: Partial<EquivalenceBadge> = {}) => ({
    id,
    programmeId: "label",
    kind: "badge",
    publishedAt: year === null ? null : at(year),
    ...extra,
  });

  it("an older badge may count as a newer one", () => {
    expect(equivalenceRefusal(b("old", 2018), b("new", 2022), [])).toBeNull();
  });

  it.each([
    ["the same badge", b("x", 2018), b("x", 2018), "EQUIVALENCE_SAME_BADGE"],
    [
      "another programme",
      b("a", 2018),
      b("c", 2022, { programmeId: "other" }),
      "EQUIVALENCE_OTHER_PROGRAMME",
    ],
    ["the label itself", b("a", 2018), b("l", 2022, { kind: "label" }), "EQUIVALENCE_NOT_A_BADGE"],
    ["towards an older collection", b("a", 2022), b("o", 2018), "EQUIVALENCE_NOT_NEWER"],
    ["within one collection", b("a", 2022), b("o", 2022), "EQUIVALENCE_NOT_NEWER"],
    ["towards a draft", b("a", 2022), b("d", null), "EQUIVALENCE_NOT_NEWER"],
  ] as const)("refuses %s", (_, from, to, code) => {
    expect(equivalenceRefusal(from, to, [])).toBe(code);
  });

  it("one successor per badge", () => {
    expect(
      equivalenceRefusal(b("a", 2018), b("c", 2026), [{ fromBadgeId: "a", toBadgeId: "b" }]),
    ).toBe("EQUIVALENCE_ALREADY_MAPPED");
  });

  it("never a loop, even if dates were wrong in the data", () => {
    expect(
      equivalenceRefusal(b("a", 2018), b("b", 2022), [
        { fromBadgeId: "b", toBadgeId: "c" },
        { fromBadgeId: "c", toBadgeId: "a" },
      ]),
    ).toBe("EQUIVALENCE_CYCLE");
  });
});
