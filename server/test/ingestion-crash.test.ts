import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, like, lte, or, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { credentials, devMail, jobs, partnerBadges, users } from "../src/db/schema";
import { openPlatform } from "../src/platform";
import { buildOrganisation } from "./support/factories";
import { freePort } from "./support/net";
import { freshDatabase, testConfig } from "./support/platform";
import { buildPushingPartner } from "./support/pushing-partner";
import { exited, health, serverEnv, serverProcesses } from "./support/server-process";

/**
 * Ingestion survives a crash: a partner's system pushes BADGES badges in
 * arrays to a real server process, which is killed (SIGKILL) while arrays
 * are in flight; the partner re-sends everything to the restarted server.
 * Every badge is then kept once, every regional badge issued once, and the
 * resumed push answered "duplicate" for what was already in.
 */
const PEOPLE = 100;
const PER_PERSON = 3;
const BADGES = PEOPLE * PER_PERSON;
const BATCH = 20;
const servers = serverProcesses();
afterAll(() => servers.stop());

type Result = { status: string; code?: string };

describe("ingestion and a crash", () => {
  it(`kills the server during a push of ${BADGES} badges; the resumed push adds each once`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-ingest-crash-"));
    const { database: probe, url } = await freshDatabase();
    if (!url) await probe.close();
    const config = testConfig({ DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) });
    const seeding = await openPlatform(config, url ? { database: probe } : {});
    await buildOrganisation(seeding.ctx, { name: "Région Normandie", kind: "region" });
    const partner = await buildPushingPartner(seeding.ctx);
    // Three badges of three competences each: three regional badges per person.
    const items: { recipient: { email: string }; badge: unknown }[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const email = `crash${i}@ingestion.example`;
      for (let k = 0; k < PER_PERSON; k++)
        items.push({ recipient: { email }, badge: await partner.badge(i + k, email) });
    }
    await seeding.close();
    const batches = Array.from({ length: BADGES / BATCH }, (_, b) =>
      items.slice(b * BATCH, (b + 1) * BATCH),
    );

    const port = await freePort();
    const env = serverEnv(config, { port, ...(url ? { url } : {}) });
    const pushAll = async (onAnswer: (results: Result[]) => void) => {
      let next = 0;
      await Promise.all(
        [0, 1, 2].map(async () => {
          while (next < batches.length) {
            const batch = batches[next++]!;
            const response = await fetch(`http://127.0.0.1:${port}/api/partner-badges`, {
              method: "POST",
              headers: {
                authorization: `Bearer ${partner.secret}`,
                "content-type": "application/json",
              },
              body: JSON.stringify(batch),
            }).catch(() => undefined);
            // The server died under this push: the partner will resume later.
            if (!response) return;
            expect(response.status).toBe(200);
            onAnswer(((await response.json()) as { results: Result[] }).results);
          }
        }),
      );
    };

    const first = servers.start(env);
    await servers.until(async () => !!(await health(port)), "the first server to start");
    let answered = 0;
    const pushing = pushAll((results) => {
      answered += results.length;
      // Three arrays answered, three more in flight: now.
      if (answered >= 3 * BATCH && first.exitCode === null) first.kill("SIGKILL");
    });
    await pushing;
    await exited(first);
    const killed = await openPlatform(config);
    const [storedAtKill] = await killed.ctx.db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(partnerBadges);
    await killed.close();
    console.info(
      `ingestion crash test: SIGKILL with ${storedAtKill!.n} of ${BADGES} badges kept, ${answered} answered`,
    );
    expect(storedAtKill!.n).toBeGreaterThanOrEqual(answered);
    expect(storedAtKill!.n).toBeLessThan(BADGES);

    // The partner resumes by re-sending everything.
    const second = servers.start(env);
    await servers.until(async () => !!(await health(port)), "the restarted server to start");
    const resumed: Result[] = [];
    await pushAll((results) => resumed.push(...results));
    expect(resumed).toHaveLength(BADGES);
    expect(resumed.filter((r) => r.status === "refused")).toEqual([]);
    expect(resumed.filter((r) => r.status === "duplicate")).toHaveLength(storedAtKill!.n);
    expect(resumed.filter((r) => r.status === "received")).toHaveLength(BADGES - storedAtKill!.n);
    // Every job done, retries included: health counts only jobs due now, and a
    // job that failed once waits a few seconds before its next attempt. On
    // PostgreSQL the jobs table is read beside the server; PGlite's database
    // belongs to the server alone, so there health must stay idle past the
    // first retries' backoff.
    if (url) {
      const watching = await openPlatform(config);
      await servers.until(async () => {
        const [left] = await watching.ctx.db
          .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
          .from(jobs)
          .where(
            or(
              eq(jobs.status, "running"),
              and(eq(jobs.status, "pending"), lte(jobs.runAt, new Date(Date.now() + 60_000))),
            ),
          );
        return left!.n === 0;
      }, "the restarted server to finish its jobs, retries included");
      await watching.close();
    } else {
      let idleSince = 0;
      await servers.until(async () => {
        const h = await health(port);
        const idle = !!h && h.jobs.pending === 0 && h.jobs.running === 0;
        idleSince = idle ? idleSince || Date.now() : 0;
        return idle && Date.now() - idleSince > 10_000;
      }, "the restarted server to finish its jobs, retries included");
    }
    second.kill("SIGTERM");
    await exited(second);

    const after = await openPlatform(config);
    try {
      const people = await after.ctx.db
        .select({ id: users.id })
        .from(users)
        .where(like(users.email, "crash%@ingestion.example"));
      expect(people).toHaveLength(PEOPLE);
      const ids = people.map((p) => p.id);
      const kept = await after.ctx.db
        .select({ key: partnerBadges.assertionKey })
        .from(partnerBadges)
        .where(inArray(partnerBadges.earnerId, ids));
      expect(kept).toHaveLength(BADGES);
      expect(new Set(kept.map((k) => k.key)).size).toBe(BADGES);
      const regional = await after.ctx.db
        .select({ grantKey: credentials.grantKey })
        .from(credentials)
        .where(
          and(inArray(credentials.subjectUserId, ids), like(credentials.grantKey, "regional:%")),
        );
      expect(regional).toHaveLength(PEOPLE * PER_PERSON);
      expect(new Set(regional.map((r) => r.grantKey)).size).toBe(PEOPLE * PER_PERSON);
      const [failed] = await after.ctx.db
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(jobs)
        .where(eq(jobs.status, "failed"));
      expect(failed?.n).toBe(0);
      // Each person heard of each of their three regional badges.
      const mails = await after.ctx.db
        .selectDistinct({ to: devMail.to, subject: devMail.subject })
        .from(devMail)
        .where(like(devMail.to, "crash%@ingestion.example"));
      expect(mails).toHaveLength(PEOPLE * PER_PERSON);
    } finally {
      await after.close();
    }
  }, 300_000);
});
