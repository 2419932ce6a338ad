import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../../src/db/client";
import * as schema from "../../src/db/schema";

const tables: PgTable[] = [];
for (const value of Object.values(schema) as unknown[]) if (is(value, PgTable)) tables.push(value);

type Row = { digest: string | null; n: string | number };

/**
 * A digest of every business table (row count and content hash), to prove
 * that a refused request changed nothing. Sessions and rate-limit counters
 * are bookkeeping and left out.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const name = getTableName(table);
    if (name === "sessions" || name === "rate_buckets") continue;
    const result = (await db.execute(
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*) as n from ${table} t`,
    )) as unknown as { rows: Row[] };
    const row = result.rows[0];
    out[name] = `${Number(row?.n)}:${row?.digest}`;
  }
  return out;
}
