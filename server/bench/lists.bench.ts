/**
 * npm run bench:lists — the managers' lists with 10,000 rows in each listed
 * table (applications, issued badges, the audit log), next to a bare route of the same
 * server in the same run: p50 and p99 per route, target under 200 ms.
 * A database of its own (PostgreSQL when DATABASE_URL is set, else PGlite),
 * dropped at the end. autocannon, BENCH_SECONDS (default 3) per route at
 * BENCH_CONNECTIONS (default 4): short, for a shared machine.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import pg from "pg";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import {
  applications,
  calendarSessions,
  credentials,
  reviewAssignments,
  users,
} from "../src/db/schema";
import { appendAudit } from "../src/modules/audit/audit.repo";
import { insertSession } from "../src/modules/auth/auth.repo";
import { badgesInForce } from "../src/modules/catalogue/catalogue.repo";
import { seedDemo } from "../src/modules/demo/seed";
import { insertOrganisation } from "../src/modules/organisations/organisations.repo";
import { openPlatform } from "../src/platform";

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const states = ["submitted", "under_review", "revision_requested", "granted", "refused"] as const;

async function port(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: p } = s.address() as net.AddressInfo;
      s.close(() => resolve(p));
    });
  });
}

/** Runs one statement on the server's maintenance connection (CREATE / DROP DATABASE). */
async function onServer(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function main() {
  const base = process.env.DATABASE_URL;
  const dbName = `blason_lists_${randomUUID().slice(0, 8)}`;
  let url = "";
  if (base) {
    await onServer(base, `CREATE DATABASE ${dbName}`);
    const u = new URL(base);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const listen = await port();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: "test",
    BLASON_MODE: "demo",
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "blason-lists-")),
    PORT: String(listen),
    PUBLIC_URL: `http://127.0.0.1:${listen}`,
    LOG_LEVEL: "silent",
    JOBS_ENABLED: "false",
  });
  const platform = await openPlatform(config);
  const { db } = platform.ctx;
  try {
    await seedDemo(platform.ctx);
    const started = Date.now();
    const badges = await badgesInForce(db, "label-cfa");
    const sessions = await db.select({ id: calendarSessions.id }).from(calendarSessions);
    const reviewers = await db.select({ id: users.id }).from(users).limit(3);
    const orgs: { id: string }[] = [];
    for (let i = 0; i < 200; i++)
      orgs.push(
        await insertOrganisation(db, {
          slug: `bench-cfa-${i}`,
          name: `CFA de charge ${i}`,
          kind: "cfa",
          contactEmail: `bench${i}@cfa.example`,
        }),
      );
    for (let start = 0; start < ROWS; start += 1000) {
      const rows = await db
        .insert(applications)
        .values(
          Array.from({ length: Math.min(1000, ROWS - start) }, (_, k) => {
            const i = start + k;
            return {
              organisationId: orgs[i % orgs.length]!.id,
              badgeClassId: badges[i % badges.length]!.id,
              state: states[i % states.length]!,
              sessionId: sessions[i % sessions.length]!.id,
              submittedAt: new Date(Date.now() - i * 60_000),
              answers: {},
            };
          }),
        )
        .returning({ id: applications.id });
      await db
        .insert(reviewAssignments)
        .values(
          rows
            .filter((_, k) => k % 3 === 0)
            .flatMap((r) => reviewers.map((u) => ({ applicationId: r.id, reviewerId: u.id }))),
        );
    }
    // Issued badges: copies of a demo credential, each with its own grant and status position.
    const [model] = await db.select().from(credentials).limit(1);
    const { id: _id, subjectKind: _kind, createdAt: _at, ...copy } = model!;
    for (let start = 0; start < ROWS; start += 1000)
      await db.insert(credentials).values(
        Array.from({ length: Math.min(1000, ROWS - start) }, (_, k) => ({
          ...copy,
          grantKey: `bench:${start + k}`,
          statusIndex: 1_000_000 + start + k,
          subjectOrgId: orgs[(start + k) % orgs.length]!.id,
          subjectUserId: null,
          badgeClassId: badges[(start + k) % badges.length]!.id,
          revokedAt: (start + k) % 10 === 0 ? new Date() : null,
          revocationReason: (start + k) % 10 === 0 ? "Banc d'essai" : null,
        })),
      );
    for (let start = 0; start < ROWS; start += 500)
      await db.transaction(async (tx) => {
        for (let i = start; i < Math.min(start + 500, ROWS); i++)
          await appendAudit(tx, {
            actor: { kind: "system", label: "Blason" },
            action: "credential.issued",
            targetType: "credential",
            targetId: randomUUID(),
            data: { badge: badges[i % badges.length]!.name, organisation: `CFA de charge ${i}` },
          });
      });
    console.log(
      `seeded ${ROWS} applications, issued badges and audit rows in ${Date.now() - started} ms`,
    );

    const [manager] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "gestion@region-normandie.example"));
    const cookie = `blason_session=${await insertSession(db, { userId: manager!.id, days: 1 })}`;
    const app = await buildApp(platform.ctx, { logger: false });
    await app.listen({ port: listen, host: "127.0.0.1" });
    const session = sessions[0]!.id;
    const targets: Record<string, string> = {
      "bare /api/health": "/api/health",
      "queue, first page": "/api/manager/applications",
      "queue, one session": `/api/manager/applications?sessionId=${session}&state=under_review`,
      "queue, search": "/api/manager/applications?q=charge%2012&sort=organisation&direction=asc",
      "queue, page 200": "/api/manager/applications?page=200&pageSize=50",
      "queue CSV, one session": `/api/manager/applications.csv?sessionId=${session}`,
      "issued badges": "/api/manager/credentials",
      "issued, revoked, search": "/api/manager/credentials?state=revoked&q=charge%201",
      "audit log": "/api/admin/audit",
    };
    console.log(
      `Blason managers' lists — ${ROWS} rows, ${seconds} s per route, ${connections} connections, ${platform.ctx.database.driver}`,
    );
    for (const [name, route] of Object.entries(targets)) {
      const r = await autocannon({
        url: `http://127.0.0.1:${listen}${route}`,
        connections,
        duration: seconds,
        headers: { cookie },
      });
      console.log(
        `${name.padEnd(24)} p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ${String(Math.round(r.requests.average)).padStart(5)} req/s   errors ${r.errors + r.non2xx}`,
      );
    }
    await app.close();
  } finally {
    await platform.close();
    if (base) await onServer(base, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

await main();
