import { createDocumentLoader, didWebToUrl } from "@blason/openbadges";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { FastifyInstance } from "fastify";

/**
 * What a wallet needs around a client library: a fetch that reaches the app
 * (through inject, no network), a did:key of its own, and a document loader
 * that reads the issuer's did:web document from the app.
 */
export function injectFetch(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const response = await app.inject({
      method: request.method as "GET",
      url: url.pathname + url.search,
      headers: { ...Object.fromEntries(request.headers), host: url.host },
      ...(body ? { payload: body } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      if (value !== undefined)
        headers.set(name, Array.isArray(value) ? value.join(", ") : String(value));
    const empty = response.statusCode === 204 || response.statusCode === 304;
    return new Response(empty ? null : response.rawPayload, {
      status: response.statusCode,
      headers,
    });
  };
}

/** A wallet's Ed25519 did:key. */
export async function walletKey() {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.id = `${did}#${key.publicKeyMultibase}`;
  key.controller = did;
  return { key, did, kid: key.id };
}

/** Contexts bundled, did:key computed, the issuer's did:web read from the app. */
export function issuerDocumentLoader(app: FastifyInstance) {
  return createDocumentLoader({
    resolve: async (url) => {
      const [did, fragment] = url.split("#");
      const documentUrl = did?.startsWith("did:web:") ? didWebToUrl(did) : null;
      if (!documentUrl) return undefined;
      const response = await app.inject({ method: "GET", url: new URL(documentUrl).pathname });
      if (response.statusCode !== 200) return undefined;
      const document = response.json() as { verificationMethod?: { id: string }[] };
      if (!fragment) return document;
      const method = document.verificationMethod?.find((m) => m.id === url);
      return method && { "@context": "https://w3id.org/security/multikey/v1", ...method };
    },
  });
}

/** @digitalbazaar/vc's verdict on a credential (its status entry read elsewhere). */
export function verifyWithDigitalBazaar(app: FastifyInstance, credential: object) {
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: issuerDocumentLoader(app),
    checkStatus: async () => ({ verified: true }),
  });
}

/** A DID authentication presentation, signed by @digitalbazaar/vc. */
export function didAuthentication(
  wallet: Awaited<ReturnType<typeof walletKey>>,
  request: { challenge: string; domain: string },
) {
  return vc.signPresentation({
    presentation: vc.createPresentation({ holder: wallet.did }),
    suite: new DataIntegrityProof({ signer: wallet.key.signer(), cryptosuite }),
    challenge: request.challenge,
    domain: request.domain,
    documentLoader: createDocumentLoader(),
  });
}
