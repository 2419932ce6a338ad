import { and, desc, eq, gt, isNull, lte, or } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { partnerParticipations } from "../../db/schema";

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

/** Every participation the organisation was given, latest start first. */
export async function participationHistory(q: Queryable, organisationId: string) {
  return q
    .select()
    .from(partnerParticipations)
    .where(eq(partnerParticipations.organisationId, organisationId))
    .orderBy(desc(partnerParticipations.validFrom));
}
