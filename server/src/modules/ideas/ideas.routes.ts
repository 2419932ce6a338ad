import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { ideaStates } from "../../db/schema";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { requireUser } from "../../http/session";
import { line, text } from "../../http/text";
import { answerIdea, listIdeas, proposeIdea } from "./ideas.service";

const tags = ["ideas"];
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const ideaView = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  description: z.string(),
  state: z.enum(ideaStates),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  badgeClassId: z.uuid().nullable(),
  createdAt: z.string(),
});
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
        response: { 200: z.object({ ideas: z.array(ideaView) }), 401: errorBody },
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
        params: z.object({ id: uuidParam }),
        body: z
          .object({
            title: line().trim().min(3).max(120),
            description: text().trim().min(10).max(4000),
          })
          .strict(),
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const idea = await proposeIdea(
        ctx,
        request.principal,
        requireUser(request),
        request.params.id,
        request.body,
      );
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
        params: z.object({ id: uuidParam }),
        body: z
          .object({
            outcome: z.enum(["answered", "declined", "adopted"]),
            answer: text().trim().min(3).max(4000),
          })
          .strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await answerIdea(
        ctx,
        request.principal,
        requireUser(request),
        request.params.id,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );
}
