import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { apiClients } from "../../db/schema";

export type ApiClientRow = typeof apiClients.$inferSelect;

export async function insertApiClient(q: Queryable, values: typeof apiClients.$inferInsert) {
  const [created] = await q.insert(apiClients).values(values).returning();
  return created!;
}

/** The organisation's keys, newest first, revoked ones included. */
export async function apiClientsOf(q: Queryable, organisationId: string) {
  return q
    .select()
    .from(apiClients)
    .where(eq(apiClients.organisationId, organisationId))
    .orderBy(desc(apiClients.createdAt));
}

/** Revokes the organisation's live key; undefined when it has no such key. */
export async function revokeLiveApiClient(
  q: Queryable,
  key: { id: string; organisationId: string; at: Date },
) {
  const [revoked] = await q
    .update(apiClients)
    .set({ revokedAt: key.at })
    .where(
      and(
        eq(apiClients.id, key.id),
        eq(apiClients.organisationId, key.organisationId),
        isNull(apiClients.revokedAt),
      ),
    )
    .returning();
  return revoked;
}
