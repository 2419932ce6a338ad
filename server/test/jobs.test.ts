import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client";
import { claimJobs, enqueueJob, findJob } from "../src/modules/jobs/jobs.repo";
import { JobWorker, retryDelayMs } from "../src/modules/jobs/worker";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("durable jobs", () => {
  it("a job that waits does not hold the free slots: the next jobs run meanwhile", async () => {
    // A waits until C has run; with two slots, B's slot must take C while A still waits.
    let releaseA: () => void = () => {};
    const aMayEnd = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    const ran: string[] = [];
    const worker = new JobWorker({
      db: platform.ctx.db,
      pollMs: 10,
      concurrency: 2,
      handlers: {
        "slots.test": async (payload) => {
          const name = String(payload.name);
          if (name === "A") await aMayEnd;
          if (name === "C") releaseA();
          ran.push(name);
        },
      },
    });
    for (const name of ["A", "B", "C"])
      await enqueueJob(platform.ctx.db, { queue: "slots.test", payload: { name } });
    worker.start();
    await aMayEnd;
    await worker.stop();
    expect(ran).toEqual(["B", "C", "A"]);
  });

  it("a job still running past its lease is not taken over: its worker renews the lease", async () => {
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let runs = 0;
    const handlers = {
      "lease.test": async () => {
        runs++;
        started();
        await finished;
      },
    };
    const alive = new JobWorker({ db: platform.ctx.db, pollMs: 10, leaseMs: 600, handlers });
    const other = new JobWorker({ db: platform.ctx.db, pollMs: 10, leaseMs: 600, handlers });
    await enqueueJob(platform.ctx.db, { queue: "lease.test", payload: {} });
    alive.start();
    await running;
    await wait(1_200);
    expect(await other.runOnce()).toBe(0);
    finish();
    await alive.stop();
    expect(runs).toBe(1);
  });

  it("retries a failing job with growing delays until it succeeds", async () => {
    const attempts: number[] = [];
    const worker = new JobWorker({
      db: platform.ctx.db,
      pollMs: 10,
      backoffMs: 400,
      handlers: {
        flaky: async (_payload, { attempt }) => {
          attempts.push(attempt);
          if (attempt < 3) throw new Error(`failure number ${attempt}`);
        },
      },
    });
    await enqueueJob(platform.ctx.db, { queue: "flaky", payload: { n: 1 }, uniqueKey: "flaky-1" });
    expect(await worker.runOnce()).toBe(1);
    // The retry is not due yet: the backoff holds it back.
    expect(await worker.runOnce()).toBe(0);
    await wait(450);
    expect(await worker.runOnce()).toBe(1);
    // The second retry waits twice as long: not due after the first delay.
    await wait(450);
    expect(await worker.runOnce()).toBe(0);
    await wait(400);
    expect(await worker.runOnce()).toBe(1);
    expect(attempts).toEqual([1, 2, 3]);
    const [row] = await platform.ctx.db.query.jobs.findMany({
      where: (j, { eq }) => eq(j.uniqueKey, "flaky-1"),
    });
    expect(row).toMatchObject({ status: "done", attempts: 3, lastError: null });
  });

  it("gives up after the last attempt and keeps the error", async () => {
    const worker = new JobWorker({
      db: platform.ctx.db,
      pollMs: 10,
      backoffMs: 1,
      handlers: { doomed: async () => Promise.reject(new Error("SMTP refused")) },
    });
    await enqueueJob(platform.ctx.db, {
      queue: "doomed",
      payload: {},
      maxAttempts: 2,
      uniqueKey: "doomed-1",
    });
    await worker.runOnce();
    await wait(5);
    await worker.runOnce();
    const [row] = await platform.ctx.db.query.jobs.findMany({
      where: (j, { eq }) => eq(j.uniqueKey, "doomed-1"),
    });
    expect(row).toMatchObject({ status: "failed", attempts: 2, lastError: "SMTP refused" });
  });

  it("enqueues a unique key once", async () => {
    await enqueueJob(platform.ctx.db, { queue: "once", payload: { v: 1 }, uniqueKey: "same" });
    await enqueueJob(platform.ctx.db, { queue: "once", payload: { v: 2 }, uniqueKey: "same" });
    const rows = await platform.ctx.db.query.jobs.findMany({
      where: (j, { eq }) => eq(j.uniqueKey, "same"),
    });
    expect(rows.map((r) => r.payload)).toEqual([{ v: 1 }]);
  });

  it("takes over a job whose worker died while running it", async () => {
    await enqueueJob(platform.ctx.db, { queue: "orphan", payload: {}, uniqueKey: "orphan-1" });
    const [claimed] = await claimJobs(platform.ctx.db, {
      workerId: "dead-worker",
      limit: 10,
      leaseMs: 60_000,
      queues: ["orphan"],
    });
    expect(claimed?.queue).toBe("orphan");
    const ran: number[] = [];
    const worker = new JobWorker({
      db: platform.ctx.db,
      pollMs: 10,
      leaseMs: 0,
      handlers: { orphan: async (_p, { jobId }) => void ran.push(jobId) },
    });
    await wait(5);
    await worker.drain();
    expect(ran).toEqual([claimed!.id]);
    expect(await findJob(platform.ctx.db, claimed!.id)).toMatchObject({
      status: "done",
      attempts: 2,
    });
  });

  it("two workers never run the same job", async () => {
    for (let i = 0; i < 40; i++)
      await enqueueJob(platform.ctx.db, { queue: "count", payload: { i } });
    const seen: number[] = [];
    const handlers = {
      count: async (payload: Record<string, unknown>) => {
        await wait(1);
        seen.push(Number(payload.i));
      },
    };
    const a = new JobWorker({ db: platform.ctx.db, pollMs: 5, handlers, batchSize: 3 });
    const b = new JobWorker({ db: platform.ctx.db, pollMs: 5, handlers, batchSize: 3 });
    await Promise.all([a.drain(), b.drain()]);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});

describe("a job survives a restart", () => {
  it("is run by the next process when the first one stopped before running it", async () => {
    const restartable = platform.databaseUrl
      ? { databaseUrl: platform.databaseUrl }
      : { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "blason-restart-")) };
    const first = await openDatabase(restartable);
    await first.migrate();
    await enqueueJob(first.db, {
      queue: "after-restart",
      payload: { hello: "monde" },
      uniqueKey: "restart-1",
    });
    await first.close();

    const second = await openDatabase(restartable);
    const received: unknown[] = [];
    const worker = new JobWorker({
      db: second.db,
      pollMs: 10,
      handlers: { "after-restart": async (payload) => void received.push(payload) },
    });
    await worker.drain();
    await second.close();
    expect(received).toEqual([{ hello: "monde" }]);
  });
});

describe("retry delay", () => {
  it("doubles with each attempt and is capped at an hour", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(40, 1000)).toBe(3_600_000);
  });
});
