import type { Config } from "./config";
import type { Database, Db } from "./db/client";
import type { Mailer } from "./modules/email/mailer";

/** What services need from the running platform, passed explicitly. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
};
