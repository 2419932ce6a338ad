import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";

/**
 * Ed25519 signers and verifiers that build node's key object once per key.
 * @digitalbazaar/ed25519-multikey rebuilds it from DER on every signature
 * and every check, which was half the time of signing a credential once
 * canonicalisation got fast. Ed25519 is deterministic: the signatures are
 * the same bytes (the 1EdTech test vector checks it).
 */
const DER_PRIVATE_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const DER_PUBLIC_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

type Signer = {
  id?: string;
  algorithm: string;
  sign(input: { data: Uint8Array }): Promise<Buffer>;
};
type Verifier = {
  id?: string;
  algorithm: string;
  verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
};

const signers = new WeakMap<object, Signer>();

/** The signer of a Multikey pair (its secret key: the 32-byte seed, then the public key). */
export function fastSigner(pair: Ed25519Multikey.MultikeyPair): Signer {
  const known = signers.get(pair);
  if (known) return known;
  const { id, secretKey } = pair as unknown as { id?: string; secretKey?: Uint8Array };
  if (!secretKey) throw new Error("A secret key is not available for signing.");
  const key: KeyObject = createPrivateKey({
    key: Buffer.concat([DER_PRIVATE_PREFIX, secretKey.subarray(0, 32)]),
    format: "der",
    type: "pkcs8",
  });
  const signer: Signer = {
    ...(id ? { id } : {}),
    algorithm: "Ed25519",
    sign: async ({ data }) => sign(null, data, key),
  };
  signers.set(pair, signer);
  return signer;
}

const verifiers = new Map<string, Promise<Verifier>>();

/**
 * The cryptosuite's createVerifier (Ed25519Multikey.from, then its
 * verifier), with the key decoded and imported once per verification method.
 */
export function fastVerifier({
  verificationMethod,
}: {
  verificationMethod: Record<string, unknown>;
}): Promise<Verifier> {
  const cacheKey = JSON.stringify(verificationMethod);
  let verifier = verifiers.get(cacheKey);
  if (!verifier) {
    verifier = (async () => {
      const pair = await Ed25519Multikey.from(verificationMethod);
      const { id, publicKey } = pair as unknown as { id?: string; publicKey?: Uint8Array };
      if (!publicKey) throw new Error("A public key is not available for verifying.");
      const key = createPublicKey({
        key: Buffer.concat([DER_PUBLIC_PREFIX, publicKey]),
        format: "der",
        type: "spki",
      });
      return {
        ...(id ? { id } : {}),
        algorithm: "Ed25519",
        verify: async ({ data, signature }) => verify(null, data, key, signature),
      };
    })();
    // A failed import is not kept: the next check tries again and fails the same way.
    verifier.catch(() => verifiers.delete(cacheKey));
    if (verifiers.size >= 1000) verifiers.clear();
    verifiers.set(cacheKey, verifier);
  }
  return verifier;
}
