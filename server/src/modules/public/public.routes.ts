import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { errorBody, typed } from "../../http/route-types";
import { line } from "../../http/text";
import { passport, publicLaureates, statistics, statisticsCsv } from "./public.service";

const tags = ["public"];

export function publicRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.get(
    "/api/public/passports/:slug",
    {
      schema: {
        tags,
        summary:
          "An organisation's passport: its valid badges shown by consent, and its label progress",
        params: z.object({ slug: line().max(120) }),
        response: {
          200: z.object({
            organisation: z.object({
              slug: z.string(),
              name: z.string(),
              kind: z.string(),
              city: z.string().nullable(),
              website: z.string().nullable(),
              url: z.string(),
            }),
            label: z
              .object({
                eligible: z.boolean(),
                count: z.number(),
                total: z.number(),
                requiredHeld: z.number(),
                requiredTotal: z.number(),
                collection: z.string(),
                state: z.enum(["none", "active", "suspended", "expired", "revoked"]),
                credentialUrl: z.string().nullable(),
                image: z.string().nullable(),
              })
              .nullable(),
            badges: z.array(
              z.object({
                credentialId: z.uuid(),
                url: z.string(),
                name: z.string(),
                required: z.boolean(),
                validFrom: z.string(),
                validUntil: z.string().nullable(),
                image: z.string(),
              }),
            ),
          }),
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=30");
      return passport(ctx, request.params.slug);
    },
  );

  r.get(
    "/api/public/laureates",
    {
      schema: {
        tags,
        summary: "CFAs that meet the label rule, with their collection",
        response: {
          200: z.object({
            laureates: z.array(
              z.object({
                slug: z.string(),
                name: z.string(),
                city: z.string().nullable(),
                url: z.string(),
                count: z.number(),
                badges: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "public, max-age=60");
      return { laureates: await publicLaureates(ctx) };
    },
  );

  r.get(
    "/api/public/statistics",
    {
      schema: {
        tags,
        summary:
          "The programme's figures (badges per year and per badge, organisations engaged, laureates)",
        response: {
          200: z.object({
            badgesPerYear: z.array(z.object({ year: z.number(), count: z.number() })),
            badgesPerBadge: z.array(
              z.object({ badge: z.string(), required: z.boolean(), count: z.number() }),
            ),
            organisationsEngaged: z.number(),
            laureates: z.number(),
          }),
        },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "public, max-age=60");
      return statistics(ctx);
    },
  );

  r.get(
    "/api/public/statistics.csv",
    { schema: { tags, summary: "The same figures as CSV (semicolon-separated, UTF-8)" } },
    async (_request, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="blason-statistiques.csv"')
        .header("cache-control", "public, max-age=60")
        .send(statisticsCsv(await statistics(ctx))),
  );
}
