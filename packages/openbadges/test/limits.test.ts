import { beforeAll, describe, expect, it } from "vitest";
import { bakePng } from "../src/bake/png";
import { createMapFetcher } from "../src/fetch";
import { generateIssuerKey, type IssuerKey } from "../src/keys";
import { DEFAULT_LIMITS, measureDocument } from "../src/limits";
import { buildOpenBadgeCredential } from "../src/ob3";
import { badgeImageSvg, renderSvgToPng } from "../src/render";
import { canonicalize, signCredential } from "../src/sign";
import { verifyCredential } from "../src/verify";
import { didKeyIssuer, madeUpProof } from "./hostile";

/**
 * The attacker's review: a 210 KB credential whose achievement.tag held
 * 20,000 strings, with a made-up proof, kept the verifier busy for a minute
 * (jsonld's node map checks every new value against all the previous ones of
 * the same property: the cost grows with the square of the list). The work
 * is bounded before any JSON-LD is done.
 */
let key: IssuerKey;
const fetcher = createMapFetcher({});

type Credential = Record<string, unknown> & {
  credentialSubject: Record<string, unknown> & { achievement: Record<string, unknown> };
};

function credentialWith(mutate: (c: Credential) => void): Credential {
  const { did } = didKeyIssuer(key);
  const c = buildOpenBadgeCredential({
    issuer: { id: did, name: "Émetteur" },
    achievement: {
      id: "https://badges.example/a",
      name: "A",
      description: "Un badge.",
      criteria: { narrative: "Des critères." },
    },
    subject: { id: "did:example:holder" },
    validFrom: new Date("2026-01-01T00:00:00Z"),
  }) as unknown as Credential;
  mutate(c);
  c.proof = madeUpProof(key);
  return c;
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => `tag-${i}`);

beforeAll(async () => {
  key = await generateIssuerKey({ controller: "did:key:pending" });
});

describe("hostile sizes are refused at the parse step", () => {
  it("the reported 20,000-tag credential is refused, naming the list and the limit, in French and English", async () => {
    const hostile = credentialWith((c) => {
      c.credentialSubject.achievement.tag = tags(20_000);
    });
    const text = JSON.stringify(hostile);
    expect(text.length).toBeGreaterThan(200_000);
    const report = await verifyCredential(text, { fetcher });
    expect(report.verified).toBe(false);
    expect(report.steps).toHaveLength(1);
    expect(report.steps[0]).toMatchObject({
      id: "parse",
      status: "failed",
      details: {
        code: "LIMIT_ARRAY",
        path: "credentialSubject.achievement.tag",
        found: 20_000,
        max: DEFAULT_LIMITS.maxArrayLength,
      },
    });
    expect(report.steps[0]!.reason.fr).toContain("credentialSubject.achievement.tag");
    expect(report.steps[0]!.reason.fr).toContain("20 000");
    expect(report.steps[0]!.reason.en).toContain("20,000");
    expect(report.steps[0]!.reason.en).toContain("1,000");
  });

  it("the same credential baked in a PNG or pasted as an object is refused the same way", async () => {
    const hostile = credentialWith((c) => {
      c.credentialSubject.achievement.tag = tags(5_000);
    });
    const png = bakePng(
      renderSvgToPng(badgeImageSvg({ title: "A", subtitle: "" }), { width: 64 }),
      JSON.stringify(hostile),
      { version: "3.0" },
    );
    for (const input of [png, hostile]) {
      const report = await verifyCredential(input, { fetcher });
      expect(report.steps[0]).toMatchObject({
        id: "parse",
        status: "failed",
        details: { code: "LIMIT_ARRAY" },
      });
    }
  });

  it("many short lists that add up to too many values are refused by the node count", async () => {
    const hostile = credentialWith((c) => {
      c.credentialSubject.achievement.alignment = Array.from({ length: 900 }, (_, i) => ({
        type: ["Alignment"],
        targetName: `n${i}`,
        targetUrl: `https://x.example/${i}`,
        targetDescription: "d",
        targetCode: `c${i}`,
      }));
      c.credentialSubject.result = Array.from({ length: 900 }, (_, i) => ({
        type: ["Result"],
        value: `v${i}`,
        resultDescription: `urn:uuid:${i}`,
      }));
      c.credentialSubject.achievement.tag = tags(900);
      c.credentialSubject.achievement.resultDescription = Array.from({ length: 900 }, (_, i) => ({
        id: `urn:uuid:${i}`,
        type: ["ResultDescription"],
        name: `r${i}`,
        resultType: "Status",
        allowedValue: ["a", "b"],
      }));
      c.evidence = Array.from({ length: 900 }, (_, i) => ({
        id: `https://x.example/e/${i}`,
        type: ["Evidence"],
        name: `e${i}`,
        description: "d",
        narrative: "n",
      }));
    });
    const report = await verifyCredential(JSON.stringify(hostile), { fetcher });
    expect(report.steps[0]).toMatchObject({
      id: "parse",
      status: "failed",
      details: { code: "LIMIT_NODES", max: DEFAULT_LIMITS.maxNodes },
    });
    expect(report.steps[0]!.reason.en).toMatch(/values/);
  });

  it("a list at the limit is read and checked as usual (its made-up proof fails at the signature)", async () => {
    const atLimit = credentialWith((c) => {
      c.credentialSubject.achievement.tag = tags(DEFAULT_LIMITS.maxArrayLength);
    });
    const report = await verifyCredential(JSON.stringify(atLimit), { fetcher });
    expect(report.steps[0]).toMatchObject({ id: "parse", status: "passed" });
    expect(report.steps.find((s) => s.id === "signature")?.status).toBe("failed");
  });
});

describe("the bounds hold wherever JSON-LD is done", () => {
  it("canonicalisation refuses a document over the node caps before expanding it", async () => {
    const hostile = credentialWith((c) => {
      c.credentialSubject.achievement.tag = tags(20_000);
    });
    await expect(canonicalize(hostile)).rejects.toThrow(/1,000/);
  });

  it("canonicalisation refuses a dataset with more statements than the quad cap", async () => {
    const doc = credentialWith((c) => {
      c.credentialSubject.achievement.tag = tags(50);
    });
    await expect(canonicalize(doc, undefined, { ...DEFAULT_LIMITS, maxQuads: 40 })).rejects.toThrow(
      /statements/,
    );
    await expect(canonicalize(doc)).resolves.toContain("tag-49");
  });

  it("signing refuses a credential over the caps", async () => {
    const { did, method } = didKeyIssuer(key);
    const signer = { ...key, controller: did, id: method };
    const big = credentialWith((c) => {
      c.credentialSubject.achievement.tag = tags(1_500);
    });
    delete big.proof;
    await expect(signCredential(big, { key: signer })).rejects.toThrow(/1,500/);
  });

  it("measureDocument finds the first breach of each kind and nothing under the caps", () => {
    expect(measureDocument({ a: [1, 2, 3] })).toBeUndefined();
    expect(
      measureDocument({ a: { b: [1, 2, 3] } }, { ...DEFAULT_LIMITS, maxArrayLength: 2 }),
    ).toMatchObject({
      code: "LIMIT_ARRAY",
      path: "a.b",
      found: 3,
    });
    expect(
      measureDocument({ a: [{ b: 1 }, { b: 2 }] }, { ...DEFAULT_LIMITS, maxNodes: 4 }),
    ).toMatchObject({
      code: "LIMIT_NODES",
    });
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = { d: deep };
    expect(measureDocument(deep)).toMatchObject({ code: "LIMIT_DEPTH", max: 64 });
  });
});
