import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { requestLocale } from "../../http/locale";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { localiseReason } from "../credentials/reasons";
import { callerOf } from "../policy/caller";
import {
  decisionBody,
  progressSchema,
  requestKind,
  requestState,
  requestView,
} from "./label.schema";
import { readLabelProgress } from "./label.service";
import {
  decideLabelRequest,
  listLabelRequests,
  requestLabel,
  withdrawLabelRequest,
} from "./label-requests.service";

const tags = ["label"];
const idParams = z.object({ id: uuidParam });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
/** The label: progress against the rule, requests checked automatically, managers' decisions. */
export function labelRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const caller = callerOf;

  r.get(
    "/api/organisations/:id/label",
    {
      schema: {
        tags,
        summary:
          "Where the organisation stands against the label rule: each badge held, expiring, pending or missing, and the label itself",
        params: idParams,
        response: { 200: progressSchema, 404: errorBody },
      },
    },
    async (request) => {
      const progress = await readLabelProgress(ctx, {
        principal: request.principal,
        organisationId: request.params.id,
      });
      const reason = localiseReason(progress.label.suspensionReason, requestLocale(request));
      return { ...progress, label: { ...progress.label, suspensionReason: reason } };
    },
  );

  r.post(
    "/api/organisations/:id/label/requests",
    {
      schema: {
        tags,
        summary:
          "A CFA requests the label (or its renewal): checked against the rule at once, then confirmed by a manager",
        params: idParams,
        body: z.object({}).strict(),
        response: {
          201: z.object({ id: z.uuid(), kind: requestKind, state: requestState }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const row = await requestLabel(ctx, {
        caller: caller(request),
        organisationId: request.params.id,
      });
      return reply.status(201).send({
        id: row.id,
        kind: row.kind as "first" | "renewal",
        state: row.state as "pending",
      });
    },
  );

  r.post(
    "/api/label-requests/:id/withdraw",
    {
      schema: {
        tags,
        summary: "The CFA withdraws its pending label request",
        params: idParams,
        body: z.object({}).strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawLabelRequest(ctx, { caller: caller(request), requestId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/label-requests",
    {
      schema: {
        tags,
        summary:
          "Label requests (managers): the check made at request time and the rule as it stands now",
        response: {
          200: z.object({ requests: z.array(requestView) }),
          401: errorBody,
          403: errorBody,
        },
      },
    },
    async (request) => ({ requests: await listLabelRequests(ctx, request.principal) }),
  );

  r.post(
    "/api/label-requests/:id/decision",
    {
      schema: {
        tags,
        summary:
          "A manager confirms (the label is issued) or refuses (the CFA is told why) a label request",
        params: idParams,
        body: decisionBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await decideLabelRequest(ctx, {
        caller: caller(request),
        requestId: request.params.id,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );
}
