/**
 * npm run bench:competences — programme 2 under load: a partner's system
 * pushes BENCH_BADGES partner badges (default 30,000) for BENCH_EARNERS people
 * (default a third of the badges) through the real API (HTTP, API key), in
 * arrays of BENCH_BATCH (default 250; 0 pushes one badge per request), Blason
 * verifies and judges each one, and the job worker issues the regional
 * badges they give. (LOAD_BADGES and LOAD_EARNERS are read too.)
 *
 * Prints, in one run: each stage with its count, when it ended (seconds
 * after the first push) and its rate — received (answered over HTTP),
 * verified (answered and not refused), inserted (rows kept), evaluated
 * (evaluation jobs done), signed (regional badges), emailed (their emails
 * sent) —, end-to-end time (first push to the last regional badge's email),
 * the regional badges issued against what the rule predicts, and the peak
 * resident memory of the process (server, worker and load generator
 * together). Uses PostgreSQL when DATABASE_URL is set, PGlite otherwise.
 * The partner's badges are signed before the clock starts: their signing is
 * the partner's work, not Blason's.
 */

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildOpenBadgeCredential,
  generateIssuerKey,
  hashedIdentifier,
  signCredential,
} from "@blason/openbadges";
import { and, count, eq, like, sql } from "drizzle-orm";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import type { MemberRole, PlatformRole } from "../src/db/schema";
import {
  credentials,
  jobs,
  organisations,
  partnerBadges,
  partnerParticipations,
  partnerRegistrations,
  users,
} from "../src/db/schema";
import type { QueueName } from "../src/modules/jobs/queues";
import { createApiClient } from "../src/modules/partners/api-clients.service";
import { issuerProofAddress, proveIssuer } from "../src/modules/partners/issuer-proof.service";
import type { Principal } from "../src/modules/policy/policy";
import { openPlatform } from "../src/platform";
import { freePort, freshDatabaseUrl } from "./bench-support";

const TOTAL = Number(process.env.BENCH_BADGES ?? process.env.LOAD_BADGES ?? 30_000);
const EARNERS = Number(
  process.env.BENCH_EARNERS ?? process.env.LOAD_EARNERS ?? Math.max(1, Math.round(TOTAL / 3)),
);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 8);
const BATCH = Number(process.env.BENCH_BATCH ?? 250);

/**
 * The partner's mapped badge classes: one "1 pour 1" per competence at level
 * I, three "3 pour 1" for Communiquer I, and one "1 pour 1" per competence at
 * level II (so that some people reach the general badge).
 */
const classes = [
  ...["organiser", "s-adapter", "communiquer", "s-integrer"].map((family) => ({
    iri: `urn:bench:${family}-1`,
    family,
    level: 1,
    equivalence: "one_for_one" as const,
  })),
  ...["a", "b", "c"].map((x) => ({
    iri: `urn:bench:communiquer-partiel-${x}`,
    family: "communiquer",
    level: 1,
    equivalence: "three_for_one" as const,
  })),
  ...["organiser", "s-adapter", "communiquer", "s-integrer"].map((family) => ({
    iri: `urn:bench:${family}-2`,
    family,
    level: 2,
    equivalence: "one_for_one" as const,
  })),
];

/** Which classes person i receives: three badges each on average, in a pattern that varies. */
function planFor(i: number, perEarner: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < perEarner; k++) out.push((i * 7 + k * 5 + ((i >> 3) % 3)) % classes.length);
  return out;
}

/** What the rule should give, computed independently of Blason's rules module. */
function expectedRegional(plan: number[]): number {
  const distinct = [...new Set(plan)].map((c) => classes[c]!);
  const earned = new Set<string>();
  for (const family of ["organiser", "s-adapter", "communiquer", "s-integrer"])
    for (const level of [1, 2]) {
      const mine = distinct.filter((c) => c.family === family && c.level === level);
      const full = mine.some((c) => c.equivalence === "one_for_one");
      const partial = mine.filter((c) => c.equivalence === "three_for_one").length;
      if (full || partial >= 3) earned.add(`${family}-${level}`);
    }
  const level2 = [...earned].filter((k) => k.endsWith("-2")).length;
  return earned.size + (level2 >= 3 ? 1 : 0);
}

async function main() {
  const port = await freePort();
  const fresh = await freshDatabaseUrl();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-load-"));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: fresh.url ?? "",
    NODE_ENV: "test",
    BLASON_MODE: "demo",
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "silent",
    JOBS_ENABLED: "false",
  });
  const platform = await openPlatform(config, { backoffMs: 50 });
  const { ctx } = platform;
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port, host: "127.0.0.1" });

  // The world: the Region, a participant partner with its key, its approved mappings.
  const [region] = await ctx.db
    .insert(organisations)
    .values({
      slug: "region-normandie",
      name: "Région Normandie",
      kind: "region",
      contactEmail: "badges@region.example",
    })
    .returning();
  const [partner] = await ctx.db
    .insert(organisations)
    .values({
      slug: `atelier-${randomUUID().slice(0, 8)}`,
      name: "Atelier de charge",
      kind: "partner",
      contactEmail: "contact@atelier.example",
    })
    .returning();
  if (!region || !partner) throw new Error("could not create the organisations");
  const [admin] = await ctx.db
    .insert(users)
    .values({ email: `admin-${randomUUID()}@atelier.example`, name: "Admin atelier" })
    .returning();
  const principal: Principal = {
    userId: admin!.id,
    platformRoles: [] as PlatformRole[],
    memberships: [{ organisationId: partner.id, role: "admin" as MemberRole }],
  };
  const { secret } = await createApiClient(ctx, {
    caller: { principal, user: admin! },
    organisationId: partner.id,
    name: "Charge",
  });
  const key = await generateIssuerKey({ controller: "did:key:pending" });
  const did = `did:key:${key.publicKeyMultibase}`;
  const signer = { ...key, controller: did, id: `${did}#${key.publicKeyMultibase}` };
  const approvedAt = new Date(Date.now() - 30 * 86_400_000);
  await ctx.db.insert(partnerParticipations).values({
    organisationId: partner.id,
    kind: "participant",
    validFrom: new Date(Date.now() - 365 * 86_400_000),
  });
  const issuedOn = new Date(Date.now() - 86_400_000);
  /** A badge of the partner's platform, signed with its key. */
  const partnerBadge = (cls: (typeof classes)[number], email: string, salt: string) =>
    signCredential(
      buildOpenBadgeCredential({
        id: `urn:uuid:${randomUUID()}`,
        issuer: { id: did, name: partner.name },
        achievement: {
          id: cls.iri,
          name: `Badge ${cls.family} ${cls.level}`,
          description: "Badge de charge.",
          criteria: { narrative: "Observé en situation." },
        },
        subject: { identifier: [hashedIdentifier("emailAddress", email, salt)] },
        validFrom: issuedOn,
      }),
      { key: signer },
    );
  // Each registration with the partner's proof of its issuer, as the form asks.
  const proofAddress = issuerProofAddress(ctx.config, partner.id);
  const registrations = [];
  for (const c of classes)
    registrations.push({
      organisationId: partner.id,
      source: "json",
      badgeClassIri: c.iri,
      issuerIri: did,
      issuerProof: await proveIssuer(
        ctx,
        partner.id,
        { issuerIri: did, badgeClassIri: c.iri },
        JSON.stringify(await partnerBadge(c, proofAddress, "preuve")),
      ),
      name: c.iri,
      target: { family: c.family, level: c.level, equivalence: c.equivalence },
      justification: "Correspondance de charge.",
      state: "approved" as const,
      approvedAt,
    });
  await ctx.db.insert(partnerRegistrations).values(registrations);

  // The partner's badges, signed before the clock starts.
  const perEarner = Math.max(1, Math.round(TOTAL / EARNERS));
  const plans = Array.from({ length: EARNERS }, (_, i) => planFor(i, perEarner));
  const expected = plans.reduce((sum, plan) => sum + expectedRegional(plan), 0);
  console.log(
    `Blason competences load — ${EARNERS * perEarner} badges for ${EARNERS} people, ${CONCURRENCY} connections, ${BATCH > 0 ? `arrays of ${BATCH}` : "one badge per request"}, ${ctx.database.driver}`,
  );
  const signStarted = performance.now();
  // Kept as the request bodies themselves: strings weigh less on the heap than documents.
  const work: string[] = [];
  for (let i = 0; i < EARNERS; i++) {
    const email = `personne${i}@charge.example`;
    for (const c of plans[i]!) {
      const document = await partnerBadge(classes[c]!, email, `sel-${i}`);
      work.push(JSON.stringify({ recipient: { email }, badge: document }));
    }
    if (i % 1000 === 999)
      process.stdout.write(
        `\r  signing the partner's badges: ${work.length} / ${EARNERS * perEarner}`,
      );
  }
  process.stdout.write(
    `\r  signing the partner's badges: ${work.length} done in ${((performance.now() - signStarted) / 1000).toFixed(0)} s\n`,
  );

  // Peak memory, sampled through the run.
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);

  const started = performance.now();
  if (process.env.LOAD_WORKER_AFTER !== "1") platform.worker.start();
  let failures = 0;
  let counted = 0;
  let verified = 0;
  const url = `http://127.0.0.1:${port}/api/partner-badges`;
  // One request per badge, or arrays of BATCH badges (the bodies joined as they are).
  const requests: string[] =
    BATCH > 0
      ? Array.from(
          { length: Math.ceil(work.length / BATCH) },
          (_, b) => `[${work.slice(b * BATCH, (b + 1) * BATCH).join(",")}]`,
        )
      : work;
  let next = 0;
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const item = requests[next++];
        if (!item) return;
        const response = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: item,
        });
        type Answer = { counts?: boolean; status?: string };
        const answer = (await response.json()) as Answer & { results?: Answer[] };
        const answers = BATCH > 0 ? (answer.results ?? []) : [answer];
        const ok = response.status === (BATCH > 0 ? 200 : 201);
        const size = BATCH > 0 ? Math.min(BATCH, work.length - sent) : 1;
        sent += size;
        if (!ok) failures += size;
        for (const a of ok ? answers : []) {
          if (a.status === "refused") failures++;
          else verified++;
          if (a.counts) counted++;
        }
        process.stdout.write(`\r  pushing: ${sent} / ${work.length}`);
      }
    }),
  );
  const ingested = performance.now();
  process.stdout.write(`\r  pushing: ${work.length} done\n`);
  platform.worker.start();
  // The worker finishes the evaluations (and their emails) in the background.
  for (;;) {
    const [{ pending } = { pending: 0 }] = await ctx.db
      .select({ pending: count() })
      .from(jobs)
      .where(
        sql`${jobs.status} in ('pending', 'running') and ${jobs.queue} <> ${"reminders.run" satisfies QueueName}`,
      );
    if (Number(pending) === 0) break;
    process.stdout.write(`\r  jobs still to run: ${pending}      `);
    await new Promise((r) => setTimeout(r, 500));
  }
  const finished = performance.now();
  clearInterval(sampler);
  process.stdout.write("\n");
  const [{ regional } = { regional: 0 }] = await ctx.db
    .select({ regional: count() })
    .from(credentials)
    .where(like(credentials.grantKey, "regional:%"));
  const [{ rows } = { rows: 0 }] = await ctx.db.select({ rows: count() }).from(partnerBadges);
  const [{ failedJobs } = { failedJobs: 0 }] = await ctx.db
    .select({ failedJobs: count() })
    .from(jobs)
    .where(eq(jobs.status, "failed"));
  const ingestSeconds = (ingested - started) / 1000;
  const totalSeconds = (finished - started) / 1000;
  // When each stage ended, from the rows themselves (seconds after the first push).
  const startedAt = new Date(Date.now() - (performance.now() - started));
  const ended = (last: unknown) =>
    last ? (new Date(last as string).getTime() - startedAt.getTime()) / 1000 : 0;
  const jobsDone = async (queue: QueueName) => {
    const [row] = await ctx.db
      .select({ n: count(), last: sql`max(${jobs.finishedAt})` })
      .from(jobs)
      .where(and(eq(jobs.queue, queue), eq(jobs.status, "done")));
    return { n: Number(row?.n ?? 0), at: ended(row?.last) };
  };
  const [insertedRow] = await ctx.db
    .select({ n: count(), last: sql`max(${partnerBadges.receivedAt})` })
    .from(partnerBadges);
  const [signedRow] = await ctx.db
    .select({ n: count(), last: sql`max(${credentials.createdAt})` })
    .from(credentials)
    .where(like(credentials.grantKey, "regional:%"));
  const stages = {
    received: { n: work.length, at: ingestSeconds },
    verified: { n: verified, at: ingestSeconds },
    inserted: { n: Number(insertedRow?.n ?? 0), at: ended(insertedRow?.last) },
    evaluated: await jobsDone("competences.evaluate"),
    signed: { n: Number(signedRow?.n ?? 0), at: ended(signedRow?.last) },
    emailed: await jobsDone("email.send"),
  };
  console.log("  stage        count    ended (s)   per second");
  for (const [stage, { n, at }] of Object.entries(stages))
    console.log(
      `  ${stage.padEnd(10)} ${String(n).padStart(7)} ${at.toFixed(1).padStart(12)} ${String(at > 0 ? Math.round(n / at) : 0).padStart(12)}`,
    );
  const result = {
    driver: ctx.database.driver,
    badges: work.length,
    earners: EARNERS,
    badges_stored: Number(rows),
    badges_counted: counted,
    http_failures: failures,
    failed_jobs: Number(failedJobs),
    regional_issued: Number(regional),
    regional_expected: expected,
    ingest_seconds: Number(ingestSeconds.toFixed(1)),
    ingest_badges_per_s: Math.round(work.length / ingestSeconds),
    end_to_end_seconds: Number(totalSeconds.toFixed(1)),
    end_to_end_badges_per_s: Math.round(work.length / totalSeconds),
    peak_rss_mb: Math.round(peakRss / 1024 / 1024),
    batch: BATCH,
    stages: Object.fromEntries(
      Object.entries(stages).map(([k, { n, at }]) => [
        k,
        { count: n, ended_s: Number(at.toFixed(1)), per_s: at > 0 ? Math.round(n / at) : 0 },
      ]),
    ),
  };
  console.log(
    `ingestion ${result.ingest_badges_per_s} badges/s (${result.ingest_seconds} s) · end to end ${result.end_to_end_seconds} s · ${result.regional_issued} regional badges (expected ${expected}) · peak RSS ${result.peak_rss_mb} MB`,
  );
  console.log(JSON.stringify(result));
  await platform.worker.stop();
  await app.close();
  await platform.close();
  await fresh.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (failures || result.regional_issued !== expected) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
