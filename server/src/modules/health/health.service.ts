import type { AppContext } from "../../context";
import { jobStats } from "../jobs/jobs.repo";
import type { HealthDto } from "./health.schema";

/** Whether the database answers and the job queue moves; degraded otherwise. */
export async function checkHealth(ctx: AppContext): Promise<HealthDto> {
  let latencyMs = -1;
  let jobs = { pending: 0, running: 0, failed: 0, oldestPendingSeconds: 0 };
  let dbOk = true;
  try {
    latencyMs = await ctx.database.ping();
    jobs = await jobStats(ctx.db);
  } catch {
    dbOk = false;
  }
  // A queue that has not moved for ten minutes is stuck.
  const jobsOk = dbOk && jobs.oldestPendingSeconds < 600;
  return {
    status: dbOk && jobsOk ? "ok" : "degraded",
    database: { ok: dbOk, driver: ctx.database.driver, latencyMs },
    jobs: { ok: jobsOk, ...jobs },
    workers: { threads: ctx.workers.stats().threads, queued: ctx.workers.stats().queued },
  };
}
