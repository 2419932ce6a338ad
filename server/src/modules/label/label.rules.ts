/**
 * The label ("badge ultime"): a CFA that holds at least `total` valid badges
 * of the collection in force, including every required one, may hold the
 * label. Older collections count through manager-defined equivalences. The
 * rule is data (per collection), never code.
 */
export type LabelRule = {
  collectionId: string;
  /** Badges of the collection in force; `required` ones are all needed. */
  badges: readonly { id: string; required: boolean }[];
  total: number;
};

/** An older badge class whose still-valid awards count as its successor. */
export type Equivalence = { fromBadgeId: string; toBadgeId: string };

export type HeldAward = {
  awardId: string;
  badgeId: string;
  validFrom: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
  suspended?: boolean;
};

export type Eligibility = {
  eligible: boolean;
  /** Distinct badges of the collection covered by a valid award. */
  count: number;
  total: number;
  missingRequired: string[];
  /** For each covered badge, the award that covers it (the one valid longest). */
  counted: { badgeId: string; awardId: string; validUntil: Date | null }[];
  /** How many more badges are needed, required ones included. */
  shortfall: number;
};

export function isValidAt(
  award: Pick<HeldAward, "validFrom" | "validUntil" | "revokedAt" | "suspended">,
  at: Date,
) {
  if (award.revokedAt && award.revokedAt.getTime() <= at.getTime()) return false;
  if (award.suspended) return false;
  if (award.validFrom.getTime() > at.getTime()) return false;
  return award.validUntil === null || award.validUntil.getTime() > at.getTime();
}

/** Follows equivalences (possibly chained across versions) to a badge of the collection. */
export function resolveBadge(
  badgeId: string,
  rule: LabelRule,
  equivalences: readonly Equivalence[],
): string | null {
  const inCollection = new Set(rule.badges.map((b) => b.id));
  const seen = new Set<string>();
  let current: string | undefined = badgeId;
  while (current && !seen.has(current)) {
    if (inCollection.has(current)) return current;
    seen.add(current);
    current = equivalences.find((e) => e.fromBadgeId === current)?.toBadgeId;
  }
  return null;
}

export function labelEligibility(
  rule: LabelRule,
  awards: readonly HeldAward[],
  equivalences: readonly Equivalence[],
  at: Date,
): Eligibility {
  const best = new Map<string, HeldAward>();
  for (const award of awards) {
    if (!isValidAt(award, at)) continue;
    const badgeId = resolveBadge(award.badgeId, rule, equivalences);
    if (!badgeId) continue;
    const current = best.get(badgeId);
    const until = (a: HeldAward) => a.validUntil?.getTime() ?? Number.POSITIVE_INFINITY;
    if (!current || until(award) > until(current)) best.set(badgeId, award);
  }
  const missingRequired = rule.badges.filter((b) => b.required && !best.has(b.id)).map((b) => b.id);
  const count = best.size;
  const shortfall = Math.max(rule.total - count, missingRequired.length);
  return {
    eligible: count >= rule.total && missingRequired.length === 0,
    count,
    total: rule.total,
    missingRequired,
    counted: rule.badges
      .filter((b) => best.has(b.id))
      .map((b) => ({
        badgeId: b.id,
        awardId: best.get(b.id)!.awardId,
        validUntil: best.get(b.id)!.validUntil,
      })),
    shortfall,
  };
}

export type LabelState = "none" | "active" | "suspended" | "expired" | "revoked";

export type LabelDecision =
  | { action: "none" }
  | { action: "suspend"; missingRequired: string[]; shortfall: number }
  | { action: "restore" };

/**
 * The label lives with its parts: when the collection no longer satisfies the
 * rule the label is suspended, and restored when it does again. Expired and
 * revoked labels are not revived here (renewal is its own request).
 */
export function labelDecision(state: LabelState, eligibility: Eligibility): LabelDecision {
  if (state === "active" && !eligibility.eligible)
    return {
      action: "suspend",
      missingRequired: eligibility.missingRequired,
      shortfall: eligibility.shortfall,
    };
  if (state === "suspended" && eligibility.eligible) return { action: "restore" };
  return { action: "none" };
}

/**
 * The first date at which the collection would stop satisfying the rule if
 * nothing is renewed: what the CFA must watch. Null when never (or not now).
 */
export function labelAtRiskFrom(
  rule: LabelRule,
  awards: readonly HeldAward[],
  equivalences: readonly Equivalence[],
  at: Date,
): Date | null {
  if (!labelEligibility(rule, awards, equivalences, at).eligible) return null;
  const ends = [
    ...new Set(
      awards
        .map((a) => a.validUntil?.getTime())
        .filter((t): t is number => t !== undefined && t > at.getTime()),
    ),
  ].sort((a, b) => a - b);
  for (const end of ends)
    if (!labelEligibility(rule, awards, equivalences, new Date(end)).eligible) return new Date(end);
  return null;
}
