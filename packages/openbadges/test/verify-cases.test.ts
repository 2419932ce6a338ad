import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Connector,
  createMapFetcher,
  createSafeFetcher,
  type Fetcher,
  type Resolver,
} from "../src/fetch";
import { buildDidDocument, generateIssuerKey, type IssuerKey } from "../src/keys";
import { buildOpenBadgeCredential } from "../src/ob3";
import { signCredential } from "../src/sign";
import {
  buildBitstring,
  buildStatusListCredential,
  createBitstring,
  encodeBitstring,
  MESSAGE_LIST,
  setStatus,
  statusEntry,
} from "../src/status-list";
import { type VerificationReport, verifyCredential } from "../src/verify";

/** Cases the fixtures do not cover: key binding, status methods, SSRF through the verifier, JWT keys. */

const now = new Date("2026-11-22T12:00:00Z");
const step = (report: VerificationReport, id: string) => report.steps.find((s) => s.id === id);
const achievement = {
  id: "https://badges.example/badges/a",
  name: "Accompagnement",
  description: "Le CFA accompagne ses apprentis.",
  criteria: { narrative: "Un accompagnement organisé." },
};
const credentialFor = (
  issuer: string,
  extra: Partial<Parameters<typeof buildOpenBadgeCredential>[0]> = {},
) =>
  buildOpenBadgeCredential({
    issuer: { id: issuer, name: "CFA Exemple" },
    achievement,
    subject: { id: "did:example:apprenti" },
    validFrom: new Date("2026-01-01T00:00:00Z"),
    ...extra,
  });

async function didKeySigner(): Promise<IssuerKey> {
  const k = await generateIssuerKey({ controller: "did:key:pending" });
  const did = `did:key:${k.publicKeyMultibase}`;
  return { ...k, controller: did, id: `${did}#${k.publicKeyMultibase}` };
}

describe("whose key is it", () => {
  it("an https issuer whose key is a document of its own, listed in its profile, verifies", async () => {
    const issuer = "https://cfa.example/issuer";
    const keyUrl = "https://cfa.example/keys/1";
    const key = await generateIssuerKey({ controller: issuer, id: keyUrl });
    const signed = await signCredential(credentialFor(issuer), { key, date: now });
    const keyDoc = {
      "@context": "https://w3id.org/security/multikey/v1",
      id: keyUrl,
      type: "Multikey",
      controller: issuer,
      publicKeyMultibase: key.publicKeyMultibase,
    };
    const listed = createMapFetcher({
      [keyUrl]: keyDoc,
      [issuer]: { id: issuer, type: "Profile", name: "CFA Exemple", assertionMethod: [keyUrl] },
    });
    const report = await verifyCredential(signed, { fetcher: listed, now });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(report.verified).toBe(true);
    const unlisted = createMapFetcher({
      [keyUrl]: keyDoc,
      [issuer]: { id: issuer, type: "Profile", name: "CFA Exemple", assertionMethod: [] },
    });
    expect((await verifyCredential(signed, { fetcher: unlisted, now })).verified).toBe(false);
  });

  it("a did:key signature on behalf of an https issuer is refused at issuer_key", async () => {
    const key = await didKeySigner();
    const signed = await signCredential(credentialFor("https://cfa.example/issuer"), {
      key,
      date: now,
    });
    const report = await verifyCredential(signed, { fetcher: createMapFetcher({}), now });
    expect(report.verified).toBe(false);
    expect(step(report, "issuer_key")).toMatchObject({
      status: "failed",
      details: { code: "KEY_NOT_ISSUERS" },
    });
  });

  it("an issuer id that resolves nowhere (urn:uuid) verifies, with a warning that nothing ties it to the key", async () => {
    const key = await didKeySigner();
    const signed = await signCredential(
      credentialFor("urn:uuid:5f1c0c36-6c2b-4d49-9d1a-1b0f2c3d4e5f"),
      {
        key,
        date: now,
      },
    );
    const report = await verifyCredential(signed, { fetcher: createMapFetcher({}), now });
    expect(report.verified).toBe(true);
    expect(step(report, "issuer")).toMatchObject({
      status: "warning",
      details: { code: "ISSUER_UNRESOLVABLE" },
    });
  });

  it("a remote @context that is not bundled fails the context step and is never fetched", async () => {
    const key = await didKeySigner();
    const credential = credentialFor(key.controller);
    (credential["@context"] as string[]).push("https://evil.example/context.jsonld");
    const asked: string[] = [];
    const fetcher: Fetcher = async (url) => {
      asked.push(url);
      return { ok: false, url, code: "FETCH_HTTP_STATUS", status: 404, message: "404" };
    };
    const report = await verifyCredential(credential, { fetcher, now });
    expect(step(report, "context")).toMatchObject({ status: "failed" });
    expect(asked.filter((u) => u.includes("evil.example"))).toEqual([]);
  });
});

describe("status methods", () => {
  const issuer = "did:web:cfa.example";
  const didUrl = "https://cfa.example/.well-known/did.json";
  const listUrl = "https://cfa.example/status/1";
  let key: IssuerKey;
  beforeAll(async () => {
    key = await generateIssuerKey({ controller: issuer });
  });
  const list = async (purpose: "revocation" | "suspension", set: number[]) => {
    const bits = createBitstring();
    for (const i of set) setStatus(bits, i, true);
    return signCredential(
      buildStatusListCredential({
        id: listUrl,
        issuer,
        purpose,
        encodedList: encodeBitstring(bits),
        validFrom: now,
      }),
      { key, date: now },
    );
  };

  it("a suspended badge fails at status with its own reason", async () => {
    const signed = await signCredential(
      credentialFor(issuer, {
        credentialStatus: statusEntry({ listUrl, index: 5, purpose: "suspension" }),
      }),
      { key, date: now },
    );
    const report = await verifyCredential(signed, {
      fetcher: createMapFetcher({
        [didUrl]: buildDidDocument({ did: issuer, keys: [key] }),
        [listUrl]: await list("suspension", [5]),
      }),
      now,
    });
    expect(step(report, "status")).toMatchObject({
      status: "failed",
      details: { code: "SUSPENDED" },
      reason: { fr: "Le badge est suspendu par son émetteur." },
    });
  });

  it("one message entry tells valid, suspended and revoked apart, each with its own code", async () => {
    const messageList = "https://cfa.example/status/cfa-1-message";
    const values = { 140001: 0, 140002: 1, 140003: 2, 140004: 3 };
    const signedList = await signCredential(
      buildStatusListCredential({
        id: messageList,
        issuer,
        purpose: "message",
        encodedList: encodeBitstring(
          buildBitstring(
            MESSAGE_LIST,
            Object.entries(values).map(([index, value]) => ({ index: Number(index), value })),
          ),
        ),
        validFrom: now,
      }),
      { key, date: now },
    );
    const fetcher = createMapFetcher({
      [didUrl]: buildDidDocument({ did: issuer, keys: [key] }),
      [messageList]: signedList,
      [listUrl]: await list("revocation", []),
    });
    const statusOf = async (index: number, entry: Record<string, unknown> = {}) => {
      const signed = await signCredential(
        credentialFor(issuer, {
          credentialStatus: {
            ...statusEntry({ listUrl: messageList, index, purpose: "message" }),
            ...entry,
          },
        }),
        { key, date: now },
      );
      const report = await verifyCredential(signed, { fetcher, now });
      return { verified: report.verified, step: step(report, "status") };
    };
    expect(await statusOf(140_001)).toMatchObject({ verified: true, step: { status: "passed" } });
    expect(await statusOf(140_002)).toMatchObject({
      verified: false,
      step: {
        details: { code: "SUSPENDED" },
        reason: { fr: "Le badge est suspendu par son émetteur." },
      },
    });
    expect(await statusOf(140_003)).toMatchObject({
      verified: false,
      step: {
        details: { code: "REVOKED" },
        reason: {
          fr: "Le badge a été révoqué par son émetteur.",
          en: "The badge was revoked by its issuer.",
        },
      },
    });
    // A value whose message is neither: not valid, and the issuer's word is given.
    expect(await statusOf(140_004)).toMatchObject({
      verified: false,
      step: { details: { code: "STATUS_FLAGGED", message: "undefined" } },
    });
    // Two bits without their messages, or messages that do not match the size: malformed.
    expect(await statusOf(140_001, { statusMessage: undefined })).toMatchObject({
      step: { details: { code: "STATUS_MALFORMED" } },
    });
    expect(
      await statusOf(140_001, { statusMessage: [{ status: "0x0", message: "valid" }] }),
    ).toMatchObject({ step: { details: { code: "STATUS_MALFORMED" } } });
    // A message entry pointing at a revocation list is refused, not read as one bit.
    expect(await statusOf(140_001, { statusListCredential: listUrl })).toMatchObject({
      step: { status: "failed", details: { code: "STATUS_MALFORMED" } },
    });
  });

  it("an unreachable list, or a status method we do not know, fails: never 'not revoked' by default", async () => {
    const unreachable = await signCredential(
      credentialFor(issuer, {
        credentialStatus: statusEntry({ listUrl, index: 5, purpose: "revocation" }),
      }),
      { key, date: now },
    );
    const fetcher = createMapFetcher({ [didUrl]: buildDidDocument({ did: issuer, keys: [key] }) });
    expect(step(await verifyCredential(unreachable, { fetcher, now }), "status")).toMatchObject({
      status: "failed",
      details: { code: "STATUS_UNAVAILABLE" },
    });
    // The status step reads the entry whatever the signature: an unknown method is no all-clear.
    const unknown = credentialFor(issuer, {
      credentialStatus: { id: "https://cfa.example/s/1", type: "SomeStatusMethod2030" },
    });
    expect(step(await verifyCredential(unknown, { fetcher, now }), "status")).toMatchObject({
      status: "failed",
      details: { code: "STATUS_UNSUPPORTED" },
    });
  });
});

describe("every remote document goes through the safe fetcher", () => {
  it("a credential pointing its key and status list at the metadata address gets nothing from it", async () => {
    const contacted: string[] = [];
    const connector: Connector = async ({ address }) => {
      contacted.push(address.address);
      return { status: 404, headers: {}, body: new Uint8Array(), truncated: false };
    };
    const resolver: Resolver = async (host) => [
      { address: host === "metadata.example" ? "169.254.169.254" : "93.184.215.14", family: 4 },
    ];
    const fetcher = createSafeFetcher({ resolver, connector });
    const issuer = "did:web:metadata.example";
    const key = await generateIssuerKey({ controller: issuer });
    const signed = await signCredential(
      credentialFor(issuer, {
        credentialStatus: statusEntry({
          listUrl: "http://169.254.169.254/latest/meta-data/",
          index: 1,
          purpose: "revocation",
        }),
      }),
      { key, date: now },
    );
    const report = await verifyCredential(signed, { fetcher, now });
    expect(report.verified).toBe(false);
    expect(step(report, "issuer_key")?.status).toBe("failed");
    expect(contacted.filter((a) => a.startsWith("169.254"))).toEqual([]);
  });

  it("a URL given to verify is fetched through it, and a private one is refused at parse", async () => {
    const key = await didKeySigner();
    const signed = await signCredential(credentialFor(key.controller), { key, date: now });
    const fromUrl = await verifyCredential("https://cfa.example/badges/1.json", {
      fetcher: createMapFetcher({ "https://cfa.example/badges/1.json": signed }),
      now,
    });
    expect(fromUrl).toMatchObject({ verified: true, source: "url" });
    const refused = await verifyCredential("http://10.0.0.1/badge.json", {
      fetcher: createSafeFetcher({
        connector: async () => {
          throw new Error("must not connect");
        },
      }),
    });
    expect(refused.steps[0]).toMatchObject({
      id: "parse",
      status: "failed",
      details: { code: "FETCH_BLOCKED_ADDRESS" },
    });
  });
});

describe("VC-JWT keys", () => {
  const issuer = "did:web:jwt.example";
  const didUrl = "https://jwt.example/.well-known/did.json";
  const token = async (
    privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"],
    header: Record<string, unknown>,
  ) =>
    new SignJWT({ vc: credentialFor(issuer) })
      .setProtectedHeader({ alg: "EdDSA", ...header })
      .setIssuer(issuer)
      .sign(privateKey);

  it("verifies with the key the issuer publishes, and refuses one it does not", async () => {
    const { publicKey, privateKey } = await generateKeyPair("EdDSA", { extractable: true });
    const jwk = await exportJWK(publicKey);
    const didDocument = {
      "@context": ["https://www.w3.org/ns/did/v1"],
      id: issuer,
      verificationMethod: [
        { id: `${issuer}#k1`, type: "JsonWebKey2020", controller: issuer, publicKeyJwk: jwk },
      ],
      assertionMethod: [`${issuer}#k1`],
    };
    const fetcher = createMapFetcher({ [didUrl]: didDocument });
    const good = await verifyCredential(await token(privateKey, { kid: `${issuer}#k1` }), {
      fetcher,
      now,
    });
    expect(good.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(good).toMatchObject({ verified: true, format: "ob3-jwt" });

    const intruder = await generateKeyPair("EdDSA", { extractable: true });
    const forged = await verifyCredential(
      await token(intruder.privateKey, { jwk: await exportJWK(intruder.publicKey) }),
      { fetcher, now },
    );
    expect(forged.verified).toBe(false);
    expect(step(forged, "issuer_key")).toMatchObject({ status: "failed" });

    // A kid under someone else's identifier does not get to choose the key.
    const elsewhere = await verifyCredential(
      await token(intruder.privateKey, { kid: "did:web:attacker.example#k1" }),
      {
        fetcher: createMapFetcher({
          [didUrl]: didDocument,
          "https://attacker.example/.well-known/did.json": {
            id: "did:web:attacker.example",
            verificationMethod: [
              {
                id: "did:web:attacker.example#k1",
                type: "JsonWebKey2020",
                controller: "did:web:attacker.example",
                publicKeyJwk: await exportJWK(intruder.publicKey),
              },
            ],
          },
        }),
        now,
      },
    );
    expect(elsewhere.verified).toBe(false);
  });
});

describe("input caps", () => {
  it("brackets inside strings do not count towards the depth limit", async () => {
    const key = await didKeySigner();
    const credential = credentialFor(key.controller, {
      achievement: { ...achievement, description: `Crochets : ${"[".repeat(500)}` },
    });
    const signed = await signCredential(credential, { key, date: now });
    const report = await verifyCredential(JSON.stringify(signed), {
      fetcher: createMapFetcher({}),
      now,
    });
    expect(report.verified).toBe(true);
  });

  it("real nesting past the limit is refused at parse, before JSON.parse", async () => {
    const report = await verifyCredential(`${'{"a":'.repeat(65)}1${"}".repeat(65)}`);
    expect(report.steps[0]).toMatchObject({ id: "parse", status: "failed" });
  });
});

describe("hostile documents", () => {
  it("a graph of many look-alike blank nodes (a canonicalisation poison) is refused in bounded time", async () => {
    const key = await didKeySigner();
    const signed = await signCredential(credentialFor(key.controller), { key, date: now });
    const poison = {
      ...signed,
      evidence: Array.from({ length: 400 }, () => ({
        type: ["Evidence"],
        name: "x",
        description: "y",
      })),
    };
    const started = Date.now();
    const report = await verifyCredential(poison, { fetcher: createMapFetcher({}), now });
    expect(report.verified).toBe(false);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
