import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import type { ideaStates } from "../../db/schema";
import { createdView, errorBody, noContent, typed } from "../../http/route-types";
import { callerOf } from "../policy/caller";
import { answerBody, ideasView, idParams, proposalBody } from "./ideas.schema";
import { answerIdea, listIdeas, proposeIdea } from "./ideas.service";

const tags = ["ideas"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
type Row = Awaited<ReturnType<typeof listIdeas>>[number];
const present = ({ idea, org }: Row) => ({
  id: idea.id,
  organisation: { id: org.id, name: org.name },
  title: idea.title,
  description: idea.description,
  state: idea.state as (typeof ideaStates)[number],
  answer: idea.answer,
  answeredAt: idea.answeredAt?.toISOString() ?? null,
  badgeClassId: idea.badgeClassId,
  createdAt: idea.createdAt.toISOString(),
});

/** CFAs propose badge ideas; managers answer, decline or adopt them into the draft collection. */
export function ideaRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  r.get(
    "/api/ideas",
    {
      schema: {
        tags,
        summary: "Badge ideas: a CFA's own, or every one for managers",
        response: { 200: ideasView, 401: errorBody },
      },
    },
    async (request) => ({ ideas: (await listIdeas(ctx, request.principal)).map(present) }),
  );
  r.post(
    "/api/organisations/:id/ideas",
    {
      schema: {
        tags,
        summary: "A CFA proposes a new badge",
        params: idParams,
        body: proposalBody,
        response: { 201: createdView, ...errors },
      },
    },
    async (request, reply) => {
      const idea = await proposeIdea(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send({ id: idea.id });
    },
  );
  r.post(
    "/api/ideas/:id/answer",
    {
      schema: {
        tags,
        summary:
          "A manager answers an idea, declines it, or adopts it (it becomes a badge of the draft collection)",
        params: idParams,
        body: answerBody,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await answerIdea(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        input: request.body,
      });
      return reply.status(204).send(null);
    },
  );
}
