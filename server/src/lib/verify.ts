import {
  type VerificationReport,
  type VerifyInput,
  WorkersBusyError,
  type WorkerVerifyOptions,
} from "@blason/openbadges";
import type { AppContext } from "../context";
import { AppError } from "../errors";

type Options = Omit<WorkerVerifyOptions, "fetcher">;

/** Saturated threads are the platform's state, not the document's: no verdict, SERVICE_BUSY. */
async function busyAsAppError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof WorkersBusyError) throw new AppError("SERVICE_BUSY");
    throw error;
  }
}

/**
 * Every verification of the platform: in the worker threads, with the
 * platform's fetcher (our own documents answered in-process). When the
 * threads are saturated the caller gets SERVICE_BUSY (503 with Retry-After;
 * a job tries again later) rather than a verdict.
 */
export function verifyInWorkers(
  ctx: AppContext,
  input: VerifyInput,
  options: Options = {},
): Promise<VerificationReport> {
  return busyAsAppError(ctx.workers.verify(input, { fetcher: ctx.fetcher, ...options }));
}

/** The same, answered as the report's JSON text, for an HTTP answer that only passes it on. */
export function verifyInWorkersAsJson(
  ctx: AppContext,
  input: VerifyInput,
  options: Options = {},
): Promise<string> {
  return busyAsAppError(ctx.workers.verifyJson(input, { fetcher: ctx.fetcher, ...options }));
}

function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === "object")
    return Object.entries(value).some(([key, child]) => key.includes("\u0000") || holdsNul(child));
  return false;
}

/**
 * PostgreSQL keeps no NUL character, in text or in jsonb. A document that
 * arrives by URL or in a baked image is not checked by the request schemas
 * (http/text.ts checks what is typed or pasted): before a report is stored,
 * a NUL anywhere in it is refused with a reason, and nothing is written.
 */
export function assertStorable(report: VerificationReport, field: string) {
  if (holdsNul(report.credential) || holdsNul(report.summary))
    throw new AppError("BADGE_NOT_STORABLE", { [field]: "" });
}
