import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { createdView, errorBody, noContent, typed } from "../../http/route-types";
import { callerOf } from "../policy/caller";
import {
  type BadgeView,
  badgeBody,
  badgeChangeBody,
  badgeView,
  collectionsView,
  draftBody,
  draftChangeBody,
  emptyBody,
  equivalenceBody,
  equivalencesView,
  idParams,
  moveBody,
  slugParams,
} from "./catalogue.admin.schema";
import * as drafts from "./catalogue.admin.service";
import * as equivalences from "./catalogue.equivalences.service";

const tags = ["catalogue (managers)"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

const presentBadge = (b: BadgeView) => ({
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

  r.get(
    "/api/manage/programmes/:slug/collections",
    {
      schema: {
        tags,
        summary: "A programme's versions, and its draft in full with what stops it being published",
        params: slugParams,
        response: {
          200: collectionsView,
          ...errors,
        },
      },
    },
    async (request) => {
      const found = await drafts.listCollections(ctx, {
        caller: callerOf(request),
        slug: request.params.slug,
      });
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
        body: draftBody,
        response: { 201: createdView, ...errors },
      },
    },
    async (request, reply) => {
      const draft = await drafts.createDraft(ctx, {
        caller: callerOf(request),
        slug: request.params.slug,
        input: request.body,
      });
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
        body: draftChangeBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await drafts.updateDraft(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        input: request.body,
      });
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
      const badge = await drafts.addBadge(ctx, {
        caller: callerOf(request),
        collectionId: request.params.id,
        input: request.body,
      });
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
        body: badgeChangeBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await drafts.updateBadge(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        input: request.body,
      });
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
        body: moveBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await drafts.moveBadge(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        direction: request.body.direction,
      });
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
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await drafts.removeBadge(ctx, { caller: callerOf(request), id: request.params.id });
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
        body: emptyBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await drafts.publishDraft(ctx, { caller: callerOf(request), id: request.params.id });
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
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await drafts.discardDraft(ctx, { caller: callerOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/manage/programmes/:slug/equivalences",
    {
      schema: {
        tags,
        summary: "Which older badge counts as which newer one",
        params: slugParams,
        response: {
          200: equivalencesView,
          ...errors,
        },
      },
    },
    async (request) => ({
      equivalences: await equivalences.listEquivalences(ctx, {
        caller: callerOf(request),
        slug: request.params.slug,
      }),
    }),
  );

  r.post(
    "/api/manage/equivalences",
    {
      schema: {
        tags,
        summary: "Declare that a still-valid award of an older badge counts as a newer badge",
        body: equivalenceBody,
        response: { 201: createdView, ...errors },
      },
    },
    async (request, reply) => {
      const row = await equivalences.addEquivalence(ctx, {
        caller: callerOf(request),
        input: request.body,
      });
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
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await equivalences.removeEquivalence(ctx, {
        caller: callerOf(request),
        id: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );
}
