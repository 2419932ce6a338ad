import { assertWithinLimits, createDocumentLoader } from "@blason/openbadges";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { AppContext } from "../../context";
import { hashToken, newToken } from "../../lib/tokens";
import { deliverOnce } from "./delivery.service";
import { WalletProtocolError } from "./protocol-error";
import { exchangeUrl } from "./wallets.present";
import { findLiveOfferByCode, setExchangeChallenge, type WalletOfferRow } from "./wallets.repo";
import { nextStep } from "./wallets.rules";

/** did:key documents are computed locally; nothing else is fetched for a DID authentication. */
const documentLoader = createDocumentLoader();

const gone = () => new WalletProtocolError(404, "not_found", "unknown, expired or used exchange");

async function liveExchange(ctx: AppContext, id: string): Promise<WalletOfferRow> {
  const now = new Date();
  const offer = await findLiveOfferByCode(ctx.db, hashToken(id), now);
  if (offer?.protocol !== "vc-api" || !nextStep(offer, "deliver", now)) throw gone();
  return offer;
}

/** The interaction URL's answer (VC-API): which protocols the exchange speaks. */
export async function exchangeProtocols(ctx: AppContext, id: string) {
  await liveExchange(ctx, id);
  return { protocols: { vcapi: exchangeUrl(ctx.config, id) } };
}

/**
 * A VC-API exchange, one round: the wallet's first POST gets a
 * VerifiablePresentationRequest (DID authentication with a challenge and our
 * domain); its second, the signed presentation, gets the badge bound to the
 * DID it authenticated as.
 */
export async function stepExchange(
  ctx: AppContext,
  input: { id: string; body: { verifiablePresentation?: unknown } },
) {
  const offer = await liveExchange(ctx, input.id);
  const domain = new URL(ctx.config.publicUrl).host;
  const presentation = input.body.verifiablePresentation;
  if (presentation === undefined) {
    const challenge = newToken();
    if (!(await setExchangeChallenge(ctx.db, { id: offer.id, challenge }))) throw gone();
    return {
      verifiablePresentationRequest: {
        query: [{ type: "DIDAuthentication", acceptedMethods: [{ method: "key" }] }],
        challenge,
        domain,
        interact: {
          service: [
            {
              type: "UnmediatedPresentationService2021",
              serviceEndpoint: exchangeUrl(ctx.config, input.id),
            },
          ],
        },
      },
    };
  }
  if (!offer.challenge) throw new WalletProtocolError(400, "invalid_request", "no challenge asked");
  const holderDid = await authenticatedHolder(presentation, { challenge: offer.challenge, domain });
  const credential = await deliverOnce(ctx, offer, holderDid, gone());
  return {
    verifiablePresentation: {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiablePresentation"],
      verifiableCredential: [credential],
    },
  };
}

/** The did:key a DID authentication presentation proves, or a refusal. */
async function authenticatedHolder(
  presentation: unknown,
  expected: { challenge: string; domain: string },
): Promise<string> {
  const refuse = (why: string) => new WalletProtocolError(400, "invalid_presentation", why);
  if (!presentation || typeof presentation !== "object") throw refuse("no presentation");
  try {
    assertWithinLimits(presentation);
  } catch {
    throw refuse("the presentation is too large");
  }
  const vp = presentation as { holder?: unknown; proof?: unknown };
  const holder = typeof vp.holder === "string" ? vp.holder : undefined;
  const proofs = Array.isArray(vp.proof) ? vp.proof : [vp.proof];
  const method = (proofs[0] as { verificationMethod?: unknown } | undefined)?.verificationMethod;
  if (
    !holder?.startsWith("did:key:") ||
    typeof method !== "string" ||
    method.split("#")[0] !== holder
  )
    throw refuse("the holder must be the did:key that signs");
  const result = await vc
    .verify({
      presentation: structuredClone(presentation),
      challenge: expected.challenge,
      domain: expected.domain,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader,
    })
    .catch(() => ({ verified: false }));
  if (!result.verified) throw refuse("the presentation's proof does not verify");
  return holder;
}
