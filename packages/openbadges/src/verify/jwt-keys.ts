/// <reference path="../types/base58-universal.d.ts" />
import { createPublicKey, ECDH } from "node:crypto";
import { decode as base58 } from "base58-universal";
import type { Fetcher } from "../fetch";
import { publishedDocument } from "./keys";
import { asArray, idOf, obj, str } from "./util";

/** The public members of a JWK and the algorithm it is restricted to, nothing else (no private part). */
export type PublicJwk = {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  n?: string;
  e?: string;
  alg?: string;
};

/** At most this many published keys are tried for one token, and fetched when listed by reference. */
const MAX_KEYS = 8;
/** An RSA 8192 did:key is about 1,500 characters: longer is refused before base58 decoding (quadratic). */
const MAX_MULTIBASE = 1_600;
const MAX_DID_JWK = 4_096;

export function publicJwk(value: unknown): PublicJwk | undefined {
  const k = obj(value);
  const [kty, crv, x, y, n, e, alg] = ["kty", "crv", "x", "y", "n", "e", "alg"].map((m) =>
    str(k?.[m]),
  );
  // A key published for encryption only does not sign (RFC 7517 "use").
  if (k?.use !== undefined && k.use !== "sig") return undefined;
  const restricted = alg ? { alg } : {};
  if (kty === "OKP" && crv && x) return { kty, crv, x, ...restricted };
  if (kty === "EC" && crv && x && y) return { kty, crv, x, y, ...restricted };
  if (kty === "RSA" && n && e) return { kty, n, e, ...restricted };
  // A symmetric ("oct") or unknown key is never an issuer's public key.
  return undefined;
}

export const sameKey = (a: PublicJwk, b: PublicJwk) =>
  a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y && a.n === b.n && a.e === b.e;

/** Multicodec (varint) prefixes of the public keys a did:key or a Multikey holds. */
const CURVES: Record<number, { crv: string; curve: string; size: number }> = {
  128: { crv: "P-256", curve: "prime256v1", size: 33 },
  129: { crv: "P-384", curve: "secp384r1", size: 49 },
  130: { crv: "P-521", curve: "secp521r1", size: 67 },
};

/** A base58btc multibase public key (Ed25519, P-256, P-384, P-521 compressed, RSA) as a JWK. */
export function multikeyJwk(multibase: string): PublicJwk | undefined {
  if (!multibase.startsWith("z") || multibase.length > MAX_MULTIBASE) return undefined;
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
  try {
    const bytes = base58(multibase.slice(1));
    const [first, second] = bytes;
    const key = bytes.subarray(2);
    if (first === 0xed && second === 0x01 && key.length === 32)
      return { kty: "OKP", crv: "Ed25519", x: b64(key) };
    const curve = second === 0x24 && first !== undefined ? CURVES[first] : undefined;
    if (curve && key.length === curve.size) {
      // convertKey refuses a point that is not on the curve.
      const point = ECDH.convertKey(key, curve.curve, undefined, undefined, "uncompressed");
      const half = (point.length - 1) / 2;
      const raw = Buffer.from(point as Buffer);
      return {
        kty: "EC",
        crv: curve.crv,
        x: b64(raw.subarray(1, 1 + half)),
        y: b64(raw.subarray(1 + half)),
      };
    }
    if (first === 0x85 && second === 0x24)
      return publicJwk(
        createPublicKey({ key: Buffer.from(key), format: "der", type: "pkcs1" }).export({
          format: "jwk",
        }),
      );
  } catch {
    return undefined;
  }
  return undefined;
}

/** did:key: the key is the identifier itself. */
function didKeyJwk(did: string): PublicJwk | undefined {
  const multibase = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(did)?.[1];
  return multibase ? multikeyJwk(multibase) : undefined;
}

/** did:jwk: the identifier is the public JWK, base64url; one holding a private part is no DID. */
function didJwkJwk(did: string): PublicJwk | undefined {
  const encoded = /^did:jwk:([A-Za-z0-9_-]+)$/.exec(did)?.[1];
  if (!encoded || encoded.length > MAX_DID_JWK) return undefined;
  try {
    const jwk = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
    return obj(jwk) && !("d" in jwk) ? publicJwk(jwk) : undefined;
  } catch {
    return undefined;
  }
}

/** A verification method's key: publicKeyJwk (JsonWebKey, JsonWebKey2020) or publicKeyMultibase (Multikey). */
function methodJwk(method: Record<string, unknown>): PublicJwk | undefined {
  const multibase = str(method.publicKeyMultibase);
  return method.publicKeyJwk !== undefined
    ? publicJwk(method.publicKeyJwk)
    : multibase
      ? multikeyJwk(multibase)
      : undefined;
}

const hasScheme = (v: string) => /^[a-z][a-z0-9+.-]*:/i.test(v);
/** A kid that is a fragment or a bare name is a hint within the issuer's identifier (VC-JOSE-COSE, kid). */
const absoluteKid = (kid: string, issuerId: string) =>
  hasScheme(kid) ? kid : `${issuerId}#${kid.replace(/^#/, "")}`;
const baseOf = (url: string) => url.split("#")[0] ?? "";

/**
 * The methods an issuer's document lists for issuing: its assertionMethod
 * (a DID document has nothing else for that purpose); a profile without
 * one, its verificationMethod and publicKey. Each with its absolute id and,
 * when the document embeds it, the method itself.
 */
function assertionMethods(document: Record<string, unknown>, issuerId: string) {
  const absolute = (id: string) => (id.startsWith("#") ? `${issuerId}${id}` : id);
  const embedded = new Map<string, Record<string, unknown>>();
  for (const relation of ["verificationMethod", "assertionMethod", "publicKey"])
    for (const entry of asArray(document[relation])) {
      const method = obj(entry);
      const id = str(method?.id);
      if (method && id) embedded.set(absolute(id), method);
    }
  const listed =
    document.assertionMethod !== undefined || issuerId.startsWith("did:")
      ? asArray(document.assertionMethod)
      : [...asArray(document.verificationMethod), ...asArray(document.publicKey)];
  return listed
    .map((entry) => idOf(entry))
    .filter((id): id is string => !!id)
    .map((id) => ({ id: absolute(id), method: embedded.get(absolute(id)) }));
}

/** A key an https issuer's profile lists by address: that address answers a JWK, a JWKS or a key document. */
async function referencedJwks(
  fetcher: Fetcher,
  url: string,
  issuerId: string,
): Promise<PublicJwk[]> {
  const fragment = url.includes("#") ? url.slice(url.indexOf("#") + 1) : undefined;
  if (!/^https:\/\//.test(url)) return [];
  const document = await publishedDocument(fetcher, url);
  if (!document) return [];
  if (Array.isArray(document.keys))
    return document.keys
      .map(obj)
      .filter((k) => k && fragment !== undefined && (k.kid === fragment || k.kid === url))
      .map(publicJwk)
      .filter((k): k is PublicJwk => !!k)
      .slice(0, MAX_KEYS);
  if (document.kty !== undefined) {
    const jwk =
      fragment === undefined || document.kid === fragment ? publicJwk(document) : undefined;
    return jwk ? [jwk] : [];
  }
  const controller = str(document.controller);
  const jwk =
    document.id === url && (controller === undefined || controller === issuerId)
      ? methodJwk(document)
      : undefined;
  return jwk ? [jwk] : [];
}

/**
 * An https issuer's JWT VC Issuer Metadata (SD-JWT VC, which VC-JOSE-COSE
 * names for https issuers): /.well-known/jwt-vc-issuer + the issuer's path,
 * whose `issuer` is the issuer, with its keys in `jwks` or at `jwks_uri`.
 */
async function metadataJwks(
  fetcher: Fetcher,
  issuerId: string,
  kid: string | undefined,
): Promise<PublicJwk[]> {
  let url: URL;
  try {
    url = new URL(issuerId);
  } catch {
    return [];
  }
  const path = url.pathname === "/" ? "" : url.pathname;
  const metadata = await publishedDocument(
    fetcher,
    `${url.origin}/.well-known/jwt-vc-issuer${path}`,
  );
  if (!metadata || metadata.issuer !== issuerId) return [];
  const uri = str(metadata.jwks_uri);
  const jwks =
    obj(metadata.jwks) ??
    (uri?.startsWith("https://") ? await publishedDocument(fetcher, uri) : undefined);
  return asArray(jwks?.keys)
    .map(obj)
    .filter((k) => k && (kid === undefined || k.kid === kid))
    .map(publicJwk)
    .filter((k): k is PublicJwk => !!k)
    .slice(0, MAX_KEYS);
}

/**
 * The keys a JWT's issuer stands behind, for the header's `kid` (all of
 * them without one): the key a did:key or did:jwk identifier is; the
 * assertion methods a did:web DID document or an https profile lists (a
 * kid elsewhere than under the issuer's identifier counts only when the
 * profile lists it); an https issuer's JWT VC Issuer Metadata. Nothing the
 * token carries is a key by itself: a `jwk` header is only compared with
 * these.
 */
export async function issuerJwks(
  fetcher: Fetcher,
  issuerId: string,
  kid: string | undefined,
): Promise<PublicJwk[]> {
  const wanted = kid === undefined ? undefined : absoluteKid(kid, issuerId);
  const own = issuerId.startsWith("did:key:")
    ? { key: didKeyJwk(issuerId), fragments: [issuerId.slice("did:key:".length)] }
    : issuerId.startsWith("did:jwk:")
      ? { key: didJwkJwk(issuerId), fragments: ["0"] }
      : undefined;
  if (own) {
    const fragment = wanted?.includes("#") ? wanted.slice(wanted.indexOf("#") + 1) : undefined;
    const named =
      wanted === undefined ||
      (baseOf(wanted) === issuerId && (fragment === undefined || own.fragments.includes(fragment)));
    return own.key && named ? [own.key] : [];
  }
  const https = /^https:\/\//.test(issuerId);
  if (!https && !issuerId.startsWith("did:web:")) return [];
  const document = await publishedDocument(fetcher, issuerId);
  const methods = document ? assertionMethods(document, issuerId) : [];
  const keys: PublicJwk[] = [];
  for (const { id, method } of methods
    .filter((m) => wanted === undefined || m.id === wanted)
    .slice(0, MAX_KEYS)) {
    const found = method
      ? [methodJwk(method)]
      : https && baseOf(id) !== issuerId
        ? await referencedJwks(fetcher, id, issuerId)
        : [];
    keys.push(...found.filter((k): k is PublicJwk => !!k));
  }
  if (keys.length === 0 && https) keys.push(...(await metadataJwks(fetcher, issuerId, kid)));
  return keys.slice(0, MAX_KEYS);
}
