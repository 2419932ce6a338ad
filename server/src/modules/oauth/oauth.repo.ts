import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
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
    .onConflictDoUpdate({
      target: [oauthModels.kind, oauthModels.id],
      // A partner's client keeps the organisation Blason bound it to.
      set: { ...row, accountId: sql`coalesce(excluded.account_id, ${oauthModels.accountId})` },
    });
}

/** Rows past their expiry: oidc-provider never reads them again. */
export async function deleteExpiredOauthModels(q: Queryable) {
  await q.delete(oauthModels).where(lt(oauthModels.expiresAt, sql`now()`));
}

/** A client Blason registers itself for an organisation (client credentials), bound to it. */
export async function insertBoundClient(
  q: Queryable,
  values: { id: string; payload: Record<string, unknown>; organisationId: string },
) {
  await q.insert(oauthModels).values({
    kind: "Client",
    id: values.id,
    payload: values.payload,
    clientId: values.id,
    accountId: values.organisationId,
  });
}

/** The clients bound to an organisation. */
export async function clientsOfOrganisation(q: Queryable, organisationId: string) {
  return q
    .select()
    .from(oauthModels)
    .where(and(eq(oauthModels.kind, "Client"), eq(oauthModels.accountId, organisationId)))
    .orderBy(desc(oauthModels.createdAt));
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

/** A grant or a client goes, with every code and token it gave (looked up by its column). */
async function destroyWithDependents(q: Queryable, kind: "Grant" | "Client", id: string) {
  const column = kind === "Grant" ? oauthModels.grantId : oauthModels.clientId;
  await q
    .delete(oauthModels)
    .where(or(eq(column, id), and(eq(oauthModels.kind, kind), eq(oauthModels.id, id))));
}

export const destroyOauthGrant = (q: Queryable, grantId: string) =>
  destroyWithDependents(q, "Grant", grantId);

export const destroyOauthClient = (q: Queryable, clientId: string) =>
  destroyWithDependents(q, "Client", clientId);

/** The live grants given to clients by one account (a person, or an organisation). */
export async function grantsOfAccount(q: Queryable, accountId: string) {
  return q
    .select()
    .from(oauthModels)
    .where(and(eq(oauthModels.kind, "Grant"), eq(oauthModels.accountId, accountId), live()))
    .orderBy(desc(oauthModels.createdAt));
}
