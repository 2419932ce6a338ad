import { and, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { type WalletOfferState, walletOffers } from "../../db/schema";

export type WalletOfferRow = typeof walletOffers.$inferSelect;

export async function insertWalletOffer(tx: Queryable, values: typeof walletOffers.$inferInsert) {
  const [row] = await tx.insert(walletOffers).values(values).returning();
  return row!;
}

/** A live offer (not expired) by the hash of its code, whatever its state. */
export async function findLiveOfferByCode(q: Queryable, codeHash: string, now: Date) {
  const [row] = await q
    .select()
    .from(walletOffers)
    .where(and(eq(walletOffers.codeHash, codeHash), gt(walletOffers.expiresAt, now)));
  return row;
}

/** The offer an access token was given for, while the token lasts. */
export async function findOfferByAccessToken(q: Queryable, tokenHash: string, now: Date) {
  const [row] = await q
    .select()
    .from(walletOffers)
    .where(
      and(
        eq(walletOffers.accessTokenHash, tokenHash),
        eq(walletOffers.state, "token_issued"),
        gt(walletOffers.tokenExpiresAt, now),
      ),
    );
  return row;
}

/** The one guarded move of an offer: it happens only from the state it was read in. */
export async function moveOffer(
  tx: Queryable,
  input: {
    id: string;
    from: WalletOfferState;
    to: WalletOfferState;
    set?: Partial<Pick<WalletOfferRow, "accessTokenHash" | "tokenExpiresAt" | "holderDid">>;
  },
) {
  const [row] = await tx
    .update(walletOffers)
    .set({
      ...input.set,
      state: input.to,
      ...(input.to === "delivered" ? { deliveredAt: new Date() } : {}),
    })
    .where(and(eq(walletOffers.id, input.id), eq(walletOffers.state, input.from)))
    .returning();
  return row;
}

/** A wrong transaction code: counted, and the offer burnt at the limit. */
export async function countFailedAttempt(tx: Queryable, input: { id: string; limit: number }) {
  const [row] = await tx
    .update(walletOffers)
    .set({
      failedAttempts: sql`${walletOffers.failedAttempts} + 1`,
      state: sql`case when ${walletOffers.failedAttempts} + 1 >= ${input.limit} then 'burnt' else ${walletOffers.state} end`,
    })
    .where(and(eq(walletOffers.id, input.id), eq(walletOffers.state, "offered")))
    .returning();
  return row;
}

/** The challenge a VC-API exchange asked for, set once when the wallet starts it. */
export async function setExchangeChallenge(
  tx: Queryable,
  input: { id: string; challenge: string },
) {
  const [row] = await tx
    .update(walletOffers)
    .set({ challenge: input.challenge })
    .where(and(eq(walletOffers.id, input.id), eq(walletOffers.state, "offered")))
    .returning();
  return row;
}
