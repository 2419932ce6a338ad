import { describe, expect, it } from "vitest";
import { labelEligibility } from "../label/label.rules";
import { collection2026 } from "./collection-2026";
import { collection2018, collection2022, equivalences2026 } from "./collection-history";

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

describe("the past collections", () => {
  it("2018: 12 badges valid one to three years; 2022: 22 badges; 5 required in each", () => {
    expect(collection2018.badges).toHaveLength(12);
    expect(collection2022.badges).toHaveLength(22);
    for (const collection of [collection2018, collection2022]) {
      expect(collection.badges.filter((b) => b.required)).toHaveLength(5);
      expect(collection.label.total).toBe(10);
      expect(new Set(collection.badges.map((b) => b.slug)).size).toBe(collection.badges.length);
      for (const b of collection.badges) {
        expect(b.criteria.length, b.slug).toBeGreaterThan(0);
        expect(
          b.criteria.every((c) => c.evidence.length > 0),
          b.slug,
        ).toBe(true);
      }
    }
    for (const b of collection2018.badges) expect([12, 24, 36]).toContain(b.validityMonths);
  });

  it("every equivalence joins existing badges, and no badge has two successors", () => {
    const slugs = (c: typeof collection2018) => new Set(c.badges.map((b) => b.slug));
    for (const e of collection2022.equivalences) {
      expect(slugs(collection2018).has(e.fromSlug), e.fromSlug).toBe(true);
      expect(slugs(collection2022).has(e.toSlug), e.toSlug).toBe(true);
    }
    for (const e of equivalences2026) {
      expect(slugs(collection2022).has(e.fromSlug), e.fromSlug).toBe(true);
      expect(slugs(collection2026).has(e.toSlug), e.toSlug).toBe(true);
    }
    const from2018 = collection2022.equivalences.map((e) => e.fromSlug);
    const from2022 = equivalences2026.map((e) => e.fromSlug);
    expect(new Set(from2018).size).toBe(from2018.length);
    expect(new Set(from2022).size).toBe(from2022.length);
    // The five required badges of 2026 each have a 2022 predecessor.
    for (const required of collection2026.badges.filter((b) => b.required))
      expect(
        equivalences2026.some((e) => e.toSlug === required.slug),
        required.slug,
      ).toBe(true);
  });
});
