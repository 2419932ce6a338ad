import { randomInt } from "node:crypto";
import type { WalletOfferState, WalletProtocol } from "../../db/states";

/** How long an offer waits for its wallet, and an access token for its credential request. */
export const OFFER_MINUTES = 10;
export const TOKEN_SECONDS = 300;
/** Wrong transaction codes before the offer is burnt (a 6-digit code, 5 tries: 1 in 200,000). */
export const TX_CODE_ATTEMPTS = 5;
export const TX_CODE_LENGTH = 6;

export const PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
/** The one credential configuration we offer: the OB 3.0 badge as a Data Integrity VC. */
export const CONFIGURATION_ID = "OpenBadgeCredential";

export function newTxCode(): string {
  return Array.from({ length: TX_CODE_LENGTH }, () => randomInt(10)).join("");
}

export const offerExpiry = (now: Date) => new Date(now.getTime() + OFFER_MINUTES * 60_000);

/**
 * Which step an offer may take next: a token from "offered" (OpenID4VCI), the
 * credential from "token_issued" (OpenID4VCI) or "offered" (VC-API, one round).
 */
export function nextStep(
  offer: { protocol: WalletProtocol; state: WalletOfferState; expiresAt: Date },
  step: "token" | "deliver",
  now: Date,
): WalletOfferState | undefined {
  if (offer.expiresAt <= now) return undefined;
  if (offer.protocol === "oid4vci") {
    if (step === "token") return offer.state === "offered" ? "offered" : undefined;
    return offer.state === "token_issued" ? "token_issued" : undefined;
  }
  return step === "deliver" && offer.state === "offered" ? "offered" : undefined;
}

/** The OpenID4VCI offer, by value, as the wallet reads it from the QR code. */
export function credentialOffer(issuer: string, preAuthorizedCode: string) {
  return {
    credential_issuer: issuer,
    credential_configuration_ids: [CONFIGURATION_ID],
    grants: {
      [PRE_AUTHORIZED_GRANT]: {
        "pre-authorized_code": preAuthorizedCode,
        tx_code: {
          input_mode: "numeric",
          length: TX_CODE_LENGTH,
          description: "Code affiché à côté du QR code / Code shown beside the QR code",
        },
      },
    },
  };
}

/** The offer by reference: a short link, so a QR code that phones read at a glance. */
export const credentialOfferLink = (offerUri: string) =>
  `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(offerUri)}`;

/**
 * The Learner Credential Wallet's deep link to a VC-API exchange: its
 * `request` parameter names the exchange under `protocols.vcapi`.
 */
export function lcwLink(issuer: string, exchangeUrl: string) {
  const request = { credentialRequestOrigin: issuer, protocols: { vcapi: exchangeUrl } };
  return `https://lcw.app/request.html?request=${encodeURIComponent(JSON.stringify(request))}`;
}
