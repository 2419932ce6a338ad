import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { migrationsDir } from "../paths";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run queries: the database or a transaction in progress. */
export type Queryable = Db | Tx;

export type DatabaseDriver = "pglite" | "postgres";

export type Database = {
  db: Db;
  driver: DatabaseDriver;
  migrate(): Promise<void>;
  /** Round trip time of a trivial query, in milliseconds. */
  ping(): Promise<number>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data directory (test templates). */
  dump?: () => Promise<Blob>;
};

export type OpenDatabaseOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string }
  | { memory: true; loadDataDir?: Blob };

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `Another Blason process (pid ${pid}) is using the embedded database in ${path.dirname(lockFile)}. ` +
        "PGlite serves one process only: stop the other one, or set DATABASE_URL to use PostgreSQL.",
    );
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if ("databaseUrl" in options) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if ("dataDir" in options) {
    const dir = path.join(options.dataDir, "pglite");
    fs.mkdirSync(dir, { recursive: true });
    const release = acquireLock(path.join(options.dataDir, "pglite.lock"));
    try {
      return await openPglite(new PGlite(dir), release);
    } catch (error) {
      release();
      throw error;
    }
  }
  const client = options.loadDataDir
    ? new PGlite({ loadDataDir: options.loadDataDir })
    : new PGlite();
  return openPglite(client, () => {});
}

async function openPglite(client: PGlite, release: () => void): Promise<Database> {
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder: migrationsDir }),
    ping: () => timeQuery(db),
    dump: () => client.dumpDataDir("none"),
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server must not crash the process.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  await pool.query("select 1");
  return {
    db,
    driver: "postgres",
    migrate: () => migratePg(db as never, { migrationsFolder: migrationsDir }),
    ping: () => timeQuery(db),
    close: () => pool.end(),
  };
}

async function timeQuery(db: Db): Promise<number> {
  const start = performance.now();
  await db.execute(sql`select 1`);
  return Math.round((performance.now() - start) * 100) / 100;
}

/**
 * PGlite takes no lock on its directory and two processes on one directory
 * silently lose writes, so we hold a lock file with our pid. A lock left by a
 * dead process is taken over.
 */
function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(fs.readFileSync(lockFile, "utf8"));
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid))
        throw new DatabaseLockedError(lockFile, pid);
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the database lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
