import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { registrationStates } from "../../db/schema";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { text } from "../../http/text";
import { callerOf } from "../policy/caller";
import { apiClientRoutes } from "./api-clients.routes";
import {
  answerProposal,
  decideRegistration,
  withdrawRegistration,
} from "./registration-decision.service";
import {
  decisionBody,
  registrationBody,
  registrationDetail,
  registrationView,
} from "./registrations.schema";
import * as service from "./registrations.service";

const tags = ["partners"];
const idParams = z.object({ id: uuidParam });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
/** The signed-in caller of a request, for a service (401 when nobody is signed in). */

type Found = Awaited<ReturnType<typeof service.listRegistrations>>[number];
const present = ({ registration: r, org }: Found) => ({
  id: r.id,
  organisation: { id: org.id, name: org.name },
  source: r.source as "url" | "json" | "blason",
  badgeClassIri: r.badgeClassIri,
  issuerIri: r.issuerIri,
  issuerProof: r.issuerProof?.kind ?? null,
  name: r.name,
  description: r.description,
  image: r.image,
  target: r.target,
  proposal: r.proposal ?? null,
  justification: r.justification,
  state: r.state as (typeof registrationStates)[number],
  approvedAt: r.approvedAt?.toISOString() ?? null,
  motivation: r.motivation,
  createdAt: r.createdAt.toISOString(),
});

/** Programme 2: partners register their badges against the regional competences. */
export function partnerRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.get(
    "/api/competences/targets",
    {
      schema: {
        tags,
        summary: "The regional competences and levels a partner badge may be mapped to",
        response: {
          200: z.object({
            targets: z.array(
              z.object({
                badgeClassId: z.uuid(),
                name: z.string(),
                family: z.string(),
                level: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ targets: await service.regionalTargets(ctx.db) }),
  );

  r.get(
    "/api/partner-registrations",
    {
      schema: {
        tags,
        summary: "Registrations: a partner's own, or all of them for managers",
        querystring: z.object({
          organisationId: z.uuid().optional(),
          state: z.enum(registrationStates).optional(),
        }),
        response: { 200: z.object({ registrations: z.array(registrationView) }), 401: errorBody },
      },
    },
    async (request) => ({
      registrations: (
        await service.listRegistrations(ctx, {
          caller: { principal: request.principal },
          ...request.query,
        })
      ).map(present),
    }),
  );

  r.get(
    "/api/organisations/:id/issuer-proof",
    {
      schema: {
        tags,
        summary:
          "Where the partner issues one of its badges to prove it controls the badge's issuer, and its own issuer on Blason (which needs no proof)",
        params: idParams,
        response: {
          200: z.object({ recipient: z.string(), ownIssuer: z.string() }),
          ...errors,
        },
      },
    },
    (request) =>
      service.issuerProofFor(ctx, {
        caller: { principal: request.principal },
        organisationId: request.params.id,
      }),
  );

  r.post(
    "/api/partner-registrations",
    {
      // A proof may be a baked image, as a data URL.
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "A partner submits one of its badges (URL, pasted JSON or a badge it issues on Blason) for a regional competence and level, with the proof that it controls the badge's issuer",
        description:
          "The issuer is the one the badge names (or `issuerIri`, when it names none). A badge issued on Blason by the partner needs no proof. Any other needs `proof`: one of its credentials (URL, JSON, VC-JWT, or a baked PNG/SVG as a `data:image/png;base64,…` URL), signed by that issuer and issued to the partner's proof address (GET /api/organisations/{id}/issuer-proof). Refused: REGISTRATION_PROOF_REQUIRED, _NOT_VERIFIED, _WRONG_ISSUER, _WRONG_BADGE, _WRONG_RECIPIENT; an issuer Blason hosts for another organisation (the Region's): REGISTRATION_ISSUER_NOT_YOURS; an `issuerIri` contradicting the badge: REGISTRATION_ISSUER_MISMATCH.",
        body: registrationBody,
        response: { 201: registrationView, ...errors },
      },
    },
    async (request, reply) => {
      const row = await service.submitRegistration(ctx, {
        caller: callerOf(request),
        input: request.body as service.RegistrationInput,
      });
      const found = await service.getRegistration(ctx, {
        caller: { principal: request.principal },
        id: row.id,
      });
      return reply.status(201).send(present(found));
    },
  );

  r.get(
    "/api/partner-registrations/:id",
    {
      schema: {
        tags,
        summary: "A registration with its dialogue",
        params: idParams,
        response: {
          200: registrationDetail,
          ...errors,
        },
      },
    },
    async (request) => {
      const found = await service.getRegistration(ctx, {
        caller: { principal: request.principal },
        id: request.params.id,
      });
      return {
        ...present(found),
        messages: found.messages.map((m) => ({
          id: m.id,
          authorName: m.authorName,
          authorRole: m.authorRole as "partner" | "manager",
          body: m.body,
          createdAt: m.createdAt.toISOString(),
        })),
      };
    },
  );

  const act = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (input: { request: FastifyRequest; id: string; body: z.infer<B> }) => Promise<void>,
  ) =>
    r.post(
      path,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          body,
          response: { 200: registrationView, ...errors },
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        await run({ request, id, body: request.body as z.infer<B> });
        return present(
          await service.getRegistration(ctx, { caller: { principal: request.principal }, id }),
        );
      },
    );

  act(
    "/api/partner-registrations/:id/decision",
    "A manager approves (eligibility starts that day), refuses, or proposes a requalification",
    decisionBody,
    ({ request, id, body }) =>
      decideRegistration(ctx, { caller: callerOf(request), id, input: body }),
  );
  act(
    "/api/partner-registrations/:id/proposal",
    "The partner accepts or refuses the requalification proposed",
    z.object({ answer: z.enum(["accept", "refuse"]) }).strict(),
    ({ request, id, body }) =>
      answerProposal(ctx, { caller: callerOf(request), id, answer: body.answer }),
  );
  act(
    "/api/partner-registrations/:id/withdraw",
    "The partner withdraws its registration before approval",
    z.object({}).strict(),
    ({ request, id }) => withdrawRegistration(ctx, { caller: callerOf(request), id }),
  );
  act(
    "/api/partner-registrations/:id/messages",
    "A message in the registration's dialogue (the partner or the Region)",
    z.object({ body: text().trim().min(1).max(10_000) }).strict(),
    ({ request, id, body }) =>
      service.postRegistrationMessage(ctx, { caller: callerOf(request), id, body: body.body }),
  );

  apiClientRoutes(app, ctx);
}
