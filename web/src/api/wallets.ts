/** Badges to wallets: an offer for the holder's wallet (OpenID4VCI or the Learner Credential Wallet). */
import { type BodyOf, type ResponseOf, request } from "./http";

export type WalletProtocol = BodyOf<"/api/credentials/{id}/wallet-offer", "post">["protocol"];
export type WalletOffer = ResponseOf<"/api/credentials/{id}/wallet-offer", "post">;

export const createWalletOffer = (id: string, protocol: WalletProtocol) =>
  request("post", "/api/credentials/{id}/wallet-offer", { path: { id }, body: { protocol } });
