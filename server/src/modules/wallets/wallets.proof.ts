import { createHmac, hkdfSync, randomBytes } from "node:crypto";
import { multikeyJwk, type PublicJwk, publicJwk } from "@blason/openbadges";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { safeEqual } from "../../lib/tokens";

/**
 * The key proofs of OpenID4VCI: a wallet proves it holds the key of a did:key
 * or did:jwk (or of a bare `jwk`), in a JWT signed for this issuer, over a
 * nonce we gave out, recently. Nonces are stateless (a time and a MAC), the
 * offer they serve is single-use anyway.
 */

export const PROOF_TYP = "openid4vci-proof+jwt";
export const PROOF_ALGS = ["EdDSA", "ES256"] as const;
export const NONCE_SECONDS = 300;
/** How far a proof's `iat` may be from our clock. */
const IAT_SKEW_SECONDS = 300;
const MAX_JWT = 8_000;

export type ProofResult =
  | { ok: true; holderDid: string }
  | { ok: false; error: "invalid_proof" | "invalid_nonce"; reason: string };

const nonceKey = (masterKey: Buffer) =>
  Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "blason wallet nonce", 32));

const mac = (masterKey: Buffer, body: string) =>
  createHmac("sha256", nonceKey(masterKey)).update(body).digest("base64url");

export function issueNonce(masterKey: Buffer, now = new Date()): string {
  const body = `${Math.floor(now.getTime() / 1000)}.${randomBytes(16).toString("base64url")}`;
  return `${body}.${mac(masterKey, body)}`;
}

export function nonceIsFresh(masterKey: Buffer, nonce: unknown, now = new Date()): boolean {
  if (typeof nonce !== "string" || nonce.length > 200) return false;
  const [time, random, tag] = nonce.split(".");
  if (!time || !random || !tag) return false;
  if (!safeEqual(tag, mac(masterKey, `${time}.${random}`))) return false;
  const age = now.getTime() / 1000 - Number(time);
  return age >= -IAT_SKEW_SECONDS && age <= NONCE_SECONDS;
}

/** The holder's DID and key a proof names: a did:key or did:jwk `kid`, or a `jwk` (as did:jwk). */
export function holderKey(header: {
  kid?: unknown;
  jwk?: unknown;
}): { did: string; jwk: PublicJwk } | undefined {
  if (header.kid !== undefined && header.jwk !== undefined) return undefined;
  if (typeof header.kid === "string") {
    const did = header.kid.split("#")[0] ?? "";
    if (did.startsWith("did:key:")) {
      const jwk = multikeyJwk(did.slice("did:key:".length));
      return jwk ? { did, jwk } : undefined;
    }
    if (did.startsWith("did:jwk:") && did.length < 4_096) {
      try {
        const raw = JSON.parse(Buffer.from(did.slice(8), "base64url").toString("utf8"));
        const jwk = raw && typeof raw === "object" && !("d" in raw) ? publicJwk(raw) : undefined;
        return jwk ? { did, jwk } : undefined;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }
  const jwk =
    header.jwk && typeof header.jwk === "object" && !("d" in header.jwk)
      ? publicJwk(header.jwk)
      : undefined;
  if (!jwk) return undefined;
  const canonical = { ...jwk };
  delete canonical.alg;
  return { did: `did:jwk:${Buffer.from(JSON.stringify(canonical)).toString("base64url")}`, jwk };
}

/** Whether a JWS algorithm signs with this kind of key. */
export function algFitsKey(alg: unknown, jwk: PublicJwk): boolean {
  if (alg === "EdDSA") return jwk.kty === "OKP" && jwk.crv === "Ed25519";
  if (alg === "ES256") return jwk.kty === "EC" && jwk.crv === "P-256";
  return false;
}

export async function verifyProofJwt(
  jwt: unknown,
  options: { issuer: string; masterKey: Buffer; now?: Date },
): Promise<ProofResult> {
  const now = options.now ?? new Date();
  const fail = (reason: string): ProofResult => ({ ok: false, error: "invalid_proof", reason });
  if (typeof jwt !== "string" || jwt.length > MAX_JWT) return fail("no proof JWT");
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return fail("unreadable header");
  }
  if (header.typ !== PROOF_TYP) return fail(`typ must be ${PROOF_TYP}`);
  const holder = holderKey(header);
  if (!holder) return fail("the key must be a did:key, a did:jwk or a jwk");
  if (!algFitsKey(header.alg, holder.jwk)) return fail("alg does not fit the key");
  let payload: Record<string, unknown>;
  try {
    const key = await importJWK({ ...holder.jwk, alg: header.alg }, header.alg);
    ({ payload } = await jwtVerify(jwt, key, {
      audience: options.issuer,
      typ: PROOF_TYP,
      algorithms: [...PROOF_ALGS],
      currentDate: now,
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : "bad signature");
  }
  const iat = typeof payload.iat === "number" ? payload.iat : undefined;
  if (iat === undefined || Math.abs(now.getTime() / 1000 - iat) > IAT_SKEW_SECONDS)
    return fail("iat missing or too far from now");
  if (!nonceIsFresh(options.masterKey, payload.nonce, now))
    return { ok: false, error: "invalid_nonce", reason: "nonce missing, unknown or expired" };
  return { ok: true, holderDid: holder.did };
}
