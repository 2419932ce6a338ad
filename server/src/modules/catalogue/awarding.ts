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
