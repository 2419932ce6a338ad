/**
 * npm run bench:public — the public pages under load: /credentials/{id} and
 * /badges/{id} (their first HTML response, as a link preview or a visitor
 * gets it), next to a bare route of the same server in the same run.
 * autocannon, BENCH_SECONDS (default 20) at BENCH_CONNECTIONS (default 50).
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { and, eq, isNull } from "drizzle-orm";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { badgeClasses, credentials } from "../src/db/schema";
import { seedDemo } from "../src/modules/demo/seed";
import { openPlatform } from "../src/platform";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function main() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-bench-"));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "test",
    BLASON_MODE: "demo",
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "silent",
    JOBS_ENABLED: "false",
  });
  const platform = await openPlatform(config);
  await seedDemo(platform.ctx);
  const app = await buildApp(platform.ctx, { logger: false });
  app.get("/bench/bare", { schema: { hide: true } }, async () => "ok");
  await app.listen({ port, host: "127.0.0.1" });
  const [credential] = await platform.ctx.db
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.claimState, "accepted"), isNull(credentials.revokedAt)))
    .limit(1);
  const [badge] = await platform.ctx.db.select({ id: badgeClasses.id }).from(badgeClasses).limit(1);
  const targets = {
    bare: "/bench/bare",
    credential_page: `/credentials/${credential!.id}`,
    credential_json: `/credentials/${credential!.id}.json`,
    badge_page: `/badges/${badge!.id}`,
  };
  const results: Record<string, { rps: number; p99_ms: number; errors: number }> = {};
  console.log(
    `Blason public pages — ${seconds} s per route, ${connections} connections, ${platform.ctx.database.driver}`,
  );
  for (const [name, route] of Object.entries(targets)) {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}${route}`,
      connections,
      duration: seconds,
      headers: { accept: "text/html" },
    });
    results[name] = {
      rps: Math.round(result.requests.average),
      p99_ms: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
    console.log(
      `${name.padEnd(16)} ${String(results[name].rps).padStart(7)} req/s   p99 ${String(result.latency.p99).padStart(4)} ms   errors ${results[name].errors}`,
    );
  }
  await app.close();
  await platform.close();
  const bare = results.bare!.rps;
  console.log(
    JSON.stringify({
      bare_rps: bare,
      bare_p99_ms: results.bare!.p99_ms,
      credential_rps: results.credential_page!.rps,
      credential_p99_ms: results.credential_page!.p99_ms,
      credential_json_rps: results.credential_json!.rps,
      credential_json_p99_ms: results.credential_json!.p99_ms,
      badge_rps: results.badge_page!.rps,
      badge_p99_ms: results.badge_page!.p99_ms,
      credential_vs_bare: Number((results.credential_page!.rps / bare).toFixed(3)),
      badge_vs_bare: Number((results.badge_page!.rps / bare).toFixed(3)),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
