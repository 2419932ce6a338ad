import { z } from "zod";
import { uuidParam } from "../../http/route-types";

export const healthSchema = z.object({
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

export type HealthDto = z.infer<typeof healthSchema>;

export const configView = z.object({
  demo: z.boolean(),
  devMailbox: z.boolean(),
  platformName: z.string(),
  defaultLocale: z.enum(["fr", "en"]),
});

export const mailboxView = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      createdAt: z.iso.datetime(),
    }),
  ),
});

export const idParams = z.object({ id: uuidParam });
export const mailView = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: z.iso.datetime(),
});
