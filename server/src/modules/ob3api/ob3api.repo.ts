import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { partnerBadges } from "../../db/schema";

/** The badges a person handed in from elsewhere that verified, as they came (oldest first). */
export async function verifiedSourcesOf(q: Queryable, userId: string) {
  return q
    .select({ id: partnerBadges.id, source: partnerBadges.source })
    .from(partnerBadges)
    .where(
      and(
        eq(partnerBadges.earnerId, userId),
        isNotNull(partnerBadges.source),
        sql`(${partnerBadges.report} ->> 'verified') = 'true'`,
      ),
    )
    .orderBy(asc(partnerBadges.receivedAt), asc(partnerBadges.id));
}
