import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { requireUser } from "../../http/session";
import { line, text } from "../../http/text";
import { actorOf } from "../organisations/organisations.service";
import * as service from "./catalogue.admin.service";

const tags = ["catalogue (managers)"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const idParams = z.object({ id: uuidParam });
const slugParams = z.object({ slug: line().max(100) });

const criterion = z.object({
  statement: text().trim().max(2000),
  evidence: z.array(line().trim().max(500)).max(20),
});
const badgeBody = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .max(80),
    name: line().trim().min(1).max(200),
    recognises: text().trim().max(4000),
    criteria: z.array(criterion).max(20),
    required: z.boolean(),
    validityMonths: z.number().int().min(1).max(120),
    renewalExtra: text().trim().max(4000).nullable(),
    alignments: z
      .array(
        z.object({
          framework: line().trim().min(1).max(80),
          code: line().trim().min(1).max(40),
          name: line().trim().min(1).max(300),
        }),
      )
      .max(20),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    /** Programme 2 only: how the badge is earned. A new family is a new slug here. */
    rule: z
      .discriminatedUnion("kind", [
        z
          .object({
            kind: z.literal("level"),
            family: z
              .string()
              .trim()
              .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
              .max(60),
            level: z.number().int().min(1).max(9),
          })
          .strict(),
        z
          .object({
            kind: z.literal("aggregate"),
            level: z.number().int().min(1).max(9),
            distinctFamilies: z.number().int().min(1).max(20),
          })
          .strict(),
        z
          .object({
            kind: z.literal("participation"),
            participation: z.enum(["participant", "ambassador"]),
          })
          .strict(),
      ])
      .nullable()
      .optional(),
  })
  .strict();

const badgeView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  recognises: z.string(),
  criteria: z.array(z.object({ statement: z.string(), evidence: z.array(z.string()) })),
  required: z.boolean(),
  validityMonths: z.number(),
  renewalExtra: z.string().nullable(),
  alignments: z.array(z.object({ framework: z.string(), code: z.string(), name: z.string() })),
  color: z.string(),
  position: z.number(),
  rule: z.record(z.string(), z.unknown()).nullable(),
});
const presentBadge = (b: z.infer<typeof badgeView>) => ({
  id: b.id,
  slug: b.slug,
  name: b.name,
  recognises: b.recognises,
  criteria: b.criteria,
  required: b.required,
  validityMonths: b.validityMonths,
  renewalExtra: b.renewalExtra,
  alignments: b.alignments,
  color: b.color,
  position: b.position,
  rule: b.rule ?? null,
});

/** Managers edit the catalogue as data: a draft version, its badges and label rule, then publish. */
export function catalogueAdminRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const actor = (request: Parameters<typeof requireUser>[0]) => actorOf(requireUser(request));

  r.get(
    "/api/manage/programmes/:slug/collections",
    {
      schema: {
        tags,
        summary: "A programme's versions, and its draft in full with what stops it being published",
        params: slugParams,
        response: {
          200: z.object({
            collections: z.array(
              z.object({
                id: z.uuid(),
                version: z.string(),
                name: z.string(),
                status: z.enum(["draft", "published"]),
                inForce: z.boolean(),
                publishedAt: z.string().nullable(),
                labelTotal: z.number(),
                labelValidityMonths: z.number(),
                badgeCount: z.number(),
                requiredCount: z.number(),
              }),
            ),
            draft: z
              .object({
                id: z.uuid(),
                badges: z.array(badgeView),
                problems: z.array(z.object({ field: z.string(), fr: z.string(), en: z.string() })),
              })
              .nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const found = await service.listCollections(ctx, request.principal, request.params.slug);
      return {
        collections: found.collections.map(({ collection: c, badges, required }) => ({
          id: c.id,
          version: c.version,
          name: c.name,
          status: c.status as "draft" | "published",
          inForce: c.inForce,
          publishedAt: c.publishedAt?.toISOString() ?? null,
          labelTotal: c.labelTotal,
          labelValidityMonths: c.labelValidityMonths,
          badgeCount: badges,
          requiredCount: required,
        })),
        draft: found.draft
          ? {
              id: found.draft.collection.id,
              badges: found.draft.badges.map(presentBadge),
              problems: found.draft.problems,
            }
          : null,
      };
    },
  );

  r.post(
    "/api/manage/programmes/:slug/draft",
    {
      schema: {
        tags,
        summary: "Start a draft version: a copy of the collection in force",
        params: slugParams,
        body: z
          .object({
            version: z
              .string()
              .trim()
              .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/),
            name: line().trim().min(3).max(200),
          })
          .strict(),
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const draft = await service.createDraft(
        ctx,
        request.principal,
        actor(request),
        request.params.slug,
        request.body,
      );
      return reply.status(201).send({ id: draft.id });
    },
  );

  r.patch(
    "/api/manage/collections/:id",
    {
      schema: {
        tags,
        summary: "Edit a draft's version, name and label rule (total, validity)",
        params: idParams,
        body: z
          .object({
            version: z
              .string()
              .trim()
              .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/),
            name: line().trim().min(3).max(200),
            labelTotal: z.number().int().min(1).max(100),
            labelValidityMonths: z.number().int().min(1).max(120),
          })
          .partial()
          .strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.updateDraft(
        ctx,
        request.principal,
        actor(request),
        request.params.id,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/manage/collections/:id/badges",
    {
      schema: {
        tags,
        summary: "Add a badge to a draft",
        params: idParams,
        body: badgeBody,
        response: { 201: badgeView, ...errors },
      },
    },
    async (request, reply) => {
      const badge = await service.addBadge(
        ctx,
        request.principal,
        actor(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(presentBadge(badge));
    },
  );

  r.patch(
    "/api/manage/badges/:id",
    {
      schema: {
        tags,
        summary: "Edit a badge of a draft",
        params: idParams,
        body: badgeBody.partial().strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.updateBadge(
        ctx,
        request.principal,
        actor(request),
        request.params.id,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/manage/badges/:id/move",
    {
      schema: {
        tags,
        summary: "Move a draft's badge one place up or down",
        params: idParams,
        body: z.object({ direction: z.enum(["up", "down"]) }).strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.moveBadge(ctx, request.principal, request.params.id, request.body.direction);
      return reply.status(204).send(null);
    },
  );

  r.delete(
    "/api/manage/badges/:id",
    {
      schema: {
        tags,
        summary: "Remove a badge from a draft",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.removeBadge(ctx, request.principal, actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    "/api/manage/collections/:id/publish",
    {
      schema: {
        tags,
        summary:
          "Publish a draft: it comes into force, the previous collection becomes history, same-identifier badges become equivalences",
        params: idParams,
        body: z.object({}).strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.publishDraft(ctx, request.principal, actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.delete(
    "/api/manage/collections/:id",
    {
      schema: {
        tags,
        summary: "Discard a draft nothing refers to",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.discardDraft(ctx, request.principal, actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  const badgeRef = z.object({ id: z.uuid(), name: z.string(), collection: z.string() });
  r.get(
    "/api/manage/programmes/:slug/equivalences",
    {
      schema: {
        tags,
        summary: "Which older badge counts as which newer one",
        params: slugParams,
        response: {
          200: z.object({
            equivalences: z.array(z.object({ id: z.uuid(), from: badgeRef, to: badgeRef })),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({
      equivalences: await service.listEquivalences(ctx, request.principal, request.params.slug),
    }),
  );

  r.post(
    "/api/manage/equivalences",
    {
      schema: {
        tags,
        summary: "Declare that a still-valid award of an older badge counts as a newer badge",
        body: z.object({ fromBadgeId: z.uuid(), toBadgeId: z.uuid() }).strict(),
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const row = await service.addEquivalence(
        ctx,
        request.principal,
        actor(request),
        request.body,
      );
      return reply.status(201).send({ id: row.id });
    },
  );

  r.delete(
    "/api/manage/equivalences/:id",
    {
      schema: {
        tags,
        summary: "Remove an equivalence",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.removeEquivalence(ctx, request.principal, actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
