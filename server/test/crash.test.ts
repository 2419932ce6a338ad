import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verifyCredential } from "@blason/openbadges";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { credentials, jobs } from "../src/db/schema";
import { enqueueIssuance } from "../src/modules/credentials/issuance.service";
import { repoRoot } from "../src/paths";
import { openPlatform } from "../src/platform";
import { buildOrganisation, catalogueBadges } from "./support/factories";
import { freePort } from "./support/net";
import { freshDatabase, testConfig } from "./support/platform";

/**
 * Issuance survives a crash: a real server process issues a batch of 200
 * grants, is killed (SIGKILL, no chance to tidy up) in the middle, and a
 * restarted one finishes. Every grant then has exactly one credential.
 */
const GRANTS = 200;
const children: ChildProcess[] = [];
let stderr = "";
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

type Health = { jobs: { pending: number; running: number } };

function startServer(env: Record<string, string>) {
  // Node itself (with tsx as a loader), so that SIGKILL reaches the process that holds the data.
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: repoRoot,
    // Only what the test sets decides where the data is.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL")),
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function health(port: number): Promise<Health | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    return (await response.json()) as Health;
  } catch {
    return undefined;
  }
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${what}; server said:\n${stderr.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("issuance and a crash", () => {
  it(`kills the server during ${GRANTS} grants; after restart each has exactly one credential`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-crash-"));
    const base = testConfig({ DATA_DIR: dataDir });
    // PostgreSQL when the suite runs on it (CI); otherwise an embedded database on disk.
    const { database: probe, url } = await freshDatabase();
    if (!url) await probe.close();
    const config = url ? testConfig({ DATA_DIR: dataDir, DATABASE_URL: url }) : base;
    const seeding = await openPlatform(config, url ? { database: probe } : {});
    await buildOrganisation(seeding.ctx, { name: "Région Normandie", kind: "region" });
    const cfa = await buildOrganisation(seeding.ctx, { name: "CFA du Crash" });
    const [badge] = await catalogueBadges(seeding.ctx);
    await seeding.ctx.db.transaction(async (tx) => {
      for (let i = 0; i < GRANTS; i++)
        await enqueueIssuance(tx, {
          grantKey: `crash:${i}`,
          badgeClassId: badge!.id,
          subjectOrgId: cfa.id,
          validFrom: new Date(),
        });
    });
    await seeding.close();

    const port = await freePort();
    const env = {
      NODE_ENV: "test",
      BLASON_MODE: "demo",
      DEMO_SEED: "false",
      MASTER_KEY: config.masterKey.toString("base64"),
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: config.publicUrl,
      LOG_LEVEL: "silent",
      JOBS_POLL_MS: "10",
      // A killed worker's jobs are taken back after a second, not five minutes.
      JOBS_LEASE_SECONDS: "1",
      ...(url ? { DATABASE_URL: url } : {}),
    };
    const first = startServer(env);
    let killedAt = -1;
    let atKill: Health["jobs"] | undefined;
    await until(async () => {
      const h = await health(port);
      const done = h ? GRANTS * 2 - h.jobs.pending - h.jobs.running : 0;
      // Each grant queues its email once issued: kill once some forty are issued, well before the end.
      if (h && h.jobs.pending + h.jobs.running < GRANTS - 40) {
        killedAt = done;
        atKill = h.jobs;
        return true;
      }
      return false;
    }, "the first server to be busy issuing");
    first.kill("SIGKILL");
    await exited(first);
    expect(killedAt).toBeGreaterThan(0);
    console.info(
      `crash test: SIGKILL with ${(atKill?.pending ?? 0) + (atKill?.running ?? 0)} jobs left of ${GRANTS} grants`,
    );

    const second = startServer(env);
    await until(async () => {
      const h = await health(port);
      return !!h && h.jobs.pending === 0 && h.jobs.running === 0;
    }, "the restarted server to finish");
    second.kill("SIGTERM");
    await exited(second);

    const after = await openPlatform(config);
    try {
      const rows = await after.ctx.db
        .select({ grantKey: credentials.grantKey, statusIndex: credentials.statusIndex })
        .from(credentials)
        .where(eq(credentials.subjectOrgId, cfa.id));
      expect(rows).toHaveLength(GRANTS);
      expect(new Set(rows.map((r) => r.grantKey)).size).toBe(GRANTS);
      expect(new Set(rows.map((r) => r.statusIndex)).size).toBe(GRANTS);
      const [failed] = await after.ctx.db
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(jobs)
        .where(eq(jobs.status, "failed"));
      expect(failed?.n).toBe(0);
      const [sample] = await after.ctx.db
        .select()
        .from(credentials)
        .where(eq(credentials.grantKey, "crash:0"));
      // The web app answers the issuer's did.json and status list to the verifier.
      const app = await buildApp(after.ctx, {
        logger: false,
        webDir: path.join(dataDir, "no-web"),
      });
      const report = await verifyCredential(sample!.document, { fetcher: after.ctx.fetcher });
      await app.close();
      expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
      expect(report.verified).toBe(true);
    } finally {
      await after.close();
    }
  }, 240_000);
});
