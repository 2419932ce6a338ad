import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { jobs } from "../../db/schema";

export type JobRow = typeof jobs.$inferSelect;

export type EnqueueInput = {
  queue: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
  /** Enqueueing the same key twice keeps the first job only. */
  uniqueKey?: string;
};

/** Enqueue inside the caller's transaction: the job exists iff the change does. */
export async function enqueueJob(q: Queryable, input: EnqueueInput): Promise<void> {
  await q
    .insert(jobs)
    .values({
      queue: input.queue,
      payload: input.payload,
      runAt: input.runAt ?? new Date(),
      maxAttempts: input.maxAttempts ?? 5,
      uniqueKey: input.uniqueKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.uniqueKey });
}

/** Enqueues several jobs in one statement, inside the caller's transaction. */
export async function enqueueJobs(q: Queryable, inputs: EnqueueInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await q
    .insert(jobs)
    .values(
      inputs.map((input) => ({
        queue: input.queue,
        payload: input.payload,
        runAt: input.runAt ?? new Date(),
        maxAttempts: input.maxAttempts ?? 5,
        uniqueKey: input.uniqueKey ?? null,
      })),
    )
    .onConflictDoNothing({ target: jobs.uniqueKey });
}

/**
 * Which of these values at `key` already have a pending job of `queue`,
 * those jobs locked until the caller's transaction ends.
 */
export async function pendingJobValues(
  q: Queryable,
  input: { queue: string; key: string; values: string[] },
): Promise<Set<string>> {
  if (input.values.length === 0) return new Set();
  const rows = await q
    .select({ value: sql<string>`${jobs.payload}->>${input.key}` })
    .from(jobs)
    .where(
      and(
        eq(jobs.queue, input.queue),
        eq(jobs.status, "pending"),
        inArray(sql`${jobs.payload}->>${input.key}`, input.values),
      ),
    )
    .for("update");
  return new Set(rows.map((r) => r.value));
}

/**
 * The pending job of `queue` whose payload holds `value` at `key`, locked
 * until the caller's transaction ends.
 */
export async function findPendingJob(
  q: Queryable,
  input: { queue: string; key: string; value: string },
): Promise<{ id: number } | undefined> {
  const [found] = await q
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.queue, input.queue),
        eq(jobs.status, "pending"),
        sql`${jobs.payload}->>${input.key} = ${input.value}`,
      ),
    )
    .limit(1)
    .for("update");
  return found;
}

/**
 * Takes up to `limit` due jobs for this worker. Rows locked by another
 * instance are skipped, so two instances never run the same job; a job whose
 * lease expired (its worker died) is taken again.
 */
export async function claimJobs(
  db: Db,
  options: { workerId: string; limit: number; leaseMs: number; queues?: string[] | undefined },
): Promise<JobRow[]> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const staleBefore = new Date(now.getTime() - options.leaseMs);
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          or(
            and(eq(jobs.status, "pending"), lte(jobs.runAt, now)),
            and(eq(jobs.status, "running"), lt(jobs.lockedAt, staleBefore)),
          ),
          options.queues ? inArray(jobs.queue, options.queues) : undefined,
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(jobs)
      .set({
        status: "running",
        attempts: sql`${jobs.attempts} + 1`,
        lockedAt: now,
        lockedBy: options.workerId,
      })
      .where(
        inArray(
          jobs.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

/** The worker still runs this job: its lease starts again, so no other worker takes it over. */
export async function renewLease(db: Db, job: Pick<JobRow, "id">, workerId: string) {
  await db
    .update(jobs)
    .set({ lockedAt: new Date() })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running")));
}

export async function completeJob(db: Db, job: Pick<JobRow, "id">, workerId: string) {
  await db
    .update(jobs)
    .set({ status: "done", finishedAt: new Date(), lockedAt: null, lastError: null })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running")));
}

export async function failJob(
  db: Db,
  job: Pick<JobRow, "id" | "attempts" | "maxAttempts">,
  workerId: string,
  error: string,
  retryAt: Date,
) {
  const final = job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set(
      final
        ? { status: "failed", finishedAt: new Date(), lockedAt: null, lastError: error }
        : { status: "pending", runAt: retryAt, lockedAt: null, lastError: error },
    )
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.status, "running")));
}

export async function jobStats(db: Db) {
  const rows = await db
    .select({
      status: jobs.status,
      count: sql<number>`count(*)::int`.mapWith(Number),
      oldest: sql<Date | null>`min(${jobs.runAt})`.mapWith((v) => (v ? new Date(v) : null)),
    })
    .from(jobs)
    // Pending means due: a job booked for later (tomorrow's reminders, a retry's
    // backoff) is not work waiting.
    .where(
      or(
        inArray(jobs.status, ["running", "failed"]),
        and(eq(jobs.status, "pending"), lte(jobs.runAt, new Date())),
      ),
    )
    .groupBy(jobs.status);
  const by = (status: string) => rows.find((r) => r.status === status);
  const oldestPending = by("pending")?.oldest ?? null;
  return {
    pending: by("pending")?.count ?? 0,
    running: by("running")?.count ?? 0,
    failed: by("failed")?.count ?? 0,
    oldestPendingSeconds: oldestPending
      ? Math.max(0, Math.round((Date.now() - oldestPending.getTime()) / 1000))
      : 0,
  };
}

export async function findJob(db: Db, id: number) {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}
