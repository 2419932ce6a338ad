import { z } from "zod";
import type { Queryable } from "../../db/client";
import { enqueueJob, enqueueJobs, findPendingJob, pendingJobValues } from "./jobs.repo";
import type { JobContext, JobHandler } from "./worker";

/**
 * Every queue Blason runs, with the payload its jobs carry. A module enqueues
 * by name (`enqueue(tx, "label.reassess", { organisationId })`) and never
 * imports the module that runs the job: that is what keeps the modules free of
 * import cycles. A handler receives its payload parsed by the same schema.
 */
export const queues = {
  "email.send": z.object({
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
  }),
  "credentials.issue": z.object({
    grantKey: z.string(),
    badgeClassId: z.string(),
    subjectOrgId: z.string().optional(),
    subjectUserId: z.string().optional(),
    issuerOrgId: z.string().optional(),
    /** ISO instant: payloads are JSON. */
    validFrom: z.string(),
    evidence: z
      .array(
        z.object({ id: z.string(), name: z.string().optional(), narrative: z.string().optional() }),
      )
      .optional(),
  }),
  "reminders.run": z.object({}),
  "label.reassess": z.object({ organisationId: z.string() }),
  /**
   * A badge that counts for the label was issued: the label follows (a
   * suspended one may come back) and the CFA hears if it made it eligible.
   */
  "label.eligibility": z.object({ organisationId: z.string(), credentialId: z.string() }),
  "competences.evaluate": z.object({ earnerId: z.string() }),
  "competences.blason": z.object({ credentialId: z.string() }),
  "competences.recheck": z.object({ after: z.string().nullable(), day: z.string() }),
  "partners.award-batch": z.object({ batchId: z.string() }),
  /** A CFA obtained the label: the pairing where it is the mentee ends, both sides are told. */
  "mentoring.label-obtained": z.object({ organisationId: z.string() }),
} as const;

export type QueueName = keyof typeof queues;
export type Payload<Q extends QueueName> = z.infer<(typeof queues)[Q]>;

export type EnqueueOptions = {
  runAt?: Date;
  maxAttempts?: number;
  /** Enqueueing the same key twice keeps the first job only. */
  uniqueKey?: string;
};

/** Enqueues inside the caller's transaction: the job exists iff the change does. */
export async function enqueue<Q extends QueueName>(
  q: Queryable,
  queue: Q,
  payload: Payload<Q>,
  options: EnqueueOptions = {},
): Promise<void> {
  await enqueueJob(q, { queue, payload: queues[queue].parse(payload), ...options });
}

/**
 * Enqueues unless a job of this queue with the same value for `key` is still
 * pending (locked until the caller commits, so a worker cannot start it
 * before the change is visible). A pending job reads the database when it
 * runs, so it will see the caller's change too.
 */
export async function enqueueOnce<Q extends QueueName>(
  q: Queryable,
  queue: Q,
  payload: Payload<Q>,
  key: keyof Payload<Q> & string,
): Promise<void> {
  const value = String(payload[key]);
  if (!(await findPendingJob(q, { queue, key, value }))) await enqueue(q, queue, payload);
}

/**
 * `enqueueOnce` for many payloads at once (a batch of pushed badges): two
 * statements whatever their number, each value queued once.
 */
export async function enqueueOnceEach<Q extends QueueName>(
  q: Queryable,
  queue: Q,
  payloads: Payload<Q>[],
  key: keyof Payload<Q> & string,
): Promise<void> {
  const byValue = new Map(payloads.map((p) => [String(p[key]), p]));
  const waiting = await pendingJobValues(q, { queue, key, values: [...byValue.keys()] });
  await enqueueJobs(
    q,
    [...byValue]
      .filter(([value]) => !waiting.has(value))
      .map(([, payload]) => ({ queue, payload: queues[queue].parse(payload) })),
  );
}

/** A handler for one queue; a payload that does not match its schema fails the job. */
export function handle<Q extends QueueName>(
  queue: Q,
  run: (payload: Payload<Q>, context: JobContext) => Promise<void>,
): JobHandler {
  return (payload, context) => run(queues[queue].parse(payload) as Payload<Q>, context);
}
