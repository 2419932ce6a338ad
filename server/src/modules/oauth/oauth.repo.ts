import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { oauthModels } from "../../db/schema";

export type OauthModelRow = typeof oauthModels.$inferSelect;

const live = () => or(isNull(oauthModels.expiresAt), gt(oauthModels.expiresAt, sql`now()`));

/** Writes (or replaces) one instance of an oidc-provider model. */
export async function upsertOauthModel(
  q: Queryable,
  values: {
    kind: string;
    id: string;
    payload: Record<string, unknown>;
    expiresAt: Date | null;
  },
) {
  const p = values.payload;
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  const row = {
    ...values,
    grantId: text(p.grantId),
    uid: text(p.uid),
    userCode: text(p.userCode),
    accountId: text(p.accountId),
    clientId: text(p.clientId),
  };
  await q
    .insert(oauthModels)
    .values(row)
    .onConflictDoUpdate({ target: [oauthModels.kind, oauthModels.id], set: row });
}

export async function findOauthModel(
  q: Queryable,
  by: { kind: string } & ({ id: string } | { uid: string } | { userCode: string }),
) {
  const key =
    "id" in by
      ? eq(oauthModels.id, by.id)
      : "uid" in by
        ? eq(oauthModels.uid, by.uid)
        : eq(oauthModels.userCode, by.userCode);
  const [row] = await q
    .select()
    .from(oauthModels)
    .where(and(eq(oauthModels.kind, by.kind), key, live()))
    .limit(1);
  return row;
}

export async function consumeOauthModel(q: Queryable, kind: string, id: string) {
  await q
    .update(oauthModels)
    .set({ consumedAt: sql`now()` })
    .where(and(eq(oauthModels.kind, kind), eq(oauthModels.id, id)));
}

export async function destroyOauthModel(q: Queryable, kind: string, id: string) {
  await q.delete(oauthModels).where(and(eq(oauthModels.kind, kind), eq(oauthModels.id, id)));
}

/** Every code and token of a grant goes with it (the grant's own row included). */
export async function destroyOauthGrant(q: Queryable, grantId: string) {
  await q
    .delete(oauthModels)
    .where(
      or(
        eq(oauthModels.grantId, grantId),
        and(eq(oauthModels.kind, "Grant"), eq(oauthModels.id, grantId)),
      ),
    );
}

/** The live grants given to clients by one account (a person, or an organisation). */
export async function grantsOfAccount(q: Queryable, accountId: string) {
  return q
    .select()
    .from(oauthModels)
    .where(and(eq(oauthModels.kind, "Grant"), eq(oauthModels.accountId, accountId), live()))
    .orderBy(desc(oauthModels.createdAt));
}
