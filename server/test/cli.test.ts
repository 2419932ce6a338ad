import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/cli";
import { repoRoot } from "../src/paths";

async function cli(argv: string[], cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l), ...(cwd ? { cwd } : {}) },
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
    expect(result.out).toContain("✗ signature");
    expect(result.out).toContain("La signature ne correspond pas");
    // --json: the report on stdout whatever the verdict, for scripts to read.
    const asJson = await cli(["verify", file, "--json"]);
    expect(asJson.code).toBe(1);
    expect(asJson.err).toBe("");
    expect(JSON.parse(asJson.out)).toMatchObject({ verified: false });
  });

  it("a missing file or argument, or an unknown option, is a usage error", async () => {
    expect((await cli(["verify", path.join(dir, "nope.json")])).code).toBe(2);
    expect((await cli(["verify"])).code).toBe(2);
    expect((await cli(["credentials", "sample"])).code).toBe(2);
    const unknown = await cli(["verify", path.join(dir, "credential.json"), "--jsonn"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("--jsonn");
    expect(unknown.err).toContain("Usage: npm run blason -- verify");
    const noHost = await cli(["verify", path.join(dir, "credential.json"), "--allow-private-host"]);
    expect(noHost.code).toBe(2);
    const badHost = await cli([
      ...["verify", path.join(dir, "credential.json")],
      ...["--allow-private-host", "http://localhost/x"],
    ]);
    expect(badHost.code).toBe(2);
    expect(badHost.err).toContain("http://localhost/x");
  });

  it("a relative path is read from where the command was run", async () => {
    const result = await cli(["verify", "credential.json", "--json"], dir);
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ verified: true, source: "json" });
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "blason-out-"));
    const sample = await cli(["credentials", "sample", "--out", "sample"], elsewhere);
    expect(sample.code).toBe(0);
    expect(fs.existsSync(path.join(elsewhere, "sample", "credential.json"))).toBe(true);
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it("--allow-private-host lets the verifier fetch from a local server, and nothing else", async () => {
    const body = fs.readFileSync(path.join(dir, "credential.json"));
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/ld+json" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/credential.json`;
    try {
      const refused = await cli(["verify", url, "--json"]);
      expect(refused.code).toBe(1);
      expect(JSON.stringify(JSON.parse(refused.out).steps)).toContain("FETCH_BLOCKED_ADDRESS");
      const allowed = await cli(["verify", url, "--json", "--allow-private-host", "127.0.0.1"]);
      expect(allowed.code, allowed.out).toBe(0);
      expect(JSON.parse(allowed.out)).toMatchObject({ verified: true, source: "url" });
      const other = await cli(["verify", url, "--json", "--allow-private-host", "localhost"]);
      expect(other.code).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("through npm, from another folder: the path is the caller's, the report on stdout", () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "blason-npm-"));
    fs.copyFileSync(path.join(dir, "tampered.json"), path.join(elsewhere, "tampered.json"));
    const run = spawnSync(
      "npm",
      // --silent: npm's own banner ("> blason …") stays off stdout, which then holds the JSON alone.
      [
        "--prefix",
        repoRoot,
        "run",
        "--silent",
        "blason",
        "--",
        "verify",
        "tampered.json",
        "--json",
      ],
      { cwd: elsewhere, encoding: "utf8" },
    );
    fs.rmSync(elsewhere, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ verified: false, source: "json" });
  });
});
