import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/cli";

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    async () => {
      throw new Error("these commands need no database");
    },
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("credential commands", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-sample-"));

  it("credentials sample writes a signed credential, baked PNG and SVG, and did.json", async () => {
    const result = await cli(["credentials", "sample", "--out", dir]);
    expect(result.code).toBe(0);
    for (const file of ["credential.json", "credential.png", "credential.svg", "did.json"])
      expect(fs.existsSync(path.join(dir, file))).toBe(true);
    const did = JSON.parse(fs.readFileSync(path.join(dir, "did.json"), "utf8"));
    expect(result.out).toContain(did.id);
  });

  it.each(["credential.json", "credential.png", "credential.svg"])(
    "verify %s prints a verified report and exits 0",
    async (file) => {
      const result = await cli(["verify", path.join(dir, file)]);
      expect(result.code).toBe(0);
      expect(result.out).toContain("✓ Badge vérifié / Badge verified");
      expect(result.out).toContain("✓ signature");
    },
  );

  it("verify --json prints the report object", async () => {
    const result = await cli(["verify", path.join(dir, "credential.json"), "--json"]);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ verified: true, format: "ob3-di" });
    expect(report.steps.map((s: { id: string }) => s.id)).toContain("signature");
  });

  it("a tampered file fails with exit code 1 and says why", async () => {
    const tampered = JSON.parse(fs.readFileSync(path.join(dir, "credential.json"), "utf8"));
    tampered.name = "Badge falsifié";
    const file = path.join(dir, "tampered.json");
    fs.writeFileSync(file, JSON.stringify(tampered));
    const result = await cli(["verify", file]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("✗ signature");
    expect(result.err).toContain("La signature ne correspond pas");
  });

  it("a missing file or argument is a usage error", async () => {
    expect((await cli(["verify", path.join(dir, "nope.json")])).code).toBe(2);
    expect((await cli(["verify"])).code).toBe(2);
    expect((await cli(["credentials", "sample"])).code).toBe(2);
  });
});
