/**
 * npm run bench:soak — two app instances (separate processes, each with its
 * job worker) on one PostgreSQL, under mixed traffic for SOAK_SECONDS
 * (default 600) at SOAK_CONNECTIONS (default 50), shared between them:
 * public pages, verifications, partner pushes (arrays), sign-ins and
 * application edits (autosave). Halfway, a manager revokes a badge through
 * the first instance and the second is asked until it says so.
 *
 * Prints: requests and errors (any answer but the expected one), p50/p99 per
 * route, how long the second instance took to show the revocation (must be
 * under a minute), and the jobs check once both workers are idle: none
 * failed, none ran twice (every job done at its first attempt, one email
 * sent per email job). Exits 1 when a check fails.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { loadConfig } from "../src/config";
import { applications, devMail, jobs } from "../src/db/schema";
import { repoRoot } from "../src/paths";
import { openPlatform } from "../src/platform";
import { buildApplication } from "../test/support/applications";
import { buildCredential } from "../test/support/credentials";
import {
  addMember,
  buildOrganisation,
  buildUser,
  PASSWORD,
  sessionCookieFor,
} from "../test/support/factories";
import { buildPushingPartner } from "../test/support/pushing-partner";
import { exited, health, serverEnv, serverProcesses } from "../test/support/server-process";
import { freePort, freshDatabaseUrl } from "./bench-support";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const PUSH_BATCH = 10;

type Route = "public page" | "verification" | "partner push" | "sign-in" | "application edit";
/** How often each route comes up, out of 100. */
const mix: [Route, number][] = [
  ["public page", 45],
  ["verification", 20],
  ["partner push", 10],
  ["sign-in", 5],
  ["application edit", 20],
];

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

const webBuilt = fs.existsSync(path.join(repoRoot, "web", "dist", "index.html"));

async function main() {
  const fresh = await freshDatabaseUrl();
  if (!fresh.url) throw new Error("bench:soak needs DATABASE_URL (PostgreSQL)");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-soak-"));
  const ports = [await freePort(), await freePort()];
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: fresh.url,
    NODE_ENV: "test",
    BLASON_MODE: "demo",
    DATA_DIR: dataDir,
    PUBLIC_URL: bases[0]!,
    LOG_LEVEL: "silent",
  });

  // The world, written before the instances start.
  const seeding = await openPlatform(config);
  const { ctx } = seeding;
  await buildOrganisation(ctx, { name: "Région Normandie", kind: "region" });
  const cfa = await buildOrganisation(ctx, { name: "CFA de l'endurance" });
  const member = await buildUser(ctx);
  await addMember(ctx, cfa.id, member.id, "admin");
  const manager = await buildUser(ctx, { platformRoles: ["programme_manager"] });
  const drafts: { id: string }[] = [];
  for (let i = 0; i < 20; i++) drafts.push(await buildApplication(ctx, { organisationId: cfa.id }));
  const credential = await buildCredential(ctx, { organisationId: cfa.id });
  const toRevoke = await buildCredential(ctx, { organisationId: cfa.id });
  // Sign-ins are limited per address and per client address: enough people, each from their own.
  const people: string[] = [];
  for (let i = 0; i < Math.max(100, SECONDS); i++)
    people.push((await buildUser(ctx, { email: `soak${i}@endurance.example` })).email);
  const partner = await buildPushingPartner(ctx);
  const pushes: string[] = [];
  for (let b = 0; b < Math.max(20, SECONDS / 2); b++) {
    const batch = [];
    for (let k = 0; k < PUSH_BATCH; k++) {
      const email = `pousse${b}@endurance.example`;
      batch.push({ recipient: { email }, badge: await partner.badge(k, email) });
    }
    pushes.push(JSON.stringify(batch));
  }
  const memberSession = await sessionCookieFor(ctx, member.id);
  const managerSession = await sessionCookieFor(ctx, manager.id);
  await seeding.close();

  const servers = serverProcesses();
  const instances = ports.map((port) =>
    servers.start({
      ...serverEnv(config, { port, url: fresh.url! }),
      JOBS_POLL_MS: "100",
      JOBS_LEASE_SECONDS: "60",
      TRUST_PROXY: "true",
    }),
  );
  for (const port of ports)
    await servers.until(async () => !!(await health(port)), `the instance on ${port} to start`);
  console.log(
    `Blason soak — 2 instances on one PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s${webBuilt ? "" : " (web app not built: public pages as JSON only)"}`,
  );

  /** A session's CSRF token, from the instance it will talk to. */
  const csrfFor = async (base: string, session?: string) => {
    const response = await fetch(`${base}/api/auth/csrf`, {
      headers: session ? { cookie: `blason_session=${session}` } : {},
    });
    const token = /blason_csrf=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "";
    const cookie = `${session ? `blason_session=${session}; ` : ""}blason_csrf=${token}`;
    return { cookie, "x-csrf-token": token };
  };
  const memberHeaders = await Promise.all(bases.map((b) => csrfFor(b, memberSession)));
  const visitorHeaders = await Promise.all(bases.map((b) => csrfFor(b)));

  const latencies = new Map<Route, number[]>(mix.map(([r]) => [r, []]));
  const errors = new Map<Route, number>();
  const samples: string[] = [];
  let signIns = 0;
  let verifications = 0;
  let pushed = 0;
  const pick = (): Route => {
    let roll = Math.random() * 100;
    for (const [route, weight] of mix) {
      roll -= weight;
      if (roll < 0) return route;
    }
    return "public page";
  };
  const publicPaths = [
    `/api/public/credentials/${credential.id}`,
    "/api/public/programmes",
    "/api/public/statistics",
    `/status/${credential.statusList}`,
    // The pages people open, when the web app is built (npm run build).
    ...(webBuilt ? ["/", `/credentials/${credential.id}`] : []),
  ];
  const send = async (i: number, route: Route): Promise<[Response, number]> => {
    const base = bases[i % 2]!;
    const json = { "content-type": "application/json" };
    switch (route) {
      case "public page": {
        const p = publicPaths[Math.floor(Math.random() * publicPaths.length)]!;
        return [await fetch(`${base}${p}`), 200];
      }
      case "verification": {
        // Verifiers come from many addresses (each is limited on its own).
        const n = verifications++;
        return [
          await fetch(`${base}/api/verify`, {
            method: "POST",
            headers: { ...json, "x-forwarded-for": `10.8.${(n >> 8) & 255}.${n & 255}` },
            body: JSON.stringify(credential.document),
          }),
          200,
        ];
      }
      case "partner push":
        return [
          await fetch(`${base}/api/partner-badges`, {
            method: "POST",
            headers: { ...json, authorization: `Bearer ${partner.secret}` },
            body: pushes[pushed++ % pushes.length]!,
          }),
          200,
        ];
      case "sign-in": {
        const n = signIns++;
        return [
          await fetch(`${base}/api/auth/sign-in`, {
            method: "POST",
            headers: {
              ...json,
              ...visitorHeaders[i % 2]!,
              "x-forwarded-for": `10.9.${(n >> 8) & 255}.${n & 255}`,
            },
            body: JSON.stringify({ email: people[n % people.length], password: PASSWORD }),
          }),
          200,
        ];
      }
      case "application edit": {
        const draft = drafts[Math.floor(Math.random() * drafts.length)]!;
        return [
          await fetch(`${base}/api/applications/${draft.id}`, {
            method: "PATCH",
            headers: { ...json, ...memberHeaders[i % 2]! },
            body: JSON.stringify({
              answers: { "0": { answer: `Brouillon ${randomUUID()}`, links: [] } },
            }),
          }),
          200,
        ];
      }
    }
  };

  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  // Halfway: a manager revokes through the first instance; the second must say so.
  const revocation = (async () => {
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
    const headers = await csrfFor(bases[0]!, managerSession);
    const revoked = await fetch(`${bases[0]}/api/credentials/${toRevoke.id}/revoke`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ reason: "Retiré pendant l'essai d'endurance." }),
    });
    if (revoked.status !== 200) throw new Error(`revocation answered ${revoked.status}`);
    const at = Date.now();
    for (;;) {
      const report = (await (
        await fetch(`${bases[1]}/api/verify`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "10.7.0.1" },
          body: JSON.stringify(toRevoke.document),
        })
      ).json()) as { verified: boolean };
      const page = (await (
        await fetch(`${bases[1]}/api/public/credentials/${toRevoke.id}`)
      ).json()) as { status?: string };
      if (!report.verified && page.status === "revoked") return (Date.now() - at) / 1000;
      if (Date.now() - at > 120_000) return Number.POSITIVE_INFINITY;
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, i) => {
      while (Date.now() < deadline) {
        const route = pick();
        const t0 = performance.now();
        try {
          const [response, expected] = await send(i, route);
          const answer = await response.arrayBuffer();
          const said = Buffer.from(answer).toString().slice(0, 200);
          latencies.get(route)!.push(performance.now() - t0);
          if (response.status !== expected) {
            errors.set(route, (errors.get(route) ?? 0) + 1);
            const where = `${route}: ${response.status} ${response.url.replace(/^http:\/\/[^/]+/, "")}`;
            if (samples.length < 12 && !samples.some((s) => s.startsWith(where)))
              samples.push(`${where} ${said}`);
          }
        } catch (error) {
          errors.set(route, (errors.get(route) ?? 0) + 1);
          if (samples.length < 5) samples.push(`${route}: ${String(error)}`);
        }
      }
    }),
  );
  const revocationSeconds = await revocation;
  const elapsed = (Date.now() - started) / 1000;

  // Both workers finish what the traffic queued.
  await servers.until(
    async () => {
      const all = await Promise.all(ports.map((p) => health(p)));
      return all.every((h) => h && h.jobs.pending === 0 && h.jobs.running === 0);
    },
    "both instances' jobs to drain",
    600_000,
  );
  for (const child of instances) child.kill("SIGTERM");
  await Promise.all(instances.map(exited));

  const after = await openPlatform(config);
  const [failed] = await after.ctx.db
    .select({ n: count() })
    .from(jobs)
    .where(eq(jobs.status, "failed"));
  const [rerun] = await after.ctx.db
    .select({ n: count() })
    .from(jobs)
    .where(and(eq(jobs.status, "done"), gt(jobs.attempts, 1)));
  const [done] = await after.ctx.db
    .select({ n: count() })
    .from(jobs)
    .where(eq(jobs.status, "done"));
  const [emailJobs] = await after.ctx.db
    .select({ n: count() })
    .from(jobs)
    .where(and(eq(jobs.queue, "email.send"), eq(jobs.status, "done")));
  const [mails] = await after.ctx.db.select({ n: count() }).from(devMail);
  const [edited] = await after.ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(applications)
    .where(eq(applications.organisationId, cfa.id));
  await after.close();
  await fresh.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const total = [...latencies.values()].reduce((n, l) => n + l.length, 0);
  const errorCount = [...errors.values()].reduce((n, e) => n + e, 0);
  console.log(
    `${total} requests in ${elapsed.toFixed(0)} s (${Math.round(total / elapsed)}/s) · ${errorCount} errors`,
  );
  console.log("  route               requests   errors   p50 (ms)   p99 (ms)");
  for (const [route, list] of latencies) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `  ${route.padEnd(18)} ${String(list.length).padStart(9)} ${String(errors.get(route) ?? 0).padStart(8)} ${percentile(sorted, 50).toFixed(0).padStart(10)} ${percentile(sorted, 99).toFixed(0).padStart(10)}`,
    );
  }
  for (const sample of samples) console.log(`  e.g. ${sample}`);
  const jobsOnce = Number(failed?.n) === 0 && Number(rerun?.n) === 0;
  const mailsOnce = Number(mails?.n) === Number(emailJobs?.n);
  console.log(
    `jobs: ${done?.n} done, ${failed?.n} failed, ${rerun?.n} run more than once; ${mails?.n} emails for ${emailJobs?.n} email jobs; ${edited?.n} drafts`,
  );
  console.log(
    `revocation through instance 1 shown by instance 2 after ${revocationSeconds.toFixed(1)} s`,
  );
  const ok = errorCount === 0 && jobsOnce && mailsOnce && revocationSeconds < 60;
  console.log(ok ? "soak: all checks hold" : "soak: a check FAILED");
  if (!ok) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
