import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate:
      | { kind: "pglite"; dumpFile: string }
      | { kind: "postgres"; url: string; template: string };
  }
}

/**
 * Migrates one template database for the whole run; each test file then
 * starts from a copy of it (PGlite: a data-dir dump; PostgreSQL: CREATE
 * DATABASE ... TEMPLATE), which is much cheaper than migrating every time.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `blason_tpl_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const templateUrl = withDatabase(url, template);
    const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 1 });
    await database.migrate();
    await database.close();
    project.provide("dbTemplate", { kind: "postgres", url, template });
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`${template}%`],
      );
      for (const row of rows)
        await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ memory: true });
  await database.migrate();
  const dump = await database.dump!();
  await database.close();
  const dumpFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), "blason-test-")),
    "template.tar",
  );
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide("dbTemplate", { kind: "pglite", dumpFile });
  return () => fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
