import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config";

const key = Buffer.alloc(32, 7).toString("base64");

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: "/tmp/blason-config-test", MASTER_KEY: key, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("configuration", () => {
  it("names the wrong variable and why", () => {
    expect(problems({ PORT: "http" })).toEqual([expect.stringMatching(/^PORT /)]);
    expect(problems({ DATABASE_URL: "mysql://x" })).toEqual([
      "DATABASE_URL must start with postgres:// or postgresql://",
    ]);
    expect(problems({ MASTER_KEY: "c2hvcnQ=" })).toEqual([
      "MASTER_KEY must be 32 bytes encoded in base64",
    ]);
  });

  it("production refuses to start without its secrets and an https address", () => {
    const found = problems({ NODE_ENV: "production", MASTER_KEY: "" }).join("\n");
    expect(found).toContain("MASTER_KEY");
    expect(found).toContain("SMTP_URL");
    expect(found).toContain("PUBLIC_URL");
  });

  it("production refuses the demo data, naming DEMO_SEED", () => {
    const production = {
      NODE_ENV: "production",
      SMTP_URL: "smtp://mail.example:25",
      PUBLIC_URL: "https://badges.example",
    };
    expect(problems({ ...production, DEMO_SEED: "true" })).toEqual([
      expect.stringMatching(/^DEMO_SEED must not be true in production/),
    ]);
    expect(problems({ ...production, DEMO_SEED: "false" })).toEqual([]);
  });

  it("demo mode defaults to a local address and insecure cookies only over http", () => {
    const config = loadConfig({ DATA_DIR: "/tmp/blason-config-test", MASTER_KEY: key });
    expect(config).toMatchObject({
      mode: "demo",
      publicUrl: "http://localhost:3000",
      secureCookies: false,
      demoSeed: true,
    });
    const prod = loadConfig({
      NODE_ENV: "production",
      MASTER_KEY: key,
      SMTP_URL: "smtp://mail.example:25",
      PUBLIC_URL: "https://badges.example/",
      DATA_DIR: "/tmp/blason-config-test",
    });
    expect(prod).toMatchObject({
      mode: "production",
      publicUrl: "https://badges.example",
      secureCookies: true,
      demoSeed: false,
    });
  });
});
