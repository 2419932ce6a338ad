import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { typed } from "../../http/route-types";
import { callerOf } from "../policy/caller";
import {
  apiClientParams,
  clientsReply,
  createClientBody,
  createdClientReply,
  apiClientErrors as errors,
  organisationParams,
  revokeClientBody,
} from "./api-clients.schema";
import { createApiClient, listApiClients, revokeApiClient } from "./api-clients.service";

const tags = ["partners"];

/** A partner's API keys, with which its systems push the badges they issue. */
export function apiClientRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  r.get(
    "/api/organisations/:id/api-clients",
    {
      schema: {
        tags,
        summary: "A partner's API keys (never their secrets)",
        params: organisationParams,
        response: { 200: clientsReply, ...errors },
      },
    },
    async (request) => ({
      clients: await listApiClients(ctx, request.principal, request.params.id),
    }),
  );
  r.post(
    "/api/organisations/:id/api-clients",
    {
      schema: {
        tags,
        summary:
          "A new API key for the partner's system: the secret is shown in this answer only, keep it safe",
        params: organisationParams,
        body: createClientBody,
        response: { 201: createdClientReply, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createApiClient(ctx, {
          caller: callerOf(request),
          organisationId: request.params.id,
          name: request.body.name,
        }),
      ),
  );
  r.post(
    "/api/organisations/:id/api-clients/:clientId/revoke",
    {
      schema: {
        tags,
        summary: "Revoke an API key: the partner's system is refused from now on",
        params: apiClientParams,
        body: revokeClientBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeApiClient(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
        id: request.params.clientId,
      });
      return reply.status(204).send(null);
    },
  );
}
