import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { claimJobs, completeJob, failJob, type JobRow, renewLease } from "./jobs.repo";

export type JobContext = { jobId: number; attempt: number };
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

export type WorkerOptions = {
  db: Db;
  handlers: JobHandlers;
  pollMs: number;
  /** How long a running job may stay silent before another worker takes it over. */
  leaseMs?: number;
  /** How many jobs run at once (default 16): a slow job never holds the others back. */
  concurrency?: number;
  /** How many jobs `drain()` and `runOnce()` take at a time (default: the concurrency). */
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
 * claims rows with FOR UPDATE SKIP LOCKED (LIMIT the free slots) and finishes
 * only what it holds. Started, it keeps up to `concurrency` jobs running and
 * claims again as soon as one finishes: jobs never wait for a whole batch.
 */
export class JobWorker {
  readonly id = `worker-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private claiming = false;
  private readonly active = new Set<Promise<void>>();

  constructor(private readonly options: WorkerOptions) {}

  private get concurrency() {
    return Math.max(1, this.options.concurrency ?? 16);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    while (this.claiming || this.active.size > 0) {
      await Promise.all([...this.active]);
      if (this.claiming) await new Promise((resolve) => setTimeout(resolve, 5));
    }
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
    const claimed = await this.claim(this.options.batchSize ?? this.concurrency);
    await Promise.all(claimed.map((job) => this.execute(job)));
    return claimed.length;
  }

  private claim(limit: number) {
    const { db, leaseMs = 5 * 60_000 } = this.options;
    const queues = this.options.queues ?? Object.keys(this.options.handlers);
    return claimJobs(db, { workerId: this.id, limit, leaseMs, queues });
  }

  private schedule(delay: number) {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fill(), delay);
  }

  /** Claims as many jobs as there are free slots; polls again when none was due. */
  private async fill() {
    if (!this.running || this.claiming) return;
    const free = this.concurrency - this.active.size;
    if (free <= 0) return;
    this.claiming = true;
    let claimed: JobRow[] = [];
    try {
      claimed = await this.claim(free);
    } catch {
      claimed = [];
    } finally {
      this.claiming = false;
    }
    for (const job of claimed) {
      const run = this.execute(job).finally(() => {
        this.active.delete(run);
        this.schedule(0);
      });
      this.active.add(run);
    }
    // A full claim may leave more due; otherwise a finishing job or the poll claims again.
    this.schedule(claimed.length === free ? 0 : this.options.pollMs);
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.options.handlers[job.queue];
    // A job that runs longer than a third of its lease renews it: only a dead worker's jobs are taken over.
    const leaseMs = this.options.leaseMs ?? 5 * 60_000;
    const heartbeat = setInterval(
      () => void renewLease(this.options.db, job, this.id).catch(() => {}),
      Math.max(250, leaseMs / 3),
    );
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
    } finally {
      clearInterval(heartbeat);
    }
  }
}
