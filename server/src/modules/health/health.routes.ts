import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { typed } from "../../http/route-types";
import { findDevMail, listDevMail } from "./dev-mailbox.repo";
import { configView, healthSchema, idParams, mailboxView, mailView } from "./health.schema";
import { checkHealth } from "./health.service";

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
      const health = await checkHealth(ctx);
      return reply.status(health.status === "ok" ? 200 : 503).send(health);
    },
  );

  r.get(
    "/api/config",
    {
      schema: {
        tags: ["operations"],
        response: {
          200: configView,
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
          200: mailboxView,
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
        params: idParams,
        response: {
          200: mailView,
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
