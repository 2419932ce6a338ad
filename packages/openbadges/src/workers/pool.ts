import { availableParallelism } from "node:os";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import Piscina from "piscina";
import type { Fetcher, FetchResult } from "../fetch";
import type { IssuerKey } from "../keys";
import type { Limits } from "../limits";
import type { Signed } from "../sign";
import {
  timedOutReport,
  unreadableReport,
  type VerificationReport,
  type VerifyInput,
  type VerifyOptions,
} from "../verify";
import type { FetchReply, FetchRequest, SignTask, Task, ToCaller, VerifyTask } from "./tasks";

/**
 * JSON-LD, signing and verification in worker threads, so that no document,
 * however costly, delays the requests the calling thread is answering.
 *
 * - Each verification's fetches come back to the calling thread, which owns
 *   the fetcher (a server answers its own URLs from its database).
 * - Every job has a time budget. The engine keeps its own clock inside the
 *   thread (slow remote documents: a TIMEOUT report); if the thread is too
 *   busy to look at it, the pool terminates the thread at the budget and
 *   starts another one.
 * - A thread holds at most `memoryMb` of heap: a document that needs more
 *   ends its thread, not the process.
 * - The queue is bounded: past it, callers get a WorkersBusyError (a server
 *   answers 503, a job tries again later).
 */
export type CredentialWorkersOptions = {
  /** Threads; default: one per core but one, at least 1, at most 4. */
  threads?: number;
  /** Per job, in milliseconds; default 20 s (the engine's own budget) plus 2 s. */
  budgetMs?: number;
  /** Verifications a thread interleaves while they wait on fetches; default 4. */
  tasksPerThread?: number;
  /** Jobs waiting for a thread; default 1,000. */
  maxQueue?: number;
  /** Heap per thread; default 512 MB. */
  memoryMb?: number;
};

export type WorkerVerifyOptions = {
  fetcher: Fetcher;
  now?: Date;
  recipient?: VerifyOptions["recipient"];
  limits?: Partial<Limits>;
  maxBytes?: number;
  /** This job's budget, when it must be shorter than the pool's. */
  budgetMs?: number;
};

export type CredentialWorkers = {
  /** As verifyCredential: never throws for a bad document; throws WorkersBusyError when full. */
  verify(input: VerifyInput, options: WorkerVerifyOptions): Promise<VerificationReport>;
  /**
   * The same report as JSON text, serialised in the thread: a caller that
   * only sends it on (an HTTP answer) never rebuilds a large credential.
   */
  verifyJson(input: VerifyInput, options: WorkerVerifyOptions): Promise<string>;
  /** As signCredential, in a thread. */
  sign<T extends object>(
    credential: T,
    options: { key: IssuerKey; date?: Date | string },
  ): Promise<Signed<T>>;
  /** Threads running and jobs waiting, for health pages and benchmarks. */
  stats(): { threads: number; queued: number; completed: number };
  close(): Promise<void>;
};

export class WorkersBusyError extends Error {
  constructor() {
    super("The credential workers are busy; try again shortly.");
    this.name = "WorkersBusyError";
  }
}

const ENGINE_TIMEOUT_MS = 20_000;

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

class BudgetExceeded extends Error {}

/** A thread ended under this job: another job's budget, or memory. */
const isThreadLoss = (error: unknown) =>
  error instanceof Error &&
  /worker exited with code|ERR_WORKER_OUT_OF_MEMORY/i.test(
    `${error.message} ${(error as { code?: string }).code ?? ""}`,
  );

/** A verification's fetch, done by the calling thread's fetcher and answered over the port. */
async function answerFetch(port: MessagePort, fetcher: Fetcher, request: FetchRequest) {
  let result: FetchResult;
  try {
    result = await fetcher(request.url, request.accept ? { accept: request.accept } : undefined);
  } catch (error) {
    result = {
      ok: false,
      url: request.url,
      code: "FETCH_NETWORK",
      message: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage({ id: request.id, result } satisfies FetchReply);
}

export function createCredentialWorkers(options: CredentialWorkersOptions = {}): CredentialWorkers {
  const threads = options.threads ?? defaultThreads();
  const budgetMs = options.budgetMs ?? ENGINE_TIMEOUT_MS + 2_000;
  const tasksPerThread = options.tasksPerThread ?? 4;
  const pool = new Piscina({
    filename: new URL("./worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: tasksPerThread,
    // A thread waits on its event loop, not in Atomics.wait: a verification
    // awaiting a fetch leaves it free to run other jobs meanwhile (a status
    // list it fetches from us may need signing).
    atomics: "disabled",
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? 512 },
  });
  const capacity = threads * tasksPerThread + (options.maxQueue ?? 1_000);
  let inFlight = 0;

  /**
   * One job. Piscina's own abort signal would make the job's thread exclusive
   * (it cannot cancel one job of several), so the budget is kept here: the
   * job names its thread when it starts, and past the budget that thread is
   * terminated (the others on it are retried by their callers).
   */
  async function run<R>(
    task: Omit<Task, "port">,
    fetcher: Fetcher | undefined,
    budget: number,
  ): Promise<R> {
    if (inFlight >= capacity) throw new WorkersBusyError();
    inFlight++;
    const { port1, port2 } = new MessageChannel();
    let threadId: number | undefined;
    let overBudget = false;
    port1.on("message", (message: ToCaller) => {
      if ("started" in message) threadId = message.started;
      else if (fetcher) void answerFetch(port1, fetcher, message);
    });
    const timer = setTimeout(() => {
      overBudget = true;
      if (threadId !== undefined)
        void pool.threads.find((thread) => thread.threadId === threadId)?.terminate();
    }, budget);
    try {
      return (await pool.run({ ...task, port: port2 }, { transferList: [port2] })) as R;
    } catch (error) {
      throw overBudget ? new BudgetExceeded() : error;
    } finally {
      clearTimeout(timer);
      port1.close();
      inFlight--;
    }
  }

  async function verifyOnce<R>(
    input: VerifyInput,
    options: WorkerVerifyOptions,
    asJson: boolean,
  ): Promise<R> {
    const budget = options.budgetMs ?? budgetMs;
    const task: Omit<VerifyTask, "port"> = {
      kind: "verify",
      input,
      timeoutMs: Math.min(ENGINE_TIMEOUT_MS, budget),
      ...(options.now ? { now: options.now.toISOString() } : {}),
      ...(options.recipient ? { recipient: options.recipient } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      ...(asJson ? { asJson } : {}),
    };
    return run<R>(task, options.fetcher, budget);
  }

  /** A verification, with a second chance when another job's thread loss took this one down. */
  async function verify<R>(
    input: VerifyInput,
    options: WorkerVerifyOptions,
    asJson: boolean,
  ): Promise<R | VerificationReport> {
    try {
      return await verifyOnce<R>(input, options, asJson);
    } catch (error) {
      if (error instanceof WorkersBusyError) throw error;
      if (error instanceof BudgetExceeded) return timedOutReport();
      if (isThreadLoss(error))
        try {
          return await verifyOnce<R>(input, options, asJson);
        } catch (again) {
          if (again instanceof WorkersBusyError) throw again;
          return again instanceof BudgetExceeded ? timedOutReport() : unreadableReport(again);
        }
      return unreadableReport(error);
    }
  }

  return {
    verify: (input, options) => verify<VerificationReport>(input, options, false),
    async verifyJson(input, options) {
      const answer = await verify<string>(input, options, true);
      return typeof answer === "string" ? answer : JSON.stringify(answer);
    },
    async sign(credential, { key, date }) {
      const task: Omit<SignTask, "port"> = {
        kind: "sign",
        credential,
        key,
        ...(date ? { date: new Date(date).toISOString() } : {}),
      };
      try {
        return await run(task, undefined, budgetMs);
      } catch (error) {
        if (error instanceof BudgetExceeded)
          throw new Error(`Signing took longer than ${budgetMs} ms.`);
        throw error;
      }
    },
    stats: () => ({
      threads: pool.threads.length,
      queued: Math.max(0, inFlight - threads * tasksPerThread),
      completed: pool.completed,
    }),
    close: () => pool.destroy(),
  };
}
