import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { typed, uuidParam } from "../../http/route-types";
import { jobStats } from "../jobs/jobs.repo";
import { findDevMail, listDevMail } from "./dev-mailbox.repo";

const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({
    ok: z.boolean(),
    driver: z.enum(["pglite", "postgres"]),
    latencyMs: z.number(),
  }),
  jobs: z.object({
    ok: z.boolean(),
    pending: z.number(),
    running: z.number(),
    failed: z.number(),
    oldestPendingSeconds: z.number(),
  }),
  workers: z.object({
    threads: z.number().meta({ description: "Worker threads running (they start on demand)" }),
    queued: z.number().meta({ description: "Verifications and signatures waiting for a thread" }),
  }),
});

export function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.get(
    "/api/health",
    {
      schema: {
        tags: ["operations"],
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
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
      const status = dbOk && jobsOk ? "ok" : "degraded";
      return reply.status(status === "ok" ? 200 : 503).send({
        status,
        database: { ok: dbOk, driver: ctx.database.driver, latencyMs },
        jobs: { ok: jobsOk, ...jobs },
        workers: { threads: ctx.workers.stats().threads, queued: ctx.workers.stats().queued },
      });
    },
  );

  r.get(
    "/api/config",
    {
      schema: {
        tags: ["operations"],
        response: {
          200: z.object({
            demo: z.boolean(),
            devMailbox: z.boolean(),
            platformName: z.string(),
            defaultLocale: z.enum(["fr", "en"]),
          }),
        },
      },
    },
    async () => ({
      demo: ctx.config.mode === "demo",
      devMailbox: ctx.mailer.kind === "dev-mailbox",
      platformName: "Blason",
      defaultLocale: "fr" as const,
    }),
  );

  // The development mailbox exists only when no SMTP server is configured.
  if (ctx.mailer.kind !== "dev-mailbox") return;

  r.get(
    "/api/dev/mailbox",
    {
      schema: {
        tags: ["operations"],
        response: {
          200: z.object({
            messages: z.array(
              z.object({
                id: z.string(),
                to: z.string(),
                subject: z.string(),
                createdAt: z.iso.datetime(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const rows = await listDevMail(ctx.db);
      return { messages: rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
    },
  );

  r.get(
    "/api/dev/mailbox/:id",
    {
      schema: {
        tags: ["operations"],
        params: z.object({ id: uuidParam }),
        response: {
          200: z.object({
            id: z.string(),
            to: z.string(),
            subject: z.string(),
            text: z.string(),
            html: z.string(),
            createdAt: z.iso.datetime(),
          }),
        },
      },
    },
    async (request) => {
      const m = await findDevMail(ctx.db, request.params.id);
      if (!m) throw new AppError("NOT_FOUND");
      return { ...m, createdAt: m.createdAt.toISOString() };
    },
  );
}
