import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verifyCredential } from "@blason/openbadges";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { credentials, jobs } from "../src/db/schema";
import { enqueueIssuance } from "../src/modules/credentials/issuance.service";
import { openPlatform } from "../src/platform";
import { buildOrganisation, catalogueBadges } from "./support/factories";
import { freePort } from "./support/net";
import { freshDatabase, testConfig } from "./support/platform";
import { exited, type Health, health, serverEnv, serverProcesses } from "./support/server-process";

/**
 * Issuance survives a crash: a real server process issues a batch of 200
 * grants, is killed (SIGKILL, no chance to tidy up) in the middle, and a
 * restarted one finishes. Every grant then has exactly one credential.
 */
const GRANTS = 200;
const servers = serverProcesses();
afterAll(() => servers.stop());

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
    const env = serverEnv(config, { port, ...(url ? { url } : {}) });
    const first = servers.start(env);
    let killedAt = -1;
    let atKill: Health["jobs"] | undefined;
    await servers.until(async () => {
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

    const second = servers.start(env);
    await servers.until(async () => {
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
