import { createPublicKey, type KeyObject } from "node:crypto";
import { encode as base58 } from "base58-universal";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createMapFetcher, type Fetcher } from "../src/fetch";
import { type VerificationReport, verifyCredential } from "../src/verify";

/**
 * VC-JWTs (OB 3.0 section 8.2, VC-JOSE-COSE) signed with jose as an issuer
 * that is not Blason would sign them: the credential is written by hand, the
 * did:key and did:jwk identifiers are encoded here from the public key.
 */

const now = new Date("2026-11-22T12:00:00Z");
const nbf = Date.parse("2026-01-01T00:00:00Z") / 1000;
const step = (report: VerificationReport, id: string) => report.steps.find((s) => s.id === id);
const failed = (report: VerificationReport) => report.steps.filter((s) => s.status === "failed");
const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");

type Alg = "EdDSA" | "ES256" | "RS256";
type Signer = { alg: Alg; privateKey: CryptoKey; jwk: JWK };

async function signer(alg: Alg): Promise<Signer> {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === "RS256" ? { modulusLength: 2048 } : {}),
  });
  return { alg, privateKey, jwk: await exportJWK(publicKey) };
}

/** did:key: multicodec prefix (varint) + public key bytes, base58btc. */
function didKeyOf(jwk: JWK): string {
  const bytes = (prefix: number[], key: Uint8Array) => new Uint8Array([...prefix, ...key]);
  let raw: Uint8Array;
  if (jwk.kty === "OKP") raw = bytes([0xed, 0x01], Buffer.from(jwk.x ?? "", "base64url"));
  else if (jwk.kty === "EC") {
    const y = Buffer.from(jwk.y ?? "", "base64url");
    const odd = (y[y.length - 1] ?? 0) & 1;
    raw = bytes(
      [0x80, 0x24],
      new Uint8Array([odd ? 3 : 2, ...Buffer.from(jwk.x ?? "", "base64url")]),
    );
  } else {
    const der = (createPublicKey({ key: jwk, format: "jwk" }) as KeyObject).export({
      type: "pkcs1",
      format: "der",
    });
    raw = bytes([0x85, 0x24], der);
  }
  return `did:key:z${base58(raw)}`;
}

/** did:jwk: the public JWK itself, base64url. */
const didJwkOf = (jwk: JWK) => `did:jwk:${b64url(JSON.stringify(jwk))}`;

/** An OB 3.0 credential (VC 2.0) as another platform writes it. */
function credential(issuer: string, extra: Record<string, unknown> = {}) {
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: "https://platform.example/credentials/42",
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuer, type: ["Profile"], name: "Autre plateforme" },
    validFrom: "2026-01-01T00:00:00Z",
    name: "Tutorat",
    credentialSubject: {
      id: "did:example:apprentie",
      type: ["AchievementSubject"],
      achievement: {
        id: "https://platform.example/achievements/tutorat",
        type: ["Achievement"],
        name: "Tutorat",
        description: "A accompagné des apprentis.",
        criteria: { narrative: "Trois apprentis accompagnés." },
      },
    },
    ...extra,
  };
}

/** The registered claims OB 3.0 section 8.2.2 asks for, from the credential. */
function claimsOf(vc: ReturnType<typeof credential>) {
  return {
    iss: vc.issuer.id,
    jti: vc.id,
    sub: vc.credentialSubject.id,
    nbf,
    ...("validUntil" in vc && typeof vc.validUntil === "string"
      ? { exp: Date.parse(vc.validUntil) / 1000 }
      : {}),
  };
}

async function jwt(
  s: Signer,
  payload: Record<string, unknown>,
  header: Record<string, unknown>,
): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: s.alg, typ: "JWT", ...header })
    .sign(s.privateKey);
}

/** A VC-JWT whose payload is the credential with its claims (VC-JOSE-COSE, OB 3.0 8.2.2). */
const vcJwt = (
  s: Signer,
  issuer: string,
  header: Record<string, unknown>,
  change: { credential?: Record<string, unknown>; claims?: Record<string, unknown> } = {},
) => {
  const vc = credential(issuer, change.credential);
  return jwt(s, { ...vc, ...claimsOf(vc), ...change.claims }, header);
};

const noNetwork = createMapFetcher({});

function expectVerified(report: VerificationReport) {
  expect(failed(report), JSON.stringify(failed(report))).toEqual([]);
  expect(report).toMatchObject({ verified: true, format: "ob3-jwt" });
  for (const id of ["issuer", "issuer_key", "signature"])
    expect(step(report, id)?.status, id).toBe("passed");
}

function expectRefused(report: VerificationReport, id: string, details: Record<string, unknown>) {
  expect(report.verified).toBe(false);
  const found = step(report, id);
  expect(found, JSON.stringify(report.steps)).toMatchObject({ status: "failed", details });
  expect(found?.reason.fr.length).toBeGreaterThan(10);
  expect(found?.reason.en.length).toBeGreaterThan(10);
  return found;
}

const algs: Alg[] = ["EdDSA", "ES256", "RS256"];
const signers = {} as Record<Alg, Signer>;
beforeAll(async () => {
  for (const alg of algs) signers[alg] = await signer(alg);
});

describe("VC-JWTs whose key the issuer's identifier is (did:key, did:jwk)", () => {
  for (const alg of algs) {
    it(`${alg}, did:key issuer, kid did:key:…#…: verified`, async () => {
      const s = signers[alg];
      const did = didKeyOf(s.jwk);
      const token = await vcJwt(s, did, { kid: `${did}#${did.slice("did:key:".length)}` });
      expectVerified(await verifyCredential(token, { fetcher: noNetwork, now }));
    });

    it(`${alg}, did:jwk issuer, kid did:jwk:…#0: verified`, async () => {
      const s = signers[alg];
      const did = didJwkOf(s.jwk);
      const token = await vcJwt(s, did, { kid: `${did}#0` });
      expectVerified(await verifyCredential(token, { fetcher: noNetwork, now }));
    });

    it(`${alg}, did:jwk issuer, jwk header equal to its key: verified`, async () => {
      const s = signers[alg];
      const token = await vcJwt(s, didJwkOf(s.jwk), { jwk: s.jwk });
      expectVerified(await verifyCredential(token, { fetcher: noNetwork, now }));
    });
  }

  it("a VC 1.1 JWT (vc claim, issuanceDate) from a did:jwk issuer: verified", async () => {
    const s = signers.ES256;
    const did = didJwkOf(s.jwk);
    const { validFrom: _, ...rest } = credential(did);
    const vc = {
      ...rest,
      "@context": [
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      ],
      issuanceDate: "2026-01-01T00:00:00Z",
    };
    const token = await jwt(s, { vc, ...claimsOf(credential(did)) }, { kid: `${did}#0` });
    expectVerified(await verifyCredential(token, { fetcher: noNetwork, now }));
    const wrong = await jwt(
      s,
      { vc, ...claimsOf(credential(did)), nbf: nbf + 86_400 },
      { kid: `${did}#0` },
    );
    expectRefused(await verifyCredential(wrong, { fetcher: noNetwork, now }), "signature", {
      code: "JWT_CLAIMS_MISMATCH",
      claim: "nbf",
    });
  });

  it("claims absent from the payload are taken from the credential (1EdTech's samples have no sub)", async () => {
    const s = signers.EdDSA;
    const did = didJwkOf(s.jwk);
    const { sub: _, ...claims } = claimsOf(credential(did));
    const token = await jwt(s, { ...credential(did), ...claims }, { kid: `${did}#0` });
    expectVerified(await verifyCredential(token, { fetcher: noNetwork, now }));
  });
});

describe("VC-JWTs whose key the issuer publishes (did:web, https)", () => {
  const web = "did:web:autre.example";
  const webUrl = "https://autre.example/.well-known/did.json";
  const didDocument = (methods: Record<string, unknown>[], assertion = true) => ({
    "@context": ["https://www.w3.org/ns/did/v1"],
    id: web,
    verificationMethod: methods,
    ...(assertion ? { assertionMethod: methods.map((m) => m.id) } : {}),
  });
  const profile = (issuer: string, extra: Record<string, unknown> = {}) => ({
    id: issuer,
    type: ["Profile"],
    name: "Autre plateforme",
    ...extra,
  });
  const jsonWebKey = (id: string, controller: string, jwk: JWK) => ({
    id,
    type: "JsonWebKey",
    controller,
    publicKeyJwk: jwk,
  });

  for (const alg of algs) {
    it(`${alg}, did:web issuer, kid naming a JsonWebKey method of its DID document: verified`, async () => {
      const s = signers[alg];
      const fetcher = createMapFetcher({
        [webUrl]: didDocument([jsonWebKey(`${web}#key-1`, web, s.jwk)]),
      });
      expectVerified(
        await verifyCredential(await vcJwt(s, web, { kid: `${web}#key-1` }), { fetcher, now }),
      );
      // A relative kid is a hint within the issuer's DID (VC-JOSE-COSE 3.3.1).
      expectVerified(
        await verifyCredential(await vcJwt(s, web, { kid: "#key-1" }), { fetcher, now }),
      );
    });

    it(`${alg}, https issuer publishing a JWKS (SD-JWT VC issuer metadata), kid in it: verified`, async () => {
      const s = signers[alg];
      const issuer = "https://autre.example/issuers/7";
      const fetcher = createMapFetcher({
        [issuer]: profile(issuer),
        "https://autre.example/.well-known/jwt-vc-issuer/issuers/7": {
          issuer,
          jwks_uri: "https://autre.example/jwks.json",
        },
        "https://autre.example/jwks.json": {
          keys: [
            { ...(await signer(alg)).jwk, kid: "old" },
            { ...s.jwk, kid: "key-2026" },
          ],
        },
      });
      expectVerified(
        await verifyCredential(await vcJwt(s, issuer, { kid: "key-2026" }), { fetcher, now }),
      );
    });

    it(`${alg}, https issuer whose profile lists the key, jwk header equal to it: verified`, async () => {
      const s = signers[alg];
      const issuer = "https://autre.example/issuers/8";
      const fetcher = createMapFetcher({
        [issuer]: profile(issuer, {
          verificationMethod: [jsonWebKey(`${issuer}#k`, issuer, s.jwk)],
        }),
      });
      expectVerified(
        await verifyCredential(await vcJwt(s, issuer, { jwk: s.jwk }), { fetcher, now }),
      );
    });
  }

  for (const alg of ["EdDSA", "ES256"] as const)
    it(`${alg}, did:web issuer whose method is a Multikey: verified`, async () => {
      const s = signers[alg];
      const multibase = didKeyOf(s.jwk).slice("did:key:".length);
      const fetcher = createMapFetcher({
        [webUrl]: didDocument([
          { id: `${web}#mk`, type: "Multikey", controller: web, publicKeyMultibase: multibase },
        ]),
      });
      expectVerified(
        await verifyCredential(await vcJwt(s, web, { kid: `${web}#mk` }), { fetcher, now }),
      );
    });

  it("an https issuer's profile naming a key URL that holds a JWKS: verified", async () => {
    const s = signers.RS256;
    const issuer = "https://autre.example/issuers/9";
    const fetcher = createMapFetcher({
      [issuer]: profile(issuer, { assertionMethod: ["https://autre.example/keys#key-1"] }),
      "https://autre.example/keys": { keys: [{ ...s.jwk, kid: "key-1" }] },
    });
    const token = await vcJwt(s, issuer, { kid: "https://autre.example/keys#key-1" });
    expectVerified(await verifyCredential(token, { fetcher, now }));
  });

  it("a key the issuer publishes for encryption only (use: enc) does not sign: refused", async () => {
    const s = signers.ES256;
    const issuer = "https://autre.example/issuers/10";
    const fetcher = createMapFetcher({
      [issuer]: profile(issuer),
      "https://autre.example/.well-known/jwt-vc-issuer/issuers/10": {
        issuer,
        jwks: { keys: [{ ...s.jwk, kid: "k", use: "enc" }] },
      },
    });
    const report = await verifyCredential(await vcJwt(s, issuer, { kid: "k" }), { fetcher, now });
    expectRefused(report, "issuer_key", { code: "KEY_NOT_FOUND", kid: "k" });
  });

  it("a key only in the DID document's verificationMethod, not an assertion method: refused", async () => {
    const s = signers.EdDSA;
    const fetcher = createMapFetcher({
      [webUrl]: {
        ...didDocument([jsonWebKey(`${web}#key-1`, web, s.jwk)], false),
        authentication: [`${web}#key-1`],
        assertionMethod: [],
      },
    });
    const report = await verifyCredential(await vcJwt(s, web, { kid: `${web}#key-1` }), {
      fetcher,
      now,
    });
    expectRefused(report, "issuer_key", { code: "KEY_NOT_FOUND", kid: `${web}#key-1` });
  });

  it("a key not published by the issuer (jwk header of another key, kid elsewhere): refused at issuer_key", async () => {
    const s = signers.ES256;
    const intruder = await signer("ES256");
    const fetcher = createMapFetcher({
      [webUrl]: didDocument([jsonWebKey(`${web}#key-1`, web, s.jwk)]),
      "https://attacker.example/.well-known/did.json": {
        id: "did:web:attacker.example",
        verificationMethod: [
          jsonWebKey("did:web:attacker.example#k", "did:web:attacker.example", intruder.jwk),
        ],
        assertionMethod: ["did:web:attacker.example#k"],
      },
      "https://attacker.example/jwks.json": { keys: [{ ...intruder.jwk, kid: "k" }] },
    });
    const header = await verifyCredential(await vcJwt(intruder, web, { jwk: intruder.jwk }), {
      fetcher,
      now,
    });
    expectRefused(header, "issuer_key", { code: "KEY_NOT_FOUND" });
    // The issuer's kid with the intruder's jwk: the header key is not the one published.
    const mixed = await verifyCredential(
      await vcJwt(intruder, web, { kid: `${web}#key-1`, jwk: intruder.jwk }),
      { fetcher, now },
    );
    expectRefused(mixed, "issuer_key", { code: "KEY_NOT_FOUND" });
    for (const kid of ["did:web:attacker.example#k", "https://attacker.example/jwks.json#k"]) {
      const elsewhere = await verifyCredential(await vcJwt(intruder, web, { kid }), {
        fetcher,
        now,
      });
      expectRefused(elsewhere, "issuer_key", { code: "KEY_NOT_FOUND", kid });
    }
  });
});

describe("broken VC-JWTs are refused for their own reason", () => {
  const s = () => signers.EdDSA;
  const did = () => didJwkOf(s().jwk);
  const kid = () => ({ kid: `${did()}#0` });
  const verify = async (token: string) => verifyCredential(token, { fetcher: noNetwork, now });

  it("a changed payload: signature mismatch, the key still found", async () => {
    const token = await vcJwt(s(), did(), kid());
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
    claims.name = "Autre chose";
    const report = await verify(`${header}.${b64url(JSON.stringify(claims))}.${signature}`);
    expect(step(report, "issuer_key")?.status).toBe("passed");
    expectRefused(report, "signature", { code: "SIGNATURE_MISMATCH" });
  });

  const mismatches: [string, Record<string, unknown>][] = [
    ["iss", { iss: didJwkOf({ kty: "OKP", crv: "Ed25519", x: b64url(new Uint8Array(32)) }) }],
    ["jti", { jti: "https://platform.example/credentials/43" }],
    ["sub", { sub: "did:example:quelquun-dautre" }],
    ["nbf", { nbf: nbf - 86_400 }],
    ["exp", { exp: Date.parse("2030-01-01T00:00:00Z") / 1000 }],
  ];
  const web = "did:web:autre.example";
  const issuers = () => [
    { kind: "did:jwk", issuer: did(), header: kid(), fetcher: noNetwork },
    {
      kind: "did:web",
      issuer: web,
      header: { kid: `${web}#key-1` },
      fetcher: createMapFetcher({
        "https://autre.example/.well-known/did.json": {
          id: web,
          verificationMethod: [
            { id: `${web}#key-1`, type: "JsonWebKey", controller: web, publicKeyJwk: s().jwk },
          ],
          assertionMethod: [`${web}#key-1`],
        },
      }),
    },
  ];
  for (const [claim, claims] of mismatches)
    it(`a wrong ${claim}: JWT_CLAIMS_MISMATCH naming ${claim}, the key still found (did:jwk, did:web)`, async () => {
      for (const { kind, issuer, header, fetcher } of issuers()) {
        const token = await vcJwt(s(), issuer, header, {
          credential: { validUntil: "2029-01-01T00:00:00Z" },
          claims,
        });
        const report = await verifyCredential(token, { fetcher, now });
        expect(step(report, "issuer_key")?.status, kind).toBe("passed");
        const refused = expectRefused(report, "signature", {
          code: "JWT_CLAIMS_MISMATCH",
          claim,
        });
        expect(refused?.reason.en).toContain(claim);
      }
    });

  it("an expired exp: EXPIRED at validity_period, the signature valid", async () => {
    const expired = await vcJwt(s(), did(), kid(), {
      claims: { exp: Date.parse("2026-06-01T00:00:00Z") / 1000 },
    });
    const report = await verify(expired);
    expect(step(report, "signature")?.status).toBe("passed");
    expectRefused(report, "validity_period", { code: "EXPIRED" });
    expect(report.summary.validUntil).toBe("2026-06-01T00:00:00.000Z");
    // The same with validUntil written in the credential too.
    const both = await vcJwt(s(), did(), kid(), {
      credential: { validUntil: "2026-06-01T00:00:00Z" },
    });
    expectRefused(await verify(both), "validity_period", { code: "EXPIRED" });
  });

  it("a did:jwk kid of another key than the issuer's: KEY_NOT_FOUND", async () => {
    const other = await signer("EdDSA");
    const token = await vcJwt(other, did(), { kid: `${didJwkOf(other.jwk)}#0` });
    expectRefused(await verify(token), "issuer_key", { code: "KEY_NOT_FOUND" });
    const header = await vcJwt(other, did(), { jwk: other.jwk });
    expectRefused(await verify(header), "issuer_key", { code: "KEY_NOT_FOUND" });
  });

  it("a did:key kid naming another did:key: KEY_NOT_FOUND", async () => {
    const other = await signer("EdDSA");
    const issuer = didKeyOf(s().jwk);
    const elsewhere = didKeyOf(other.jwk);
    const token = await vcJwt(other, issuer, {
      kid: `${elsewhere}#${elsewhere.slice("did:key:".length)}`,
    });
    expectRefused(await verify(token), "issuer_key", { code: "KEY_NOT_FOUND" });
  });

  it('an unsigned token (alg "none"): refused at the signature, never taken as signed', async () => {
    const vc = credential(did());
    const header = b64url(JSON.stringify({ alg: "none", typ: "JWT", ...kid() }));
    const token = `${header}.${b64url(JSON.stringify({ ...vc, ...claimsOf(vc) }))}.`;
    expectRefused(await verify(token), "signature", { code: "JWT_UNSIGNED" });
  });

  it("an algorithm that does not fit the key: JWT_ALG_KEY_MISMATCH", async () => {
    // A P-256 signature said to be made with the issuer's Ed25519 key.
    const token = await vcJwt(signers.ES256, did(), kid());
    expectRefused(await verify(token), "signature", {
      code: "JWT_ALG_KEY_MISMATCH",
      alg: "ES256",
    });
  });

  it("a symmetric algorithm (HS256, keyed with the public key): JWT_ALG_UNSUPPORTED", async () => {
    const vc = credential(did());
    const secret = new TextEncoder().encode(JSON.stringify(s().jwk));
    const token = await new SignJWT({ ...vc, ...claimsOf(vc) })
      .setProtectedHeader({ alg: "HS256", ...kid() })
      .sign(secret);
    expectRefused(await verify(token), "signature", { code: "JWT_ALG_UNSUPPORTED", alg: "HS256" });
  });
});

describe("the fetcher is asked only for the issuer's own documents", () => {
  it("a did:key or did:jwk JWT is verified without any fetch", async () => {
    const asked: string[] = [];
    const fetcher: Fetcher = async (url) => {
      asked.push(url);
      return noNetwork(url);
    };
    for (const issuer of [didKeyOf(signers.ES256.jwk), didJwkOf(signers.ES256.jwk)])
      expectVerified(
        await verifyCredential(await vcJwt(signers.ES256, issuer, { jwk: signers.ES256.jwk }), {
          fetcher,
          now,
        }),
      );
    expect(asked).toEqual([]);
  });
});
