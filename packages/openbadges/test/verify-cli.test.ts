import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSampleCommand, runVerifyCommand } from "../src/cli-commands";
import type { Fetcher } from "../src/fetch";

/** The CLI's two commands: a sample that verifies offline, and verify on files. */
describe("credentials sample, then verify", () => {
  let dir: string;
  const fetched: string[] = [];
  /** Offline: any attempt to fetch is recorded and refused. */
  const offline: Fetcher = async (url) => {
    fetched.push(url);
    return { ok: false, url, code: "FETCH_BLOCKED_ADDRESS", message: "offline" };
  };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-sample-"));
    await runSampleCommand({ outDir: dir });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the signed credential, baked PNG and SVG, and the issuer's DID document", () => {
    for (const file of ["credential.json", "credential.png", "credential.svg", "did.json"])
      expect(fs.statSync(path.join(dir, file)).size).toBeGreaterThan(100);
    const credential = JSON.parse(fs.readFileSync(path.join(dir, "credential.json"), "utf8"));
    const did = JSON.parse(fs.readFileSync(path.join(dir, "did.json"), "utf8"));
    expect(did.id).toBe(credential.issuer.id);
  });

  it.each(["credential.json", "credential.png", "credential.svg"])(
    "%s verifies offline, exit code 0, with ✓ per step",
    async (file) => {
      const result = await runVerifyCommand({ target: path.join(dir, file), fetcher: offline });
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toContain("✓ Badge vérifié / Badge verified");
      expect(result.output).toMatch(/✓ signature\s+La signature est valide/);
      expect(result.output).toContain("The signature is valid");
      expect(fetched).toEqual([]);
    },
  );

  it("--json prints the report as JSON", async () => {
    const result = await runVerifyCommand({
      target: path.join(dir, "credential.json"),
      json: true,
      fetcher: offline,
    });
    const report = JSON.parse(result.output);
    expect(report).toMatchObject({ verified: true, format: "ob3-di", source: "json" });
    expect(report.steps.map((s: { id: string }) => s.id)).toEqual([
      "parse",
      "format",
      "context",
      "schema",
      "issuer",
      "issuer_key",
      "signature",
      "validity_period",
      "status",
      "recipient_match",
    ]);
  });

  it("a tampered file fails with exit code 1 and says which step failed", async () => {
    const tampered = path.join(dir, "tampered.json");
    const credential = JSON.parse(fs.readFileSync(path.join(dir, "credential.json"), "utf8"));
    credential.credentialSubject.achievement.name = "Autre chose";
    fs.writeFileSync(tampered, JSON.stringify(credential));
    const result = await runVerifyCommand({ target: tampered, fetcher: offline });
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("✗ Badge NON vérifié / Badge NOT verified");
    expect(result.output).toMatch(/✗ signature/);
  });

  it("a missing file or a directory gives exit code 2", async () => {
    expect((await runVerifyCommand({ target: path.join(dir, "nope.json") })).exitCode).toBe(2);
    expect((await runVerifyCommand({ target: dir })).exitCode).toBe(2);
  });

  it("an expired sample says when it expired", async () => {
    const result = await runVerifyCommand({
      target: path.join(dir, "credential.json"),
      fetcher: offline,
      now: new Date(Date.now() + 5 * 365 * 86_400_000),
    });
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/✗ validity_period\s+Le badge a expiré le/);
    expect(result.output).toContain("The badge expired on");
  });
});
