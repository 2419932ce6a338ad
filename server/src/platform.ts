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
import { evaluateJobHandler } from "./modules/competences/evaluation.service";
import { blasonChannelJobHandler } from "./modules/competences/ingestion.service";
import { recheckJobHandler } from "./modules/competences/recheck.service";
import { issueQueuedGrant } from "./modules/credentials/issuance.service";
import { createMailer, emailJobHandler, type Mailer } from "./modules/email/mailer";
import { handle, type QueueName } from "./modules/jobs/queues";
import { type JobHandler, type JobHandlers, JobWorker } from "./modules/jobs/worker";
import { followIssuedBadge } from "./modules/label/eligibility.service";
import { reassessLabel } from "./modules/label/reassessment.service";
import { closePairingsByLabel } from "./modules/mentoring/label-obtained.service";
import { awardBatchJobHandler } from "./modules/partners/own-badges.service";
import { runDailyChain, scheduleReminders } from "./modules/reminders/reminders.service";

export type Platform = { ctx: AppContext; worker: JobWorker; close(): Promise<void> };

export function databaseOptions(config: Config): OpenDatabaseOptions {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir };
}

/** Who runs each queue of the registry: every queue has its handler. */
export function jobHandlers(ctx: AppContext): JobHandlers {
  const handlers: Record<QueueName, JobHandler> = {
    "email.send": emailJobHandler(ctx.mailer),
    "credentials.issue": handle("credentials.issue", (grant) => issueQueuedGrant(ctx, grant)),
    "reminders.run": handle("reminders.run", () => runDailyChain(ctx)),
    "label.reassess": handle("label.reassess", async ({ organisationId }) => {
      await reassessLabel(ctx, organisationId);
    }),
    "label.eligibility": handle("label.eligibility", (job) => followIssuedBadge(ctx, job)),
    "competences.evaluate": evaluateJobHandler(ctx),
    "competences.blason": blasonChannelJobHandler(ctx),
    "competences.recheck": recheckJobHandler(ctx),
    "partners.award-batch": awardBatchJobHandler(ctx),
    "mentoring.label-obtained": handle("mentoring.label-obtained", (job) =>
      closePairingsByLabel(ctx, job),
    ),
  };
  return handlers;
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
    concurrency: config.jobsConcurrency,
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
