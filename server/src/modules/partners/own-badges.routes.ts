import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import type { Locale } from "../../errors";
import { requestLocale } from "../../http/locale";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { requireUser } from "../../http/session";
import { line, text } from "../../http/text";
import { localiseReason } from "../credentials/reasons";
import * as service from "./own-badges.service";

const tags = ["partner badges on Blason"];
const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
};
const idParams = z.object({ id: uuidParam });
const badgeParams = z.object({ id: uuidParam, badgeId: uuidParam });

const badgeView = z.object({
  id: z.uuid(),
  name: z.string(),
  recognises: z.string(),
  criteria: z.array(z.object({ statement: z.string(), evidence: z.array(z.string()) })),
  validityMonths: z.number(),
  color: z.string(),
  awarded: z.number(),
  image: z.string(),
  url: z.string(),
});
const batchView = z
  .object({
    id: z.uuid(),
    lines: z.number().meta({ description: "Lines of the file, header and blank lines aside" }),
    processed: z.number().meta({ description: "Lines dealt with so far" }),
    issued: z.number(),
    alreadyHeld: z.number().meta({ description: "Lines whose person already held the badge" }),
    refused: z
      .array(z.object({ line: z.number(), email: z.string(), reason: z.string() }))
      .meta({ description: "Lines not awarded, with why; issued + alreadyHeld + refused = lines" }),
    finished: z.boolean(),
  })
  .meta({
    example: {
      id: "3f0c7d52-7a51-4b7e-9f64-2b1d9e0a6c11",
      lines: 4,
      processed: 3,
      issued: 1,
      alreadyHeld: 1,
      refused: [{ line: 3, email: "pas-une-adresse", reason: "Adresse électronique invalide." }],
      finished: false,
    },
  });
const person = z
  .object({ email: z.email().max(320), name: line().trim().min(1).max(200) })
  .strict()
  .meta({ example: { email: "ines.moreau@exemple.fr", name: "Inès Moreau" } });

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
        response: {
          200: z.object({
            participant: z.boolean(),
            onboarding: z.array(
              z.object({
                kind: z.enum(["participant", "ambassador"]),
                badgeClassId: z.uuid(),
                request: z.object({ id: z.uuid(), state: z.string() }).nullable(),
                validUntil: z.string().nullable(),
                active: z.boolean(),
              }),
            ),
            badges: z.array(badgeView),
          }),
          ...errors,
        },
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
        body: z
          .object({
            name: line().trim().min(2).max(200),
            recognises: text().trim().min(10).max(4000),
            criteria: z
              .array(
                z.object({
                  statement: text().trim().min(3).max(2000),
                  evidence: z.array(line().trim().min(1).max(500)).max(10).default([]),
                }),
              )
              .min(1)
              .max(20),
            validityMonths: z.number().int().min(1).max(120),
            color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
          })
          .strict()
          .meta({
            example: {
              name: "S'adapter à un nouveau poste",
              recognises:
                "La personne prend un poste qu'elle ne connaissait pas à l'atelier et s'y met en quelques jours.",
              criteria: [
                {
                  statement: "A changé de poste au moins une fois pendant son parcours.",
                  evidence: [],
                },
              ],
              validityMonths: 36,
              color: "#1d6b3a",
            },
          }),
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const badge = await service.createOwnBadge(
        ctx,
        request.principal,
        requireUser(request),
        request.params.id,
        request.body,
      );
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
        response: {
          200: z.object({
            awards: z.array(
              z.object({
                id: z.uuid(),
                email: z.string(),
                issuedAt: z.string(),
                status: z.string(),
                claimState: z.string(),
                url: z.string(),
              }),
            ),
          }),
          ...errors,
        },
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
        response: {
          201: z.object({ id: z.uuid(), url: z.string(), created: z.boolean() }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.awardOwnBadge(
            ctx,
            request.principal,
            request.params.id,
            request.params.badgeId,
            request.body,
          ),
        ),
  );

  r.post(
    "/api/organisations/:id/own-badges/:badgeId/awards/:credentialId/revoke",
    {
      schema: {
        tags,
        summary:
          "Revoke an award, with a reason: the regional badges it supported are re-evaluated",
        params: badgeParams.extend({ credentialId: uuidParam }),
        body: z.object({ reason: text().trim().min(5).max(1000) }).strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.revokeAward(
        ctx,
        request.principal,
        requireUser(request),
        request.params.id,
        request.params.badgeId,
        request.params.credentialId,
        request.body.reason,
      );
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
        body: z
          .object({ csv: text().min(1).max(2_000_000) })
          .strict()
          .meta({
            example: {
              csv: "courriel;nom\r\nlea.durand@exemple.fr;Léa Durand\r\nyanis.benali@exemple.fr;Yanis Benali\r\n",
            },
          }),
        response: { 202: batchView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          inLocale(
            await service.startAwardBatch(
              ctx,
              request.principal,
              requireUser(request),
              request.params.id,
              request.params.badgeId,
              request.body.csv,
            ),
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
        params: z.object({ id: uuidParam, batchId: uuidParam }),
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
