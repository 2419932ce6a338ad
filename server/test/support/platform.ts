import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../../src/app";
import { type Config, loadConfig } from "../../src/config";
import { type Database, openDatabase } from "../../src/db/client";
import type { Mailer } from "../../src/modules/email/mailer";
import { openPlatform, type Platform } from "../../src/platform";
import { withDatabase } from "../global-setup";

export type TestPlatform = Platform & {
  app: FastifyInstance;
  config: Config;
  databaseUrl?: string;
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-data-"));
  return loadConfig({
    NODE_ENV: "test",
    BLASON_MODE: "demo",
    MASTER_KEY: randomBytes(32).toString("base64"),
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    JOBS_POLL_MS: "20",
    ...overrides,
  });
}

/** A fresh database copied from the migrated template. */
export async function freshDatabase(): Promise<{ database: Database; url?: string }> {
  const template = inject("dbTemplate");
  if (template.kind === "pglite") {
    const blob = new Blob([fs.readFileSync(template.dumpFile)]);
    return { database: await openDatabase({ memory: true, loadDataDir: blob }) };
  }
  const name = `${template.template}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(template.url, name);
  return { database: await openDatabase({ databaseUrl: url, poolSize: 4 }), url };
}

export async function createTestPlatform(
  options: { config?: Record<string, string>; mailer?: Mailer; backoffMs?: number } = {},
): Promise<TestPlatform> {
  const config = testConfig(options.config);
  const { database, url } = await freshDatabase();
  const platform = await openPlatform(config, {
    database,
    backoffMs: options.backoffMs ?? 10,
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  const app = await buildApp(platform.ctx, {
    logger: false,
    webDir: path.join(config.dataDir, "no-web"),
  });
  await app.ready();
  return {
    ...platform,
    app,
    config,
    ...(url ? { databaseUrl: url } : {}),
    async close() {
      await app.close();
      await platform.close();
    },
  };
}

/** The shell a built web app would serve, for tests of the pages the server answers. */
export const TEST_SHELL =
  '<!doctype html><html lang="fr"><head><meta charset="UTF-8" /><meta name="description" content="x" /><title>Blason</title></head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>';

/** A second app on the platform, serving a web directory with `files` (index.html: TEST_SHELL). */
export async function appWithWebApp(
  platform: Platform,
  files: Record<string, string> = {},
): Promise<FastifyInstance> {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-web-"));
  for (const [name, content] of Object.entries({ "index.html": TEST_SHELL, ...files }))
    fs.writeFileSync(path.join(webDir, name), content);
  const app = await buildApp(platform.ctx, { logger: false, webDir });
  await app.ready();
  return app;
}
