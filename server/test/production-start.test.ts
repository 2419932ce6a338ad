import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/cli";
import { users } from "../src/db/schema";
import { DEMO_PASSWORD } from "../src/modules/demo/seed";
import { repoRoot } from "../src/paths";
import { freePort } from "./support/net";
import { createTestPlatform } from "./support/platform";

/** The demo administrator's sign-in, as anyone on the internet would try it. */
function demoAdminSignIn(port: number): Promise<number | undefined> {
  const body = JSON.stringify({ email: "admin@blason.example", password: DEMO_PASSWORD });
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/auth/sign-in",
        method: "POST",
        headers: {
          host: "badges.example",
          "content-type": "application/json",
          cookie: "blason_csrf=t",
          "x-csrf-token": "t",
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode);
      },
    );
    request.on("error", () => resolve(undefined));
    request.end(body);
  });
}

describe("production start", () => {
  it("refuses DEMO_SEED=true, naming the variable, before anything listens", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
      cwd: repoRoot,
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL")),
        NODE_ENV: "production",
        MASTER_KEY: randomBytes(32).toString("base64"),
        SMTP_URL: "smtp://127.0.0.1:2525",
        PUBLIC_URL: "https://badges.example",
        DEMO_SEED: "true",
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "blason-prod-")),
        PORT: String(port),
        LOG_LEVEL: "silent",
        JOBS_ENABLED: "false",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exitCode = await new Promise<number | null | "running">((resolve) => {
      const timer = setTimeout(() => resolve("running"), 45_000);
      child.once("exit", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    const signIn = exitCode === "running" ? await demoAdminSignIn(port) : undefined;
    child.kill("SIGKILL");
    expect({ exitCode, signIn }).toEqual({ exitCode: 1, signIn: undefined });
    expect(stderr).toMatch(/DEMO_SEED .*production/);
  }, 60_000);

  it("the demo seed command refuses a production database", async () => {
    const platform = await createTestPlatform({
      config: {
        BLASON_MODE: "production",
        PUBLIC_URL: "https://badges.example",
        SMTP_URL: "smtp://127.0.0.1:2525",
      },
    });
    const errors: string[] = [];
    try {
      const code = await runCli(
        ["demo", "seed"],
        { out: () => {}, err: (line) => errors.push(line) },
        async () => ({ ...platform, close: async () => {} }),
      );
      expect(code).toBe(2);
      expect(errors.join("\n")).toContain("Refused in production");
      expect(await platform.ctx.db.$count(users)).toBe(0);
    } finally {
      await platform.close();
    }
  });
});
