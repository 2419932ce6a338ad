import QRCode from "qrcode";
import type { AppContext } from "../../context";
import type { WalletProtocol } from "../../db/states";
import { AppError } from "../../errors";
import { hashToken, newToken } from "../../lib/tokens";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { credentialStatus, findCredential } from "../credentials/credentials.service";
import { authorize, type Caller } from "../policy/policy";
import { credentialOfferUri, exchangeUrl, issuerId } from "./wallets.present";
import { insertWalletOffer } from "./wallets.repo";
import { credentialOfferLink, lcwLink, newTxCode, offerExpiry } from "./wallets.rules";

export type WalletOfferView = {
  protocol: WalletProtocol;
  link: string;
  qrSvg: string;
  txCode: string | null;
  expiresAt: string;
};

/**
 * Offers a badge to its holder's wallet: only the holder (a person) or an
 * administrator of the holding organisation may; a badge that is not valid
 * is not offered. The code and transaction code are shown once, kept hashed.
 */
export async function createWalletOffer(
  ctx: AppContext,
  options: { caller: Caller; credentialId: string; protocol: WalletProtocol },
): Promise<WalletOfferView> {
  const { caller, protocol } = options;
  const found = await findCredential(ctx, options.credentialId);
  if (!found) throw new AppError("NOT_FOUND");
  const person = found.subject.kind === "person";
  authorize(
    caller.principal,
    "credential.wallet",
    { org: found.subject, ...(person ? { holder: found.subject.id } : {}) },
    person ? "credential.claim" : "organisation.read",
  );
  if (credentialStatus(found.credential) !== "valid")
    throw new AppError("WALLET_CREDENTIAL_NOT_VALID");
  const now = new Date();
  const code = newToken();
  const txCode = protocol === "oid4vci" ? newTxCode() : null;
  const expiresAt = offerExpiry(now);
  const offer = await ctx.db.transaction(async (tx) => {
    const row = await insertWalletOffer(tx, {
      credentialId: found.credential.id,
      createdBy: caller.user.id,
      protocol,
      codeHash: hashToken(code),
      txCodeHash: txCode ? hashToken(txCode) : null,
      expiresAt,
    });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "credential.wallet_offered",
      targetType: "credential",
      targetId: found.credential.id,
      data: { badge: found.badge.name, protocol },
    });
    return row;
  });
  const link =
    protocol === "oid4vci"
      ? credentialOfferLink(credentialOfferUri(ctx.config, code))
      : lcwLink(issuerId(ctx.config), exchangeUrl(ctx.config, code));
  const qrSvg = await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "L", margin: 2 });
  return { protocol, link, qrSvg, txCode, expiresAt: offer.expiresAt.toISOString() };
}
