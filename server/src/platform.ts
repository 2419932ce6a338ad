import { createCredentialWorkers } from "@blason/openbadges";
import type { Config } from "./config";
import type { AppContext } from "./context";
import { type Database, type OpenDatabaseOptions, openDatabase } from "./db/client";
import { createPlatformFetcher } from "./lib/fetcher";
import { useAuditKeys } from "./modules/audit/audit.keys";
import { startAuditChain } from "./modules/audit/audit.repo";
import { closePasswordChecks } from "./modules/auth/password-check";
import { ensureCatalogue } from "./modules/catalogue/catalogue.seed";
import { ensureCompetencesCatalogue } from "./modules/competences/competences.seed";
import {
  blasonChannelJobHandler,
  evaluateJobHandler,
} from "./modules/competences/ingestion.service";
import { RECHECK_QUEUE, recheckJobHandler } from "./modules/competences/recheck.service";
import {
  BLASON_CHANNEL_QUEUE,
  EVALUATE_QUEUE,
  ISSUE_QUEUE,
  issueJobHandler,
} from "./modules/credentials/issuance.service";
import { createMailer, EMAIL_QUEUE, emailJobHandler, type Mailer } from "./modules/email/mailer";
import { type JobHandlers, JobWorker } from "./modules/jobs/worker";
import { LABEL_QUEUE, labelJobHandler } from "./modules/label/label.service";
import { AWARD_BATCH_QUEUE, awardBatchJobHandler } from "./modules/partners/own-badges.service";
import {
  REMINDERS_QUEUE,
  remindersJobHandler,
  scheduleReminders,
} from "./modules/reminders/reminders.service";

export type Platform = { ctx: AppContext; worker: JobWorker; close(): Promise<void> };

export function databaseOptions(config: Config): OpenDatabaseOptions {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir };
}

export function jobHandlers(ctx: AppContext): JobHandlers {
  return {
    [EMAIL_QUEUE]: emailJobHandler(ctx.mailer),
    [ISSUE_QUEUE]: issueJobHandler(ctx),
    [REMINDERS_QUEUE]: remindersJobHandler(ctx),
    [LABEL_QUEUE]: labelJobHandler(ctx),
    [EVALUATE_QUEUE]: evaluateJobHandler(ctx),
    [BLASON_CHANNEL_QUEUE]: blasonChannelJobHandler(ctx),
    [RECHECK_QUEUE]: recheckJobHandler(ctx),
    [AWARD_BATCH_QUEUE]: awardBatchJobHandler(ctx),
  };
}

/** Opens the database, applies migrations and prepares the job worker (not started). */
export async function openPlatform(
  config: Config,
  options: {
    database?: Database;
    mailer?: Mailer;
    backoffMs?: number;
    /** Only for `audit verify` and `audit seal`: open a database whose audit log is in doubt. */
    inspectAudit?: boolean;
  } = {},
): Promise<Platform> {
  const database = options.database ?? (await openDatabase(databaseOptions(config)));
  try {
    await database.migrate();
    const keys = useAuditKeys(config.masterKey);
    if (!options.inspectAudit)
      await startAuditChain(database.db, keys, { sealLegacy: config.mode === "demo" });
  } catch (error) {
    await database.close();
    throw error;
  }
  const db = database.db;
  const mailer =
    options.mailer ?? createMailer({ db, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const ownUrls: AppContext["ownUrls"] = {};
  const fetcher = createPlatformFetcher(config, ownUrls);
  const workers = createCredentialWorkers(
    config.cryptoThreads ? { threads: config.cryptoThreads } : {},
  );
  const ctx: AppContext = { config, database, db, mailer, fetcher, workers, ownUrls };
  try {
    if (!options.inspectAudit) {
      // The catalogue in force is reference data every instance needs, demo or not.
      await ensureCatalogue(ctx);
      await ensureCompetencesCatalogue(ctx);
      await scheduleReminders(ctx);
    }
  } catch (error) {
    await workers.close();
    await database.close();
    throw error;
  }
  const worker = new JobWorker({
    db,
    handlers: jobHandlers(ctx),
    pollMs: config.jobsPollMs,
    leaseMs: config.jobsLeaseMs,
    ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
  });
  return {
    ctx,
    worker,
    async close() {
      await worker.stop();
      await workers.close();
      await closePasswordChecks();
      await database.close();
    },
  };
}
