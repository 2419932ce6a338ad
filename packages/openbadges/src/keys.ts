import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";

/** An issuer's Ed25519 key as a Multikey pair (the secret part only while signing). */
export type IssuerKey = {
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
};
export type PublicKey = Omit<IssuerKey, "secretKeyMultibase">;

export async function generateIssuerKey(options: {
  controller: string;
  id?: string;
}): Promise<IssuerKey> {
  const pair = await Ed25519Multikey.generate({ controller: options.controller });
  const id = options.id ?? `${options.controller}#${pair.publicKeyMultibase}`;
  if (!pair.secretKeyMultibase) throw new Error("key generation returned no secret key");
  return {
    id,
    controller: options.controller,
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: pair.secretKeyMultibase,
  };
}

const cache = new Map<string, Promise<Ed25519Multikey.MultikeyPair>>();

/** Key objects are costly to rebuild; one per key id and material, cached. */
export function keyPairFor(
  key: PublicKey & { secretKeyMultibase?: string },
): Promise<Ed25519Multikey.MultikeyPair> {
  const cacheKey = `${key.id}|${key.publicKeyMultibase}|${key.secretKeyMultibase ? "s" : "p"}`;
  let pair = cache.get(cacheKey);
  if (!pair) {
    pair = Ed25519Multikey.from({
      "@context": "https://w3id.org/security/multikey/v1",
      type: "Multikey",
      id: key.id,
      controller: key.controller,
      publicKeyMultibase: key.publicKeyMultibase,
      ...(key.secretKeyMultibase ? { secretKeyMultibase: key.secretKeyMultibase } : {}),
    });
    if (cache.size > 1000) cache.clear();
    cache.set(cacheKey, pair);
  }
  return pair;
}

const FORMAT = "v1";

/**
 * AES-256-GCM under the master key, bound to the key id (AAD), so that a
 * ciphertext cannot be moved to another key's row. Format: v1.nonce.tag.data.
 */
export function encryptSecretKey(
  secretKeyMultibase: string,
  masterKey: Uint8Array,
  keyId: string,
): string {
  if (masterKey.length !== 32) throw new RangeError("the master key must be 32 bytes");
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", masterKey, nonce);
  cipher.setAAD(Buffer.from(keyId));
  const data = Buffer.concat([cipher.update(secretKeyMultibase, "utf8"), cipher.final()]);
  return [
    FORMAT,
    nonce.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    data.toString("base64url"),
  ].join(".");
}

export function decryptSecretKey(sealed: string, masterKey: Uint8Array, keyId: string): string {
  const [format, nonce, tag, data] = sealed.split(".");
  if (format !== FORMAT || !nonce || !tag || !data) throw new Error("not a sealed key");
  const decipher = createDecipheriv("aes-256-gcm", masterKey, Buffer.from(nonce, "base64url"));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

/** did:web for an https base URL: https://host:8443/issuers/region -> did:web:host%3A8443:issuers:region */
export function didWebFromUrl(url: string): string {
  const u = new URL(url);
  const host = u.port ? `${u.hostname}%3A${u.port}` : u.hostname;
  const path = u.pathname.replace(/\/$/, "").split("/").filter(Boolean).map(encodeURIComponent);
  return ["did:web", host, ...path].join(":");
}

/** The https URL of a did:web document. */
export function didWebToUrl(did: string): string | null {
  const match = /^did:web:([^:#?]+)((?::[^:#?]+)*)$/.exec(did);
  if (!match?.[1]) return null;
  const host = decodeURIComponent(match[1]);
  const path = (match[2] ?? "").split(":").filter(Boolean).map(decodeURIComponent);
  return path.length === 0
    ? `https://${host}/.well-known/did.json`
    : `https://${host}/${path.join("/")}/did.json`;
}

/**
 * The DID document: every key ever used stays published so that old
 * signatures keep verifying; a key revoked for compromise is withdrawn from
 * assertionMethod (its signatures must then fail).
 */
export function buildDidDocument(options: {
  did: string;
  keys: readonly { id: string; publicKeyMultibase: string; revoked?: boolean }[];
  alsoKnownAs?: string[];
}): Record<string, unknown> {
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: options.did,
    ...(options.alsoKnownAs ? { alsoKnownAs: options.alsoKnownAs } : {}),
    verificationMethod: options.keys.map((k) => ({
      id: k.id,
      type: "Multikey",
      controller: options.did,
      publicKeyMultibase: k.publicKeyMultibase,
    })),
    assertionMethod: options.keys.filter((k) => !k.revoked).map((k) => k.id),
  };
}
