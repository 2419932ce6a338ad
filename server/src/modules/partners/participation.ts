import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { partnerParticipations } from "../../db/schema";

export type ParticipationKind = "participant" | "ambassador";

/** Which role a badge class confers when granted (the Participant and Ambassadeur badges), if any. */
export function participationOf(badge: {
  rule: Record<string, unknown> | null;
}): ParticipationKind | null {
  if (badge.rule?.kind !== "participation") return null;
  return badge.rule.participation === "ambassador" ? "ambassador" : "participant";
}

/** Whether the organisation is a Participant (or Ambassadeur) at this instant. */
export async function isParticipant(q: Queryable, organisationId: string, at = new Date()) {
  const [row] = await q
    .select({ id: partnerParticipations.id })
    .from(partnerParticipations)
    .where(
      and(
        eq(partnerParticipations.organisationId, organisationId),
        lte(partnerParticipations.validFrom, at),
        or(isNull(partnerParticipations.validUntil), gt(partnerParticipations.validUntil, at)),
      ),
    )
    .limit(1);
  return !!row;
}
