import { createPrivateKey, hkdfSync, type JsonWebKey } from "node:crypto";

const derive = (masterKey: Buffer, purpose: string) =>
  Buffer.from(hkdfSync("sha256", masterKey, "blason oauth", purpose, 32));

/** PKCS#8 for an Ed25519 private key is this prefix and the 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/**
 * The authorization server's secrets, derived from MASTER_KEY with HKDF (one
 * label each), never stored: its Ed25519 signing key (ID tokens, JWKS) and the
 * key of its signed cookies. Whoever lacks MASTER_KEY can forge neither.
 */
export function oauthKeysFrom(masterKey: Buffer): { signing: JsonWebKey; cookies: string } {
  const seed = derive(masterKey, "blason/oauth/signing-ed25519/v1");
  const key = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  const jwk = key.export({ format: "jwk" });
  return {
    signing: { ...jwk, alg: "EdDSA", use: "sig", kid: `blason-oauth-${jwk.x?.slice(0, 12)}` },
    cookies: derive(masterKey, "blason/oauth/cookies/v1").toString("base64url"),
  };
}
