import { type MessagePort, threadId } from "node:worker_threads";
import type { Fetcher, FetchResult } from "../fetch";
import type { IssuerKey } from "../keys";
import type { Limits } from "../limits";
import { signCredential } from "../sign";
import {
  type VerificationReport,
  type VerifyInput,
  type VerifyOptions,
  verifyCredential,
} from "../verify";

/** What crosses into a worker thread: plain data, and a port for fetches. */
export type VerifyTask = {
  kind: "verify";
  input: VerifyInput;
  now?: string;
  recipient?: VerifyOptions["recipient"];
  limits?: Partial<Limits>;
  maxBytes?: number;
  timeoutMs?: number;
  /** Answer the report as JSON text, so that the calling thread need not rebuild it. */
  asJson?: boolean;
  /** Fetches go back to the calling thread, which owns the fetcher. */
  port: MessagePort;
};
export type SignTask = {
  kind: "sign";
  credential: object;
  key: IssuerKey;
  date?: string;
  port: MessagePort;
};
export type Task = VerifyTask | SignTask;

export type FetchRequest = { id: number; url: string; accept?: string };
export type FetchReply = { id: number; result: FetchResult };
/** From a job to its caller: which thread runs it (for its time budget), then its fetches. */
export type ToCaller = { started: number } | FetchRequest;

/** A fetcher whose every request is answered by the calling thread over the port. */
function portFetcher(port: MessagePort): Fetcher {
  let next = 0;
  const waiting = new Map<number, (result: FetchResult) => void>();
  port.on("message", (reply: FetchReply) => {
    waiting.get(reply.id)?.(reply.result);
    waiting.delete(reply.id);
  });
  return (url, options) =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      port.postMessage({
        id,
        url,
        ...(options?.accept ? { accept: options.accept } : {}),
      } satisfies FetchRequest);
    });
}

/** The pool's one entry point, run inside a worker thread. */
export async function runTask(task: Task): Promise<VerificationReport | object | string> {
  task.port.postMessage({ started: threadId } satisfies ToCaller);
  if (task.kind === "sign") {
    task.port.close();
    return signCredential(task.credential, {
      key: task.key,
      ...(task.date ? { date: task.date } : {}),
    });
  }
  try {
    const report = await verifyCredential(task.input, {
      fetcher: portFetcher(task.port),
      ...(task.now ? { now: new Date(task.now) } : {}),
      ...(task.recipient ? { recipient: task.recipient } : {}),
      ...(task.limits ? { limits: task.limits } : {}),
      ...(task.maxBytes ? { maxBytes: task.maxBytes } : {}),
      ...(task.timeoutMs ? { timeoutMs: task.timeoutMs } : {}),
    });
    return task.asJson ? JSON.stringify(report) : report;
  } finally {
    task.port.close();
  }
}
