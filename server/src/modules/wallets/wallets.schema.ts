import { z } from "zod";
import { walletProtocols } from "../../db/states";
import { jsonDocument, line } from "../../http/text";

/** A holder asks for an offer: for OpenID4VCI wallets, or for the Learner Credential Wallet. */
export const walletOfferBody = z.object({ protocol: z.enum(walletProtocols) });

export const walletOfferView = z.object({
  protocol: z.enum(walletProtocols),
  /** openid-credential-offer://… or the LCW deep link to the exchange. */
  link: z.string(),
  /** The same link as a QR code (SVG markup). */
  qrSvg: z.string(),
  /** OpenID4VCI: the transaction code the wallet asks for, shown once. */
  txCode: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});

/** The token request (form-encoded), as RFC 6749 and OpenID4VCI name its fields. */
export const tokenBody = z
  .object({
    grant_type: line().max(200),
    "pre-authorized_code": line().max(200),
    tx_code: line().max(50).optional(),
  })
  .loose();

const jwt = line().max(8_000);
export const credentialRequestBody = z
  .object({
    credential_configuration_id: line().max(200).optional(),
    proof: z.object({ proof_type: line().max(50).optional(), jwt: jwt.optional() }).optional(),
    proofs: z.object({ jwt: z.array(jwt).max(5).optional() }).optional(),
  })
  .loose();

/** A VC-API exchange step: empty to start, then the wallet's presentation. */
export const exchangeBody = z.object({ verifiablePresentation: jsonDocument().optional() }).loose();
export const exchangeParams = z.object({ id: line().max(100) });
