import { generateIssuerKey, type IssuerKey } from "@blason/openbadges";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { didKeyIssuer, madeUpProof } from "../../packages/openbadges/test/hostile";
import { createTestPlatform, type TestPlatform } from "./support/platform";
import { describeLatencies, probeHealth } from "./support/probe";

/**
 * The attacker's review: a hostile credential sent to POST /api/verify kept
 * the event loop busy for a minute, and /api/health waited with it. Now the
 * work is bounded (refused at parse) and done in worker threads: the server
 * answers everyone else while a verification runs.
 */
let platform: TestPlatform;
let base: string;
let key: IssuerKey;

beforeAll(async () => {
  platform = await createTestPlatform();
  base = await platform.app.listen({ port: 0, host: "127.0.0.1" });
  key = await generateIssuerKey({ controller: "did:key:pending" });
});
afterAll(() => platform?.close());

function hostileCredential(fill: (achievement: Record<string, unknown>) => void): string {
  const { did } = didKeyIssuer(key);
  const achievement: Record<string, unknown> = {
    id: "https://badges.example/a",
    type: ["Achievement"],
    name: "A",
    description: "d",
    criteria: { narrative: "n" },
  };
  fill(achievement);
  return JSON.stringify({
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: "urn:uuid:7a1e0c52-0b5e-4a4b-9d1b-2f3c4d5e6f70",
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: did, type: ["Profile"], name: "Quelqu'un" },
    validFrom: "2026-01-01T00:00:00Z",
    credentialSubject: { type: ["AchievementSubject"], id: "did:example:x", achievement },
    proof: madeUpProof(key),
  });
}

type Report = {
  verified: boolean;
  steps: { id: string; status: string; reason: { fr: string; en: string }; details?: object }[];
};

const verify = (body: string) =>
  fetch(`${base}/api/verify`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  }).then(async (response) => ({
    status: response.status,
    report: (await response.json()) as Report,
  }));

describe("the cost of a hostile credential", () => {
  it("the reported 20,000-tag credential is refused at parse, with the list and the limit named", async () => {
    const body = hostileCredential((a) => {
      a.tag = Array.from({ length: 20_000 }, (_, i) => `tag-${i}`);
    });
    const { status, report } = await verify(body);
    expect(status).toBe(200);
    expect(report.verified).toBe(false);
    expect(report.steps).toEqual([
      expect.objectContaining({
        id: "parse",
        status: "failed",
        details: expect.objectContaining({ code: "LIMIT_ARRAY", found: 20_000, max: 1_000 }),
      }),
    ]);
    expect(report.steps[0]?.reason.fr).toContain("credentialSubject.achievement.tag");
  });

  it("while a 5 MB credential is being verified, /api/health answers in under 100 ms", async () => {
    // Under every cap, so it is really checked: 900 alignments and 900 tags,
    // padded with long strings to 5 MB.
    const pad = "x".repeat(2_600);
    const body = hostileCredential((a) => {
      a.alignment = Array.from({ length: 900 }, (_, i) => ({
        type: ["Alignment"],
        targetName: `n${i}`,
        targetUrl: `https://x.example/${i}`,
        targetDescription: pad,
        targetCode: `c${i}`,
      }));
      a.tag = Array.from({ length: 900 }, (_, i) => `${pad}${i}`);
    });
    expect(body.length).toBeGreaterThan(4.5 * 1024 * 1024);
    expect(body.length).toBeLessThan(5 * 1024 * 1024);
    const started = performance.now();
    const verification = verify(body);
    const latencies = await probeHealth(base, verification);
    const { status, report } = await verification;
    const took = performance.now() - started;
    console.log(
      `5 MB credential verified in ${took.toFixed(0)} ms; meanwhile ${describeLatencies(latencies)}`,
    );
    expect(status).toBe(200);
    // Really verified: read, then failed at its made-up signature.
    expect(report.steps.find((s) => s.id === "parse")?.status).toBe("passed");
    expect(report.steps.find((s) => s.id === "signature")?.status).toBe("failed");
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });
});
