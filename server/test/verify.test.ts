import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSampleCommand } from "@blason/openbadges";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let sample: { json: string; png: Buffer; svg: string };
beforeAll(async () => {
  platform = await createTestPlatform();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-verify-"));
  await runSampleCommand({ outDir: dir });
  sample = {
    json: fs.readFileSync(path.join(dir, "credential.json"), "utf8"),
    png: fs.readFileSync(path.join(dir, "credential.png")),
    svg: fs.readFileSync(path.join(dir, "credential.svg"), "utf8"),
  };
});
afterAll(() => platform?.close());

type Report = {
  verified: boolean;
  format: string;
  source: string;
  summary: { name?: string; issuerName?: string };
  steps: { id: string; status: string; reason: { fr: string; en: string } }[];
};

/** A program calling us: no cookie, no CSRF token, the badge as the body. */
async function verify(payload: string | Buffer, contentType: string, query = "") {
  const response = await platform.app.inject({
    method: "POST",
    url: `/api/verify${query}`,
    headers: { "content-type": contentType, origin: "https://another-site.example" },
    payload,
  });
  return response;
}

const step = (report: Report, id: string) => report.steps.find((s) => s.id === id);

describe("POST /api/verify", () => {
  it("verifies a signed credential sent as JSON, without a session or CSRF token", async () => {
    const response = await verify(sample.json, "application/json");
    expect(response.statusCode).toBe(200);
    const report = response.json<Report>();
    expect(report.verified).toBe(true);
    expect(report.format).toBe("ob3-di");
    expect(report.summary.name).toBe("Compétences numériques");
    expect(step(report, "signature")?.status).toBe("passed");
  });

  it("takes application/ld+json, a baked PNG and a baked SVG", async () => {
    const ld = (await verify(sample.json, "application/ld+json")).json<Report>();
    const png = (await verify(sample.png, "image/png")).json<Report>();
    const svg = (await verify(sample.svg, "image/svg+xml")).json<Report>();
    expect([ld.verified, png.verified, svg.verified]).toEqual([true, true, true]);
    expect([png.source, svg.source]).toEqual(["png", "svg"]);
  });

  it("fails a tampered credential on its signature, with a reason in both languages", async () => {
    const tampered = JSON.parse(sample.json);
    tampered.credentialSubject.achievement.name = "Badge falsifié";
    const report = (await verify(JSON.stringify(tampered), "application/json")).json<Report>();
    expect(report.verified).toBe(false);
    const signature = step(report, "signature");
    expect(signature?.status).toBe("failed");
    expect(signature?.reason.fr).toMatch(/signature/i);
    expect(signature?.reason.en).toMatch(/signature/i);
  });

  it("answers garbage with a failed parse step, not an error", async () => {
    const report = (await verify("pas un badge du tout", "text/plain")).json<Report>();
    expect(report.verified).toBe(false);
    expect(step(report, "parse")?.status).toBe("failed");
    const bytes = (
      await verify(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), "image/png")
    ).json<Report>();
    expect(bytes.verified).toBe(false);
    expect(step(bytes, "parse")?.status).toBe("failed");
  });

  it("refuses an empty body with a clear message", async () => {
    const response = await verify("", "text/plain");
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "VERIFY_EMPTY",
      message: expect.stringMatching(/^Donnez un badge à vérifier/),
    });
  });

  it("refuses to fetch a private address named in a URL", async () => {
    const report = (await verify("http://127.0.0.1:9/badge.json", "text/plain")).json<Report>();
    expect(report.verified).toBe(false);
    expect(JSON.stringify(report.steps)).toMatch(/FETCH_BLOCKED_ADDRESS/);
  });

  it("checks the expected recipient when asked", async () => {
    const report = (
      await verify(sample.json, "application/json", "?recipient=someone@example.org")
    ).json<Report>();
    expect(step(report, "recipient_match")?.status).toBe("failed");
    expect(report.verified).toBe(false);
  });

  it("is in the OpenAPI document with its report schema", async () => {
    const doc = (await platform.app.inject({ url: "/api/openapi.json" })).json();
    const operation = doc.paths["/api/verify"].post;
    expect(operation.responses["200"].content["application/json"].schema.properties).toHaveProperty(
      "verified",
    );
  });
});
