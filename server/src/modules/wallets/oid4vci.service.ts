import type { AppContext } from "../../context";
import { hashToken, newToken, safeEqual } from "../../lib/tokens";
import { deliverOnce } from "./delivery.service";
import { WalletProtocolError } from "./protocol-error";
import { issuerId } from "./wallets.present";
import { issueNonce, NONCE_SECONDS, verifyProofJwt } from "./wallets.proof";
import {
  countFailedAttempt,
  findLiveOfferByCode,
  findOfferByAccessToken,
  moveOffer,
} from "./wallets.repo";
import {
  CONFIGURATION_ID,
  credentialOffer,
  nextStep,
  PRE_AUTHORIZED_GRANT,
  TOKEN_SECONDS,
  TX_CODE_ATTEMPTS,
} from "./wallets.rules";

/** The offer a credential_offer_uri names, while its code can still be exchanged. */
export async function offerByReference(ctx: AppContext, code: string) {
  const now = new Date();
  const offer = await findLiveOfferByCode(ctx.db, hashToken(code), now);
  if (offer?.protocol !== "oid4vci" || !nextStep(offer, "token", now))
    throw new WalletProtocolError(404, "not_found", "unknown, expired or used offer");
  return credentialOffer(issuerId(ctx.config), code);
}

const invalidGrant = (description: string) =>
  new WalletProtocolError(400, "invalid_grant", description);

/** The token endpoint: a pre-authorized code and its transaction code, for a short-lived token. */
export async function takeAccessToken(
  ctx: AppContext,
  input: { grantType: string; code: string; txCode: string | undefined },
) {
  if (input.grantType !== PRE_AUTHORIZED_GRANT)
    throw new WalletProtocolError(400, "unsupported_grant_type", "only the pre-authorized code");
  const now = new Date();
  const offer = await findLiveOfferByCode(ctx.db, hashToken(input.code), now);
  if (offer?.protocol !== "oid4vci" || !nextStep(offer, "token", now))
    throw invalidGrant("unknown, expired or used code");
  if (!input.txCode || !offer.txCodeHash || !safeEqual(hashToken(input.txCode), offer.txCodeHash)) {
    await countFailedAttempt(ctx.db, { id: offer.id, limit: TX_CODE_ATTEMPTS });
    throw invalidGrant("wrong transaction code");
  }
  const accessToken = newToken();
  const moved = await moveOffer(ctx.db, {
    id: offer.id,
    from: "offered",
    to: "token_issued",
    set: {
      accessTokenHash: hashToken(accessToken),
      tokenExpiresAt: new Date(now.getTime() + TOKEN_SECONDS * 1000),
    },
  });
  if (!moved) throw invalidGrant("unknown, expired or used code");
  return { access_token: accessToken, token_type: "Bearer", expires_in: TOKEN_SECONDS };
}

export function freshNonce(ctx: AppContext) {
  return { c_nonce: issueNonce(ctx.config.masterKey), c_nonce_expires_in: NONCE_SECONDS };
}

type CredentialRequest = {
  credential_configuration_id?: string | undefined;
  proof?: { proof_type?: string | undefined; jwt?: string | undefined } | undefined;
  proofs?: { jwt?: string[] | undefined } | undefined;
};

/** The credential endpoint: the token's offer, the wallet's key proven, the copy bound to it. */
export async function issueToWallet(
  ctx: AppContext,
  input: { accessToken: string | undefined; request: CredentialRequest },
) {
  const now = new Date();
  const offer = input.accessToken
    ? await findOfferByAccessToken(ctx.db, hashToken(input.accessToken), now)
    : undefined;
  if (!offer || !nextStep(offer, "deliver", now))
    throw new WalletProtocolError(401, "invalid_token", "unknown, expired or used token");
  const { request } = input;
  if (request.credential_configuration_id !== CONFIGURATION_ID)
    throw new WalletProtocolError(400, "unknown_credential_configuration", "not offered");
  const jwts =
    request.proofs?.jwt ?? (request.proof?.proof_type === "jwt" ? [request.proof.jwt] : []);
  if (jwts.length !== 1)
    throw new WalletProtocolError(400, "invalid_proof", "exactly one jwt proof is expected");
  const proof = await verifyProofJwt(jwts[0], {
    issuer: issuerId(ctx.config),
    masterKey: ctx.config.masterKey,
    now,
  });
  if (!proof.ok) throw new WalletProtocolError(400, proof.error, proof.reason);
  const credential = await deliverOnce(
    ctx,
    offer,
    proof.holderDid,
    new WalletProtocolError(401, "invalid_token", "unknown, expired or used token"),
  );
  return { credentials: [{ credential }] };
}
