import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { bakePng } from "../src/bake/png";
import { bakeSvg } from "../src/bake/svg";
import { defaultDocumentLoader } from "../src/contexts";
import { createMapFetcher } from "../src/fetch";
import { buildDidDocument, generateIssuerKey, type IssuerKey } from "../src/keys";
import { buildOpenBadgeCredential, hashedIdentifier } from "../src/ob3";
import { badgeImageSvg, renderSvgToPng } from "../src/render";
import { signCredential } from "../src/sign";
import {
  buildBitstring,
  buildStatusListCredential,
  createBitstring,
  encodeBitstring,
  MESSAGE_LIST,
  STATUS_VALUES,
  setStatus,
  statusEntry,
} from "../src/status-list";
import { type VerifyInput, verifyCredential } from "../src/verify";

const ISSUER = "did:web:badges.region.example:issuers:region";
const DID_URL = "https://badges.region.example/issuers/region/did.json";
const LIST_URL = "https://badges.region.example/status/1";
const now = new Date("2026-11-22T12:00:00Z");

let key: IssuerKey;
let credential: Record<string, unknown>;
let signed: Record<string, unknown>;
let documents: Record<string, object>;

async function statusList(revoked: number[]) {
  const bits = createBitstring();
  for (const i of revoked) setStatus(bits, i, true);
  return signCredential(
    buildStatusListCredential({
      id: LIST_URL,
      issuer: ISSUER,
      purpose: "revocation",
      encodedList: encodeBitstring(bits),
      validFrom: now,
    }),
    { key, date: now },
  );
}

beforeAll(async () => {
  key = await generateIssuerKey({ controller: ISSUER });
  credential = buildOpenBadgeCredential({
    issuer: { id: ISSUER, name: "Région Normandie" },
    achievement: {
      id: "https://badges.region.example/badges/veille",
      name: "Veille",
      description: "Le CFA organise une veille sur les pratiques et les métiers.",
      criteria: { narrative: "Une veille organisée, partagée et utilisée." },
    },
    subject: { identifier: [hashedIdentifier("emailAddress", "contact@cfa.example", "salt123")] },
    validFrom: new Date("2026-01-01T00:00:00Z"),
    validUntil: new Date("2030-01-01T00:00:00Z"),
    credentialStatus: statusEntry({ listUrl: LIST_URL, index: 42, purpose: "revocation" }),
  });
  signed = await signCredential(credential, { key, date: now });
  documents = {
    [DID_URL]: buildDidDocument({ did: ISSUER, keys: [key] }),
    [LIST_URL]: await statusList([7]),
  };
});

describe("Blason's own credentials", () => {
  it("a did:web issuer's credential verifies through its published DID document", async () => {
    const report = await verifyCredential(signed, { fetcher: createMapFetcher(documents), now });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(report).toMatchObject({
      verified: true,
      format: "ob3-di",
      summary: { name: "Veille", issuerName: "Région Normandie" },
    });
  });

  it("its proofs are a list; a credential stored with its proof alone still verifies, and the schema step says so", async () => {
    expect(signed.proof).toEqual([expect.objectContaining({ cryptosuite: "eddsa-rdfc-2022" })]);
    const fetcher = createMapFetcher(documents);
    const listed = await verifyCredential(signed, { fetcher, now });
    expect(listed.steps.find((s) => s.id === "schema")?.status).toBe("passed");
    const stored = { ...signed, proof: (signed.proof as unknown[])[0] };
    const report = await verifyCredential(stored, { fetcher, now });
    expect(report.verified).toBe(true);
    expect(report.steps.find((s) => s.id === "signature")?.status).toBe("passed");
    const schema = report.steps.find((s) => s.id === "schema");
    expect(schema).toMatchObject({
      status: "warning",
      details: {
        code: "SCHEMA_SINGLE_VALUE",
        problems: [expect.objectContaining({ path: "proof" })],
      },
    });
    expect(schema?.reason.fr).toContain("demande une liste");
    expect(schema?.reason.en).toContain("asks for a list");
  });

  it("the same credential baked in PNG and SVG verifies", async () => {
    const json = JSON.stringify(signed);
    const svg = badgeImageSvg({ title: "Veille", subtitle: "2026" });
    const fetcher = createMapFetcher(documents);
    expect(
      (
        await verifyCredential(
          bakePng(renderSvgToPng(svg, { width: 200 }), json, { version: "3.0" }),
          { fetcher, now },
        )
      ).verified,
    ).toBe(true);
    expect(
      (await verifyCredential(bakeSvg(svg, json, { version: "3.0" }), { fetcher, now })).verified,
    ).toBe(true);
  });

  it("a revoked credential fails at status, once its bit is set in the signed list", async () => {
    const fetcher = createMapFetcher({ ...documents, [LIST_URL]: await statusList([7, 42]) });
    const report = await verifyCredential(signed, { fetcher, now });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "status")).toMatchObject({
      status: "failed",
      details: { code: "REVOKED" },
    });
  });

  it("a status list signed by someone else does not count", async () => {
    const other = await generateIssuerKey({ controller: "did:key:x" });
    const bits = createBitstring();
    const forged = await signCredential(
      buildStatusListCredential({
        id: LIST_URL,
        issuer: ISSUER,
        purpose: "revocation",
        encodedList: encodeBitstring(bits),
        validFrom: now,
      }),
      {
        key: {
          ...other,
          controller: `did:key:${other.publicKeyMultibase}`,
          id: `did:key:${other.publicKeyMultibase}#${other.publicKeyMultibase}`,
        },
        date: now,
      },
    );
    const report = await verifyCredential(signed, {
      fetcher: createMapFetcher({ ...documents, [LIST_URL]: forged }),
      now,
    });
    expect(report.steps.find((s) => s.id === "status")?.status).toBe("failed");
  });

  it("an expired credential fails at validity, and says when it expired", async () => {
    const report = await verifyCredential(signed, {
      fetcher: createMapFetcher(documents),
      now: new Date("2031-01-01T00:00:00Z"),
    });
    expect(report.steps.find((s) => s.id === "validity_period")).toMatchObject({
      status: "failed",
      reason: {
        fr: "Le badge a expiré le 1 janvier 2030.",
        en: "The badge expired on 1 January 2030.",
      },
    });
  });

  it("matches the recipient by hashed email, and refuses someone else", async () => {
    const fetcher = createMapFetcher(documents);
    const right = await verifyCredential(signed, {
      fetcher,
      now,
      recipient: { email: "Contact@CFA.example" },
    });
    expect(right.steps.find((s) => s.id === "recipient_match")?.status).toBe("passed");
    const wrong = await verifyCredential(signed, {
      fetcher,
      now,
      recipient: { email: "someone@else.example" },
    });
    expect(wrong.verified).toBe(false);
  });

  it("a key the issuer does not publish is refused, even if the signature is valid", async () => {
    const intruder = await generateIssuerKey({ controller: ISSUER });
    const forged = await signCredential(credential, { key: intruder, date: now });
    const report = await verifyCredential(forged, { fetcher: createMapFetcher(documents), now });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "issuer_key")?.status).toBe("failed");
  });

  it("keeps verifying old credentials after a key rotation", async () => {
    const next = await generateIssuerKey({ controller: ISSUER });
    const rotated = {
      ...documents,
      [DID_URL]: buildDidDocument({ did: ISSUER, keys: [key, next] }),
    };
    expect(
      (await verifyCredential(signed, { fetcher: createMapFetcher(rotated), now })).verified,
    ).toBe(true);
    const revokedKey = {
      ...documents,
      [DID_URL]: buildDidDocument({ did: ISSUER, keys: [{ ...key, revoked: true }, next] }),
    };
    expect(
      (await verifyCredential(signed, { fetcher: createMapFetcher(revokedKey), now })).verified,
    ).toBe(false);
  });
});

/** Every leaf of a JSON value, as a path and its value. */
function leaves(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; value: unknown }[] {
  if (value && typeof value === "object")
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      leaves(v, [...path, Array.isArray(value) ? Number(k) : k]),
    );
  return [{ path, value }];
}
function setAt(root: unknown, path: (string | number)[], next: unknown) {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[path.at(-1)!] = next;
  return copy;
}

describe("properties", () => {
  it("tampering with any field makes Blason and @digitalbazaar/vc fail", async () => {
    const fetcher = createMapFetcher(documents);
    const fields = leaves(signed).filter(
      (l) => l.path[0] !== "proof" && l.path[0] !== "credentialStatus",
    );
    const suite = new DataIntegrityProof({ cryptosuite });
    const loader = async (url: string) => {
      if (url.startsWith(ISSUER)) {
        const did = documents[DID_URL] as Record<string, unknown>;
        if (url.includes("#"))
          return {
            contextUrl: null,
            documentUrl: url,
            document: {
              "@context": "https://w3id.org/security/multikey/v1",
              ...(did.verificationMethod as object[])[0],
            },
          };
        return { contextUrl: null, documentUrl: url, document: did };
      }
      return defaultDocumentLoader(url);
    };
    const checkStatus = async () => ({ verified: true });
    expect(
      (
        await vc.verifyCredential({
          credential: signed,
          suite,
          documentLoader: loader,
          now,
          checkStatus,
        })
      ).verified,
    ).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean()),
        async (field, replacement) => {
          fc.pre(replacement !== field.value);
          const tampered = setAt(signed, field.path, replacement);
          const ours = await verifyCredential(tampered, { fetcher, now });
          expect(ours.verified).toBe(false);
          const theirs = await vc
            .verifyCredential({
              credential: tampered,
              suite,
              documentLoader: loader,
              now,
              checkStatus,
            })
            .catch(() => ({ verified: false }));
          expect(theirs.verified).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("garbage of every kind gets a report, never an exception", async () => {
    const fetcher = createMapFetcher({});
    const png = renderSvgToPng(badgeImageSvg({ title: "X" }), { width: 50 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }),
          fc.json({ maxDepth: 4 }),
          fc.jsonValue({ maxDepth: 3 }),
          fc
            .string()
            .map((s) => `eyJhbGciOiJFZERTQSJ9.${Buffer.from(s).toString("base64url")}.c2ln`),
          fc
            .string()
            .map(
              (s) =>
                `<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential>${s}</openbadges:credential></svg>`,
            ),
          fc
            .integer({ min: 0, max: 2000 })
            .map((cut) =>
              bakePng(png, JSON.stringify(signed), { version: "3.0" }).subarray(0, cut),
            ),
          fc.integer({ min: 1, max: 4000 }).map((cut) => JSON.stringify(signed).slice(0, cut)),
        ),
        async (input) => {
          const report = await verifyCredential(input as VerifyInput, {
            fetcher,
            now,
            timeoutMs: 5000,
          });
          expect(typeof report.verified).toBe("boolean");
          expect(report.steps.length).toBeGreaterThan(0);
          if (typeof input === "string" && input.length < JSON.stringify(signed).length)
            expect(report.verified).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("refuses a document nested beyond the depth limit without parsing it", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const report = await verifyCredential(deep);
    expect(report.verified).toBe(false);
    expect(report.steps[0]?.id).toBe("parse");
  });
});

describe("interoperability", () => {
  it("@digitalcredentials/verifier-core accepts a did:key credential Blason signs, and refuses it tampered", async () => {
    const calls: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request) => {
      calls.push(String(input));
      throw new Error("no network in tests");
    }) as typeof fetch;
    try {
      const { verifyCredential: dccVerify } = await import("@digitalcredentials/verifier-core");
      const k = await generateIssuerKey({ controller: "did:key:pending" });
      const did = `did:key:${k.publicKeyMultibase}`;
      const didKey = { ...k, controller: did, id: `${did}#${k.publicKeyMultibase}` };
      const credentialByKey = {
        ...credential,
        issuer: { id: did, type: ["Profile"], name: "Région Normandie" },
      };
      delete (credentialByKey as Record<string, unknown>).credentialStatus;
      const good = await signCredential(credentialByKey, { key: didKey, date: now });
      const result = (await dccVerify({ credential: good, knownDIDRegistries: [] })) as {
        log?: { id: string; valid: boolean }[];
      };
      const signature = result.log?.find((l) => l.id === "valid_signature");
      expect(signature?.valid, JSON.stringify(result).slice(0, 800)).toBe(true);
      const bad = (await dccVerify({
        credential: { ...good, name: "Forged" },
        knownDIDRegistries: [],
      })) as { log?: { id: string; valid: boolean }[] };
      expect(bad.log?.find((l) => l.id === "valid_signature")?.valid ?? false).toBe(false);
      // Its only outbound attempt is 1EdTech's JSON schema for its own schema check (refused here).
      expect(
        calls.filter((url) => !url.startsWith("https://purl.imsglobal.org/spec/ob/v3p0/schema/")),
      ).toEqual([]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it("@digitalcredentials/verifier-core reads a message entry: valid passes, suspended and revoked fail", async () => {
    // It reads one bit at statusListIndex whatever statusSize says; the
    // message list sets that bit (where no entry lives) when the badge is not valid.
    const k = await generateIssuerKey({ controller: "did:key:pending" });
    const did = `did:key:${k.publicKeyMultibase}`;
    const didKey = { ...k, controller: did, id: `${did}#${k.publicKeyMultibase}` };
    const listUrl = "https://badges.region.example/status/region-1-message";
    const index = { valid: 150_000, suspended: 150_001, revoked: 150_002 };
    const list = await signCredential(
      buildStatusListCredential({
        id: listUrl,
        issuer: did,
        purpose: "message",
        encodedList: encodeBitstring(
          buildBitstring(MESSAGE_LIST, [
            { index: index.suspended, value: STATUS_VALUES.suspended },
            { index: index.revoked, value: STATUS_VALUES.revoked },
          ]),
        ),
        validFrom: now,
      }),
      { key: didKey, date: now },
    );
    const realFetch = globalThis.fetch;
    const calls: string[] = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      const url = input instanceof Request ? input.url : String(input);
      calls.push(url);
      if (url === listUrl)
        return new Response(JSON.stringify(list), {
          headers: { "content-type": "application/json" },
        });
      throw new Error("no network in tests");
    }) as typeof fetch;
    try {
      const { verifyCredential: dccVerify } = await import("@digitalcredentials/verifier-core");
      const statusCheck = async (position: number) => {
        const good = await signCredential(
          {
            ...credential,
            issuer: { id: did, type: ["Profile"], name: "Région Normandie" },
            credentialStatus: statusEntry({ listUrl, index: position, purpose: "message" }),
          },
          { key: didKey, date: now },
        );
        const result = (await dccVerify({ credential: good, knownDIDRegistries: [] })) as {
          log?: { id: string; valid: boolean }[];
        };
        expect(result.log?.find((l) => l.id === "valid_signature")?.valid).toBe(true);
        return result.log?.find((l) => l.id === "message_status")?.valid;
      };
      expect(await statusCheck(index.valid)).toBe(true);
      expect(await statusCheck(index.suspended)).toBe(false);
      expect(await statusCheck(index.revoked)).toBe(false);
      expect(calls).toContain(listUrl);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
