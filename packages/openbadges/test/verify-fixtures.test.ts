import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { unbakePng } from "../src/bake/png";
import { unbakeSvg } from "../src/bake/svg";
import { createMapFetcher, type Fetcher } from "../src/fetch";
import { verifyCredential } from "../src/verify";
import { describeWithFixtures, fixturesDir } from "./fixtures";

/**
 * The issuers' servers, played by the test: for a verification method
 * https://host/issuers/x#<multibase>, the issuer publishes a profile holding
 * that key. Anything else answers 404. Nothing leaves the process.
 */
function issuerServers(
  methods: string[],
  proofType: string,
  jwtIssuers: { iss: string; jwk: object }[] = [],
): Fetcher {
  const documents = new Map<string, unknown>();
  for (const { iss, jwk } of jwtIssuers)
    documents.set(iss, {
      id: iss,
      type: ["Profile"],
      verificationMethod: [
        { id: `${iss}#key-1`, type: "JsonWebKey2020", controller: iss, publicKeyJwk: jwk },
      ],
    });
  for (const method of methods) {
    const [base, fragment] = method.split("#");
    if (!base || !fragment || !/^https:\/\//.test(base) || !/^z(6Mk|Dna)/.test(fragment)) continue;
    const type = proofType === "Ed25519Signature2020" ? "Ed25519VerificationKey2020" : "Multikey";
    const existing = (documents.get(base) as { verificationMethod: unknown[] } | undefined) ?? {
      id: base,
      type: ["Profile"],
      verificationMethod: [] as unknown[],
    };
    existing.verificationMethod.push({
      id: method,
      type,
      controller: base,
      publicKeyMultibase: fragment,
    });
    documents.set(base, {
      ...existing,
      assertionMethod: existing.verificationMethod.map((m) => (m as { id: string }).id),
    });
  }
  documents.set(
    "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist",
    JSON.parse(
      fs.readFileSync(path.join(fixturesDir, "validator/ob30/bit-string-list/testlist"), "utf8"),
    ),
  );
  return async (url) => {
    const doc = documents.get(url.split("#")[0] ?? "");
    if (!doc)
      return { ok: false, url, code: "FETCH_HTTP_STATUS", status: 404, message: "HTTP 404" };
    const text = JSON.stringify(doc);
    return {
      ok: true,
      status: 200,
      url,
      finalUrl: url,
      contentType: "application/json",
      body: new TextEncoder().encode(text),
      text,
    };
  };
}

/** For a VC-JWT: its issuer and the key its header carries, which the issuer then publishes. */
function jwtIssuer(token: string): { iss: string; jwk: object }[] {
  const [header, payload] = token
    .trim()
    .split(".")
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")));
  const issuer =
    payload?.iss ??
    payload?.issuer?.id ??
    payload?.issuer ??
    payload?.vc?.issuer?.id ??
    payload?.vc?.issuer;
  return header?.jwk && typeof issuer === "string" ? [{ iss: issuer, jwk: header.jwk }] : [];
}

const methodsIn = (text: string) =>
  [...text.matchAll(/"verificationMethod"\s*:\s*"([^"]+)"/g)].map((m) => m[1]!);

type Expectation = { pass: true } | { pass: false; step: string; code?: string };
const pass: Expectation = { pass: true };
const fail = (step: string, code?: string): Expectation => ({
  pass: false,
  step,
  ...(code ? { code } : {}),
});

/** What each OB 3.0 fixture's name promises, and the step that must say so. */
const ob30: Record<string, Expectation> = {
  "simple.json": pass,
  "simple_v1.json": pass,
  "simple-context-alias.json": pass,
  "simple-context-version.json": pass,
  "simple-did-key-method.json": pass,
  "simple-did-web-method.json": pass,
  "simple-multiple-proofs.json": pass,
  "simple-json.png": pass,
  "simple-json.svg": pass,
  "simple-jwt.png": pass,
  "simple-jwt.svg": pass,
  "simple-jwt_v1.png": pass,
  "simple-jwt_v1.svg": pass,
  "endorsement-valid.json": pass,
  // Its 1EdTechRevocationList at 1edtech.edu is not in the fixtures: without it the
  // badge cannot be shown not to be revoked (1EdTech's own test expects it invalid).
  "complete.json": fail("status", "STATUS_UNAVAILABLE"),
  "simple.1ob": pass,
  "complete_v1.json": fail("validity_period", "EXPIRED"),
  "bit-string-list/credential-status-revoked.json": fail("status", "REVOKED"),
  "bit-string-list/credential-status-revoked-blank-nodes.json": fail("status", "REVOKED"),
  "simple-err-context.json": fail("context"),
  "simple-err-type.json": fail("schema"),
  "simple-err-issuer.json": fail("schema"),
  "simple-err-issuer-type.json": fail("schema"),
  "simple-err-issuer-parentorg-type.json": fail("schema"),
  "simple-err-issuer-otheridentifier-type.json": fail("schema"),
  "simple-err-credential-subject-type.json": fail("schema"),
  "simple-err-credential-subject-profile-type.json": fail("schema"),
  "simple-err-credential-subject-identifier-type.json": fail("schema"),
  "simple-err-credential-subject-result-type.json": fail("schema"),
  "simple-err-credential-subject-achievement-result-description-type.json": fail("schema"),
  "simple-err-evidence-type.json": fail("schema"),
  "endorsement-err-schema-status-refresh.json": fail("schema"),
  "simple-err-expired.json": fail("validity_period", "EXPIRED"),
  "simple-err-issued.json": fail("validity_period", "NOT_YET_VALID"),
  "simple-err-proof-method.json": fail("issuer_key"),
  "simple-err-proof-method-no-scheme.json": fail("issuer_key"),
  "simple-err-proof-method-unknown-did-method.json": fail("issuer_key"),
  "simple-err-proof-method-unknown-scheme.json": fail("issuer_key"),
  "simple-err-proof-value.json": fail("signature"),
  "simple-noproof.json": fail("signature"),
};

describeWithFixtures("the pre-standard eddsa-2022 fixture", () => {
  // VC 1.1 and the data-integrity v1 context: the suite is checked under that
  // context, as its issuer signed it (adding the v2 context would redefine
  // protected terms).
  it("simple-eddsa-2022.json verifies, and a changed field fails at the signature", async () => {
    const text = fs.readFileSync(
      path.join(fixturesDir, "validator/ob30/simple-eddsa-2022.json"),
      "utf8",
    );
    const fetcher = issuerServers(methodsIn(text), "DataIntegrityProof");
    const report = await verifyCredential(text, { fetcher });
    const failed = report.steps.filter((s) => s.status === "failed");
    expect(failed, JSON.stringify(failed)).toEqual([]);
    expect(report.verified).toBe(true);
    const tampered = JSON.parse(text);
    tampered.name = `${tampered.name} (modifié)`;
    const broken = await verifyCredential(tampered, { fetcher });
    expect(broken.steps.find((s) => s.id === "signature")?.status).toBe("failed");
  });
});

describeWithFixtures("1EdTech OB 3.0 fixtures get the outcome their names promise", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  // The issuers publish their real keys: those that sign the valid fixtures.
  const realKeys = new Set(
    Object.entries(ob30)
      .filter(([, e]) => e.pass)
      .flatMap(([file]) =>
        methodsIn(
          fs.readFileSync(path.join(fixturesDir, "validator/ob30", file)).toString("latin1"),
        ),
      )
      .map((m) => m.split("#")[1]),
  );
  for (const [file, expected] of Object.entries(ob30)) {
    it(`${file} -> ${expected.pass ? "verified" : `fails at ${expected.step}`}`, async () => {
      const bytes = fs.readFileSync(path.join(fixturesDir, "validator/ob30", file));
      const input = file.endsWith(".png") ? new Uint8Array(bytes) : bytes.toString("utf8");
      const text = bytes.toString("latin1");
      const fetcher = issuerServers(
        methodsIn(text).filter((m) => realKeys.has(m.split("#")[1])),
        text.includes('"Ed25519Signature2020"') ? "Ed25519Signature2020" : "DataIntegrityProof",
      );
      const baked = file.endsWith(".png")
        ? unbakePng(new Uint8Array(bytes))?.payload
        : file.endsWith(".svg")
          ? unbakeSvg(bytes.toString("utf8"))?.payload
          : undefined;
      const jwt = baked && !baked.trim().startsWith("{") ? jwtIssuer(baked) : [];
      const report = await verifyCredential(input, {
        fetcher: jwt.length > 0 ? issuerServers([], "DataIntegrityProof", jwt) : fetcher,
        now,
      });
      const failed = report.steps.filter((s) => s.status === "failed");
      if (expected.pass) {
        expect(failed, JSON.stringify(failed)).toEqual([]);
        expect(report.verified).toBe(true);
      } else {
        expect(report.verified).toBe(false);
        const step = failed.find((s) => s.id === expected.step);
        expect(
          step,
          `steps: ${JSON.stringify(report.steps.map((s) => [s.id, s.status, s.reason.en]))}`,
        ).toBeDefined();
        expect(step!.reason.fr.length).toBeGreaterThan(10);
        if (expected.code) expect(step!.details?.code).toBe(expected.code);
      }
    });
  }
});

describeWithFixtures("JWTs whose keys are out of reach, and selective disclosure", () => {
  const read = (file: string) =>
    fs.readFileSync(path.join(fixturesDir, "validator/ob30", file), "utf8");
  const now = new Date("2026-11-22T12:00:00Z");

  it("simple.jwt names no key and its issuer's profile is not available: refused at issuer_key", async () => {
    const report = await verifyCredential(read("simple.jwt"), {
      fetcher: issuerServers([], "DataIntegrityProof"),
      now,
    });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "issuer_key")?.status).toBe("failed");
  });

  it("velocity.jwt uses did:velocity, which we do not resolve: refused at issuer_key", async () => {
    const report = await verifyCredential(read("velocity.jwt"), {
      fetcher: issuerServers([], "DataIntegrityProof"),
      now,
    });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "issuer_key")?.status).toBe("failed");
  });

  it("sd/derivedcredential.json: a holder's selective disclosure (ecdsa-sd-2023) verifies against the issuer's P-256 key", async () => {
    const text = read("sd/derivedcredential.json");
    const report = await verifyCredential(text, {
      fetcher: issuerServers(methodsIn(text), "DataIntegrityProof"),
      now,
    });
    const failed = report.steps.filter((s) => s.status === "failed");
    expect(failed, JSON.stringify(failed)).toEqual([]);
    expect(report.verified).toBe(true);
    // Tampering with a disclosed value breaks it.
    const tampered = JSON.parse(text);
    tampered.credentialSubject.achievement.name = "Autre chose";
    const broken = await verifyCredential(tampered, {
      fetcher: issuerServers(methodsIn(text), "DataIntegrityProof"),
      now,
    });
    expect(broken.verified).toBe(false);
    expect(broken.steps.find((s) => s.id === "signature")?.status).toBe("failed");
  });
});

/**
 * credential-status-revoked.json: a did:web issuer at dc.1edtech.org with a
 * 1EdTechRevocationList. The test plays dc.1edtech.org: its DID document
 * publishes the key that really signs the fixture (the signature is checked),
 * and its revocation list is either missing (not in the fixtures) or, in the
 * format of the 1EdTech Revocation List, names the credential.
 */
describeWithFixtures("credential-status-revoked.json (1EdTechRevocationList)", () => {
  const file = path.join(fixturesDir, "validator/ob30/credential-status-revoked.json");
  const text = fs.readFileSync(file, "utf8");
  const credential = JSON.parse(text) as { id?: string; credentialStatus?: { id?: string } };
  const did =
    "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c";
  const multibase = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
  const didDocument = {
    "@context": ["https://www.w3.org/ns/did/v1"],
    id: did,
    verificationMethod: [
      {
        id: `${did}#${multibase}`,
        type: "Ed25519VerificationKey2020",
        controller: did,
        publicKeyMultibase: multibase,
      },
    ],
    assertionMethod: [`${did}#${multibase}`],
  };
  const didUrl =
    "https://dc.1edtech.org/wellspring2022/wellspring-portal/org/da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json";
  const now = new Date("2026-11-22T12:00:00Z");

  it("signature checks out through did:web; without its revocation list it fails at status", async () => {
    const report = await verifyCredential(text, {
      fetcher: createMapFetcher({ [didUrl]: didDocument }),
      now,
    });
    expect(report.steps.find((s) => s.id === "signature")?.status).toBe("passed");
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "status")).toMatchObject({
      status: "failed",
      details: { code: "STATUS_UNAVAILABLE" },
    });
  });

  it("with a revocation list naming it, it fails at status as revoked", async () => {
    const report = await verifyCredential(text, {
      fetcher: createMapFetcher({
        [didUrl]: didDocument,
        [credential.credentialStatus?.id ?? ""]: {
          id: credential.credentialStatus?.id,
          issuer: did,
          revokedCredentials: [{ id: credential.id, revoked: true, revocationReason: "Test" }],
        },
      }),
      now,
    });
    expect(report.steps.find((s) => s.id === "status")).toMatchObject({
      status: "failed",
      details: { code: "REVOKED" },
      reason: { en: "The badge was revoked by its issuer: Test." },
    });
  });
});

describeWithFixtures("every OB 3.0 fixture has a stated outcome", () => {
  it("no file in validator/ob30 is left out", () => {
    const root = path.join(fixturesDir, "validator/ob30");
    const files = fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
    const covered = new Set([
      ...Object.keys(ob30),
      "simple-eddsa-2022.json",
      "simple.jwt",
      "velocity.jwt",
      "sd/derivedcredential.json",
      "credential-status-revoked.json",
      // The status list credential the bit-string-list fixtures point to, served by issuerServers.
      "bit-string-list/testlist",
    ]);
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });
});
