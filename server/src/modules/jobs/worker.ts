import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { claimJobs, completeJob, failJob, type JobRow } from "./jobs.repo";

export type JobContext = { jobId: number; attempt: number };
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export type WorkerOptions = {
  db: Db;
  handlers: JobHandlers;
  pollMs: number;
  /** How long a running job may stay silent before another worker takes it over. */
  leaseMs?: number;
  batchSize?: number;
  /** First retry delay; doubles with every attempt. */
  backoffMs?: number;
  onError?: (job: JobRow, error: unknown) => void;
  /** Serve only these queues (default: the queues it has handlers for). */
  queues?: string[];
};

export function retryDelayMs(attempt: number, baseMs: number): number {
  const exponential = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(exponential, 60 * 60 * 1000);
}

/**
 * Polls the jobs table and runs due jobs. Safe with several instances: each
 * claims rows with FOR UPDATE SKIP LOCKED and finishes only what it holds.
 */
export class JobWorker {
  readonly id = `worker-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  /** Runs every job due now, batch after batch; returns how many ran. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const ran = await this.runOnce();
      total += ran;
      if (ran === 0) return total;
    }
  }

  async runOnce(): Promise<number> {
    const { db, batchSize = 5, leaseMs = 5 * 60_000 } = this.options;
    const queues = this.options.queues ?? Object.keys(this.options.handlers);
    const claimed = await claimJobs(db, { workerId: this.id, limit: batchSize, leaseMs, queues });
    await Promise.all(claimed.map((job) => this.execute(job)));
    return claimed.length;
  }

  private schedule(delay: number) {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      const tick = this.runOnce()
        .catch(() => 0)
        .then((ran) => this.schedule(ran > 0 ? 0 : this.options.pollMs));
      this.inFlight = tick;
    }, delay);
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.options.handlers[job.queue];
    try {
      if (!handler) throw new Error(`No handler for queue "${job.queue}"`);
      await handler(job.payload, { jobId: job.id, attempt: job.attempts });
      await completeJob(this.options.db, job, this.id);
    } catch (error) {
      this.options.onError?.(job, error);
      const delay = retryDelayMs(job.attempts, this.options.backoffMs ?? 2_000);
      const message = error instanceof Error ? error.message : String(error);
      await failJob(
        this.options.db,
        job,
        this.id,
        message.slice(0, 2000),
        new Date(Date.now() + delay),
      );
    }
  }
}
