import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { shareAcrossOrigins } from "../../http/cross-origin";
import { errorBody, noContent, typed } from "../../http/route-types";
import { callerOf } from "../policy/caller";
import { presentEndorsement } from "./endorsements.present";
import {
  endorsementsView,
  endorsementView,
  idParams,
  inviteBody,
  invitedView,
  signBody,
  tokenParams,
  uploadBody,
} from "./endorsements.schema";
import {
  inviteEndorser,
  listEndorsements,
  loadEndorsementFor,
  loadInvitation,
  publicEndorsementDocument,
} from "./endorsements.service";
import {
  signEndorsement,
  uploadEndorsement,
  withdrawByInvitation,
  withdrawEndorsementAs,
} from "./signing.service";

const tags = ["endorsements"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Endorsements: invited by managers, signed or uploaded by endorsers, public as JSON. */
export function endorsementRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const present = (row: Parameters<typeof presentEndorsement>[1]) =>
    presentEndorsement(ctx.config, row);

  r.post(
    "/api/endorsements",
    {
      schema: {
        tags,
        summary: "A manager invites an endorser (an organisation on Blason or an external issuer)",
        body: inviteBody,
        response: { 201: invitedView, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = await inviteEndorser(ctx, { caller: callerOf(request), input: request.body });
      return reply.status(201).send({ id });
    },
  );
  r.get(
    "/api/endorsements",
    {
      schema: {
        tags,
        summary: "Endorsements: every one for managers, an organisation's own for its staff",
        response: { 200: endorsementsView, 401: errorBody },
      },
    },
    async (request) => ({
      endorsements: (await listEndorsements(ctx, { caller: callerOf(request) })).map(present),
    }),
  );
  r.get(
    "/api/endorsements/:id",
    {
      schema: {
        tags,
        summary: "One endorsement, with what it endorses",
        params: idParams,
        response: { 200: endorsementView, ...errors },
      },
    },
    async (request) =>
      present(
        await loadEndorsementFor(ctx, {
          caller: callerOf(request),
          id: request.params.id,
          action: "endorsement.read",
        }),
      ),
  );
  r.post(
    "/api/endorsements/:id/sign",
    {
      schema: {
        tags,
        summary: "The endorsing organisation's admin writes its statement and signs on Blason",
        params: idParams,
        body: signBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await signEndorsement(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        statement: request.body.statement,
      });
      return reply.status(204).send(null);
    },
  );
  r.post(
    "/api/endorsements/:id/withdraw",
    {
      schema: {
        tags,
        summary: "The endorser's admin or a manager withdraws the endorsement",
        params: idParams,
        body: z.object({}).strict(),
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await withdrawEndorsementAs(ctx, { caller: callerOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/api/endorsement-invitations/:token",
    {
      schema: {
        tags,
        summary: "An external endorser's invitation, by its link",
        params: tokenParams,
        response: { 200: endorsementView, 404: errorBody },
      },
    },
    async (request) => present(await loadInvitation(ctx, request.params.token)),
  );
  r.post(
    "/api/endorsement-invitations/:token/upload",
    {
      schema: {
        tags,
        summary: "An external endorser uploads the EndorsementCredential its platform signed",
        params: tokenParams,
        body: uploadBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await uploadEndorsement(ctx, {
        token: request.params.token,
        document: request.body.document,
      });
      return reply.status(204).send(null);
    },
  );
  r.post(
    "/api/endorsement-invitations/:token/withdraw",
    {
      schema: {
        tags,
        summary: "An external endorser withdraws its endorsement through its link",
        params: tokenParams,
        body: z.object({}).strict(),
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await withdrawByInvitation(ctx, { token: request.params.token });
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/endorsements/:id",
    {
      schema: {
        tags,
        summary: "The signed EndorsementCredential (JSON-LD), for anyone",
        params: idParams,
        response: { 200: z.record(z.string(), z.unknown()), 404: errorBody },
      },
    },
    async (request, reply) => {
      const document = await publicEndorsementDocument(ctx, request.params.id);
      return shareAcrossOrigins(reply.header("cache-control", "public, max-age=30"))
        .type("application/ld+json")
        .send(JSON.stringify(document));
    },
  );
}
