import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { requestLocale } from "../../http/locale";
import { errorBody, typed } from "../../http/route-types";
import { callerOf } from "../policy/caller";
import { queueCsvQuery, queuePage, queueQuery } from "./queue.schema";
import { exportApplicationQueue, listApplicationQueue } from "./queue.service";

const tags = ["applications"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

/** The managers' queue of applications: searched, filtered, sorted and paged on the server. */
export function applicationQueueRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.get(
    "/api/manager/applications",
    {
      schema: {
        tags,
        summary: "The managers' queue: sent applications, filtered, with their panel and counts",
        querystring: queueQuery,
        response: { 200: queuePage, ...errors },
      },
    },
    async (request) =>
      listApplicationQueue(ctx, { caller: callerOf(request), query: request.query }),
  );

  r.get(
    "/api/manager/applications.csv",
    {
      schema: {
        tags,
        summary: "The same applications, under the same filters, as CSV (semicolons, UTF-8)",
        querystring: queueCsvQuery,
      },
    },
    async (request, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="blason-demandes.csv"')
        .header("cache-control", "no-store")
        .send(
          await exportApplicationQueue(ctx, {
            caller: callerOf(request),
            query: request.query,
            locale: requestLocale(request),
          }),
        ),
  );
}
