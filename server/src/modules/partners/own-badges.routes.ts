import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import type { Locale } from "../../errors";
import { requestLocale } from "../../http/locale";
import { typed } from "../../http/route-types";
import { localiseReason } from "../credentials/reasons";
import { callerOf } from "../policy/caller";
import {
  awardReply,
  awardsReply,
  badgeParams,
  batchBody,
  batchParams,
  batchView,
  createdReply,
  errors,
  idParams,
  ownBadgeBody,
  ownBadgesReply,
  person,
  revokeBody,
  revokeParams,
} from "./own-badges.schema";
import * as service from "./own-badges.service";

const tags = ["partner badges on Blason"];
/** A participant defines its own badges and awards them to people, one by one or from a CSV. */
export function ownBadgeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.get(
    "/api/organisations/:id/own-badges",
    {
      schema: {
        tags,
        summary:
          "The badges a partner issues on Blason, with how many people hold each, and where it stands with the Participant and Ambassadeur badges",
        params: idParams,
        response: { 200: ownBadgesReply, ...errors },
      },
    },
    (request) => service.listOwnBadges(ctx, request.principal, request.params.id),
  );

  r.post(
    "/api/organisations/:id/own-badges",
    {
      schema: {
        tags,
        summary: "A participant defines a badge of its own, signed with its own key when awarded",
        params: idParams,
        body: ownBadgeBody,
        response: { 201: createdReply, ...errors },
      },
    },
    async (request, reply) => {
      const badge = await service.createOwnBadge(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
        badge: request.body,
      });
      return reply.status(201).send({ id: badge.id });
    },
  );

  r.get(
    "/api/organisations/:id/own-badges/:badgeId/awards",
    {
      schema: {
        tags,
        summary: "Who holds one of the partner's badges (the latest 500)",
        params: badgeParams,
        response: { 200: awardsReply, ...errors },
      },
    },
    async (request) => ({
      awards: await service.listAwards(
        ctx,
        request.principal,
        request.params.id,
        request.params.badgeId,
      ),
    }),
  );

  r.post(
    "/api/organisations/:id/own-badges/:badgeId/awards",
    {
      schema: {
        tags,
        summary:
          "Award the badge to one person: signed by the partner, emailed to them, and counted for the regional badges when the badge is mapped",
        params: badgeParams,
        body: person,
        response: { 201: awardReply, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await service.awardOwnBadge(ctx, {
          caller: { principal: request.principal },
          organisationId: request.params.id,
          badgeId: request.params.badgeId,
          person: request.body,
        }),
      ),
  );

  r.post(
    "/api/organisations/:id/own-badges/:badgeId/awards/:credentialId/revoke",
    {
      schema: {
        tags,
        summary:
          "Revoke an award, with a reason: the regional badges it supported are re-evaluated",
        params: revokeParams,
        body: revokeBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.revokeAward(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
        badgeId: request.params.badgeId,
        credentialId: request.params.credentialId,
        reason: request.body.reason,
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/organisations/:id/own-badges/:badgeId/award-batches",
    {
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Award the badge to every person of a CSV (email;name per line): checked at once, then awarded by a job whose progress can be read",
        params: badgeParams,
        body: batchBody,
        response: { 202: batchView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(202).send(
        inLocale(
          await service.startAwardBatch(ctx, {
            caller: callerOf(request),
            organisationId: request.params.id,
            badgeId: request.params.badgeId,
            csv: request.body.csv,
          }),
          requestLocale(request),
        ),
      ),
  );

  r.get(
    "/api/organisations/:id/award-batches/:batchId",
    {
      schema: {
        tags,
        summary: "How far a CSV award has got, and the lines that could not be awarded",
        params: batchParams,
        response: { 200: batchView, ...errors },
      },
    },
    async (request) =>
      inLocale(
        await service.readAwardBatch(
          ctx,
          request.principal,
          request.params.id,
          request.params.batchId,
        ),
        requestLocale(request),
      ),
  );
}

/** A batch's refused lines, each with its reason in the reader's language. */
function inLocale<T extends { refused: { reason: string }[] }>(batch: T, locale: Locale): T {
  return {
    ...batch,
    refused: batch.refused.map((line) => ({
      ...line,
      reason: localiseReason(line.reason, locale) ?? line.reason,
    })),
  };
}
