import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { memberships, organisations } from "../../db/schema";

/** The organisations a user belongs to, with their role in each, by name. */
export async function listUserOrganisations(q: Queryable, userId: string) {
  return q
    .select({ organisation: organisations, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(organisations.name);
}
