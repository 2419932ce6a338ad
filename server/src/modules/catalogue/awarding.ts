import type { badgeClasses } from "../../db/schema";

/**
 * How a badge class is awarded, which is also what its validity counts from:
 * - commission: a label badge, decided by the commission after peer review;
 * - label: the label itself, confirmed by the Region once the collection meets the rule;
 * - automatic: a regional competence badge, issued as soon as partner badges satisfy its rule;
 * - request: a Participant or Ambassadeur badge, granted by the Region on an organisation's request;
 * - partner: a partner's own badge, which the partner issues itself on Blason.
 */
export type Awarding = "commission" | "label" | "automatic" | "request" | "partner";
export const awardings = ["commission", "label", "automatic", "request", "partner"] as const;

export function awardingOf(
  badge: { kind: string; rule: Record<string, unknown> | null },
  programme: { ownerOrgId: string | null },
): Awarding {
  if (programme.ownerOrgId) return "partner";
  if (badge.kind === "label") return "label";
  if (badge.rule?.kind === "participation") return "request";
  if (badge.rule) return "automatic";
  return "commission";
}

/** Where a badge belongs, in the first HTML response: its programme, or the partner that issues it. */
export type BadgeProgramme = {
  programmeName: string;
  /** The collection's version, or a sentence when it is no longer in force. */
  collection: string;
  partner: string | null;
  awarding: Awarding;
};

/** A badge class as found with its collection, programme and the programme's owner, if a partner. */
export function badgeProgrammeOf(found: {
  badge: Pick<typeof badgeClasses.$inferSelect, "kind" | "rule">;
  collection: { version: string; inForce: boolean };
  programme: { name: string; ownerOrgId: string | null };
  owner: { name: string } | null;
}): BadgeProgramme {
  return {
    programmeName: found.programme.name,
    collection: found.collection.inForce
      ? found.collection.version
      : `${found.collection.version}, collection qui n'est plus en vigueur`,
    partner: found.owner?.name ?? null,
    awarding: awardingOf(found.badge, found.programme),
  };
}
