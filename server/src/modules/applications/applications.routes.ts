import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { requestLocale } from "../../http/locale";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { line } from "../../http/text";
import { callerOf } from "../policy/caller";
import type { Caller } from "../policy/policy";
import { presentDetail, presentListRow } from "./applications.present";
import {
  createBody,
  decisionBody,
  detailSchema,
  draftBody,
  emptyBody,
  listQuery,
  listRowSchema,
  messageBody,
  reasonBody,
  reviewBody,
  reviewersBody,
  reviewersQuery,
  reviewersResponse,
  sessionSchema,
} from "./applications.schema";
import { listApplications, listReviewers, listSessions } from "./applications.service";
import { decide } from "./decision.service";
import { describeApplication } from "./detail.service";
import { createApplication, updateDraft, withdrawApplication } from "./drafting.service";
import { evidenceRoutes } from "./evidence.routes";
import { postApplicationMessage } from "./messages.service";
import { applicationQueueRoutes } from "./queue.routes";
import {
  assignReviewers,
  panelCandidates,
  recuse,
  reopenReview,
  submitReview,
} from "./review.service";
import { submitApplication } from "./submission.service";

const idParams = z.object({ id: uuidParam });
const tags = ["applications"];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function applicationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  const detail = async (request: FastifyRequest, id: string) =>
    presentDetail(
      await describeApplication(ctx, {
        caller: { principal: request.principal },
        id,
        locale: requestLocale(request),
      }),
    );

  r.get(
    "/api/programmes/:slug/sessions",
    {
      schema: {
        tags: ["public"],
        summary: "The programme's commission calendar",
        params: z.object({ slug: line().max(80) }),
        response: { 200: z.object({ sessions: z.array(sessionSchema) }) },
      },
    },
    async (request) => ({
      sessions: await listSessions(ctx, { programmeSlug: request.params.slug }),
    }),
  );

  r.get(
    "/api/reviewers",
    {
      schema: {
        tags,
        summary:
          "The peer group (programme managers, to compose panels); for one application, why each is not offered",
        querystring: reviewersQuery,
        response: { 200: reviewersResponse, ...errors },
      },
    },
    async (request) => {
      const caller = { principal: request.principal };
      const id = request.query.applicationId;
      return {
        reviewers: id
          ? await panelCandidates(ctx, { caller, id })
          : await listReviewers(ctx, { caller }),
      };
    },
  );

  r.get(
    "/api/applications",
    {
      schema: {
        tags,
        summary:
          "Applications: an organisation's, a reviewer's assignments, or the managers' queue",
        querystring: listQuery,
        response: { 200: z.object({ applications: z.array(listRowSchema) }), ...errors },
      },
    },
    async (request) => {
      const rows = await listApplications(ctx, {
        caller: { principal: request.principal },
        organisationId: request.query.organisationId,
        mine: request.query.mine === "true",
      });
      return { applications: rows.map(presentListRow) };
    },
  );

  r.post(
    "/api/applications",
    {
      schema: {
        tags,
        summary: "Start an application (a draft) for a badge",
        body: createBody,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const created = await createApplication(ctx, { caller: callerOf(request), ...request.body });
      return reply.status(201).send({ id: created.id });
    },
  );

  r.get(
    "/api/applications/:id",
    {
      schema: {
        tags,
        summary: "An application with its files, reviews (as the reader may see them) and dialogue",
        params: idParams,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  r.patch(
    "/api/applications/:id",
    {
      schema: {
        tags,
        summary: "Save a draft (autosave): answers per criterion, scope",
        params: idParams,
        body: draftBody,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => {
      await updateDraft(ctx, {
        caller: { principal: request.principal },
        id: request.params.id,
        ...request.body,
      });
      return detail(request, request.params.id);
    },
  );

  /** An action on the application by a signed-in caller, answered with the application as it now is. */
  const action = <S extends z.ZodType>(
    url: string,
    summary: string,
    body: S,
    run: (input: { caller: Caller; id: string; body: z.infer<S> }) => Promise<unknown>,
  ) =>
    r.post(
      url,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          body,
          response: { 200: detailSchema, ...errors },
        },
      },
      async (request) => {
        const id = (request.params as { id: string }).id;
        await run({ caller: callerOf(request), id, body: request.body as z.infer<S> });
        return detail(request, id);
      },
    );

  action(
    "/api/applications/:id/submit",
    "Send the application to the next open session",
    emptyBody,
    (i) => submitApplication(ctx, i),
  );
  action("/api/applications/:id/withdraw", "Withdraw the application", emptyBody, (i) =>
    withdrawApplication(ctx, i),
  );
  action(
    "/api/applications/:id/reviewers",
    "Assign the reviewers (managers); conflicts of interest are refused",
    reviewersBody,
    (i) => assignReviewers(ctx, { ...i, reviewerIds: i.body.reviewerIds }),
  );
  r.post(
    "/api/applications/:id/recuse",
    {
      schema: {
        tags,
        summary: "A reviewer steps aside (conflict of interest); the application leaves their list",
        params: idParams,
        body: reasonBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await recuse(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        reason: request.body.reason,
      });
      return reply.status(204).send(null);
    },
  );
  action(
    "/api/applications/:id/review",
    "A reviewer's ratings per criterion and recommendation",
    reviewBody,
    (i) => submitReview(ctx, { ...i, ...i.body }),
  );
  r.post(
    "/api/applications/:id/reviews/:reviewerId/reopen",
    {
      schema: {
        tags,
        summary:
          "Give a submitted review back to its reviewer (managers), with a reason kept in the audit log",
        params: z.object({ id: uuidParam, reviewerId: uuidParam }),
        body: reasonBody,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => {
      await reopenReview(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        reviewerId: request.params.reviewerId,
        reason: request.body.reason,
      });
      return detail(request, request.params.id);
    },
  );
  action(
    "/api/applications/:id/decision",
    "The commission's decision (managers): granted issues the badge",
    decisionBody,
    (i) => decide(ctx, { ...i, ...i.body }),
  );
  action(
    "/api/applications/:id/messages",
    "Write in the application's dialogue",
    messageBody,
    (i) => postApplicationMessage(ctx, { ...i, body: i.body.body }),
  );

  evidenceRoutes(app, ctx);
  applicationQueueRoutes(app, ctx);
}
