import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { requestLocale } from "../../http/locale";
import { errorBody, typed } from "../../http/route-types";
import { callerOf } from "../policy/caller";
import { issuedCsvQuery, issuedPage, issuedQuery } from "./issued.schema";
import { exportIssuedBadges, listIssuedBadges } from "./issued.service";

const tags = ["credentials"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

/** The managers' list of issued badges, and its CSV under the same filters. */
export function issuedBadgeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  r.get(
    "/api/manager/credentials",
    {
      schema: {
        tags,
        summary: "Issued badges: searched, filtered by programme, state, badge, organisation",
        querystring: issuedQuery,
        response: { 200: issuedPage, ...errors },
      },
    },
    async (request) => listIssuedBadges(ctx, { caller: callerOf(request), query: request.query }),
  );
  r.get(
    "/api/manager/credentials.csv",
    {
      schema: {
        tags,
        summary: "The same issued badges as CSV (semicolons, UTF-8)",
        querystring: issuedCsvQuery,
      },
    },
    async (request, reply) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="blason-badges-delivres.csv"')
        .header("cache-control", "no-store")
        .send(
          await exportIssuedBadges(ctx, {
            caller: callerOf(request),
            query: request.query,
            locale: requestLocale(request),
          }),
        ),
  );
}
