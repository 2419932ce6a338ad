import { describe, expect, it } from "vitest";
import { labelEligibility } from "../label/label.rules";
import { collection2026 } from "./collection-2026";

describe("the 2026 collection", () => {
  const { badges } = collection2026;

  it("has 19 badges, the 5 required ones and 14 optional, each valid 4 years", () => {
    expect(badges).toHaveLength(19);
    expect(badges.filter((b) => b.required).map((b) => b.name)).toEqual([
      "Veille",
      "Compétences numériques",
      "Plan de formation",
      "Multimodalité",
      "Relation tripartite",
    ]);
    expect(new Set(badges.map((b) => b.validityMonths))).toEqual(new Set([48]));
  });

  it("every badge says what it recognises and which evidence each criterion expects", () => {
    for (const badge of badges) {
      expect(badge.recognises.length, badge.slug).toBeGreaterThan(40);
      expect(badge.criteria.length, badge.slug).toBeGreaterThanOrEqual(2);
      for (const criterion of badge.criteria)
        expect(criterion.evidence.length, badge.slug).toBeGreaterThan(0);
    }
  });

  it("slugs are unique and URL-safe", () => {
    expect(new Set(badges.map((b) => b.slug)).size).toBe(badges.length);
    for (const b of badges) expect(b.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it("Ressources asks for a higher level on renewal", () => {
    expect(badges.find((b) => b.slug === "ressources")?.renewalExtra).toMatch(/niveau 2/);
  });

  it("feeds the label rule: 10 including the 5 required ones", () => {
    const rule = {
      collectionId: "2026",
      badges: badges.map((b) => ({ id: b.slug, required: b.required })),
      total: collection2026.label.total,
    };
    const at = new Date("2026-11-22T00:00:00Z");
    const award = (slug: string) => ({
      awardId: slug,
      badgeId: slug,
      validFrom: new Date("2026-01-01"),
      validUntil: new Date("2030-01-01"),
      revokedAt: null,
    });
    const requiredOnes = badges.filter((b) => b.required).map((b) => b.slug);
    const optional = badges.filter((b) => !b.required).map((b) => b.slug);
    expect(
      labelEligibility(rule, [...requiredOnes, ...optional.slice(0, 5)].map(award), [], at)
        .eligible,
    ).toBe(true);
    expect(labelEligibility(rule, optional.slice(0, 10).map(award), [], at)).toMatchObject({
      eligible: false,
      missingRequired: requiredOnes,
    });
  });
});
