import type { CredentialWorkers, Fetcher } from "@blason/openbadges";
import type { Config } from "./config";
import type { Database, Db } from "./db/client";
import type { OwnUrlHandler } from "./lib/fetcher";
import type { Mailer } from "./modules/email/mailer";

/** What services need from the running platform, passed explicitly. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  /** Every remote document goes through it (see lib/fetcher.ts). */
  fetcher: Fetcher;
  /** JSON-LD, signing and verification, off the event loop (see the engine's workers/pool.ts). */
  workers: CredentialWorkers;
  /** Set by the web app so that the fetcher answers our own URLs in-process. */
  ownUrls: { handler?: OwnUrlHandler };
};
