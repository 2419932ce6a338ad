import type { AppContext } from "../../context";
import { appendAudit } from "../audit/audit.repo";
import { findCredentialWithHolder } from "../credentials/credentials.repo";
import { credentialStatus } from "../credentials/credentials.service";
import { holderBoundCopy } from "./holder-copy.service";
import { WalletProtocolError } from "./protocol-error";
import { moveOffer, type WalletOfferRow } from "./wallets.repo";

/**
 * The last step of both protocols: the copy bound to the wallet's DID, signed,
 * then the offer moved to "delivered" by a guarded update: of two requests
 * racing on one offer, one gets the badge, the other is refused.
 */
export async function deliverOnce(
  ctx: AppContext,
  offer: WalletOfferRow,
  holderDid: string,
  refused: WalletProtocolError,
) {
  const found = await findCredentialWithHolder(ctx.db, offer.credentialId);
  if (!found || credentialStatus(found.credential) !== "valid")
    throw new WalletProtocolError(400, "credential_request_denied", "the badge is no longer valid");
  const copy = await holderBoundCopy(ctx, found.credential, holderDid);
  const delivered = await ctx.db.transaction(async (tx) => {
    const moved = await moveOffer(tx, {
      id: offer.id,
      from: offer.state,
      to: "delivered",
      set: { holderDid },
    });
    if (!moved) return false;
    await appendAudit(tx, {
      actor: { kind: "system", label: "Blason" },
      action: "credential.wallet_delivered",
      targetType: "credential",
      targetId: offer.credentialId,
      data: { badge: found.badge.name, protocol: offer.protocol, holder: holderDid },
    });
    return true;
  });
  if (!delivered) throw refused;
  return copy;
}
