import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/pglite/migrator";
import { type Database, openDatabase } from "../../src/db/client";
import { migrationsDir } from "../../src/paths";

/**
 * An in-memory database as it was before the migration whose tag ends with
 * `suffix`: every earlier migration applied, that one and the later ones not.
 * Opening the platform on it then applies the rest, as an upgrade would.
 */
export async function databaseBefore(suffix: string): Promise<Database> {
  const before = fs.mkdtempSync(path.join(os.tmpdir(), "blason-migrations-"));
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsDir, "meta/_journal.json"), "utf8"),
  ) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith(suffix));
  if (cut <= 0) throw new Error(`no migration ending with ${suffix} after the first`);
  fs.mkdirSync(path.join(before, "meta"));
  fs.writeFileSync(
    path.join(before, "meta/_journal.json"),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }),
  );
  for (const e of journal.entries.slice(0, cut))
    fs.copyFileSync(path.join(migrationsDir, `${e.tag}.sql`), path.join(before, `${e.tag}.sql`));
  const database = await openDatabase({ memory: true });
  await migrate(database.db as never, { migrationsFolder: before });
  return database;
}

/** The first row a raw statement returns. */
export const firstRow = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows[0]!;
