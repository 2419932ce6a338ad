import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { errorBody, typed } from "../../http/route-types";
import { laureatesView, passportView, slugParams, statisticsView } from "./public.schema";
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
        params: slugParams,
        response: {
          200: passportView,
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
          200: laureatesView,
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
          200: statisticsView,
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
