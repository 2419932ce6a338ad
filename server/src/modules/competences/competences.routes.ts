import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { requestLocale } from "../../http/locale";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { clearSessionCookie, requireUser } from "../../http/session";
import { callerOf } from "../policy/caller";
import { authenticateApiClient } from "./api-key-auth";
import { refusalReason } from "./competences.reasons";
import {
  deleteAccountBody,
  myBadgesReply,
  type PushBody,
  participationBody,
  participationReply,
  passportBody,
  publicPassportParams,
  publicPassportReply,
  pushBatchReply,
  pushHeaders,
  pushReply,
  pushRequestBody,
  type Received,
  received,
  uploadBody,
} from "./competences.schema";
import { earnerBadges, receivePartnerBadge, uploadPartnerBadge } from "./ingestion.service";
import { type BatchOutcome, receivePartnerBadges } from "./ingestion-batch.service";
import { recordParticipation } from "./participations.service";
import {
  deleteAccount,
  exportArchive,
  publicPassport,
  setPassportPublic,
} from "./passport.service";

const tags = ["competences"];

/** What the caller reads of a badge received. */
const presentReceived = ({
  row,
  evaluation,
}: Awaited<ReturnType<typeof receivePartnerBadge>>): Received => ({
  id: row.id,
  counts: evaluation.counts,
  code: evaluation.counts ? null : evaluation.code,
  reason: evaluation.counts ? null : { fr: evaluation.fr, en: evaluation.en },
});

/** A batch's answer for one badge. */
const presentOutcome = (outcome: BatchOutcome) =>
  outcome.status === "refused"
    ? outcome
    : { status: outcome.status, ...presentReceived(outcome.stored) };

/** Programme 2: partners' systems push badges; managers record participations. */
export function competencesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.post(
    "/api/partner-badges",
    {
      // Called by partners' systems with their API key, never with a session.
      config: { stateless: true },
      // A batch of up to 500 badges of a few kilobytes each.
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "A partner's system pushes a badge it issued (JSON, JWT or URL) for a person, or an array of up to 500; Blason verifies each and says whether it counts",
        description:
          "Authorization: Bearer <API key>. The badge goes through the verifier. A key pushes only its own organisation's badges: a badge that does not verify (400 PARTNER_BADGE_NOT_VERIFIED), whose verified issuer is not one of the organisation's (its issuer on Blason, or one it proved when registering a badge; 403 PARTNER_BADGE_ISSUER_NOT_YOURS), or that was not issued to the address given (400 PARTNER_BADGE_RECIPIENT_MISMATCH) is refused and changes nothing. A badge accepted is kept once per person, issuer and assertion id; it counts when its issuer was a participant on its issue date and its badge class an approved registration (no retroactivity). The person's regional badges are re-evaluated as a job. An array of pushes (at most 500) is answered 200 with one result per badge, in order: received, duplicate (already kept, or twice in the array: resuming a push by re-sending everything is safe) or refused with its code; a refused badge does not stop the others, and each person is re-evaluated once per array.",
        headers: pushHeaders,
        body: pushRequestBody,
        response: {
          200: pushBatchReply,
          201: pushReply,
          400: errorBody,
          401: errorBody,
          403: errorBody,
        },
      },
    },
    async (request, reply) => {
      const client = await authenticateApiClient(ctx, request.headers.authorization);
      const pushedBy = { organisationId: client.org.id, apiClientId: client.client?.id ?? null };
      const person = (p: PushBody) => ({
        email: p.recipient.email,
        ...(p.recipient.name ? { name: p.recipient.name } : {}),
        badge: p.badge,
      });
      if (Array.isArray(request.body)) {
        const outcomes = await receivePartnerBadges(ctx, {
          items: request.body.map(person),
          pushedBy,
        });
        return reply.status(200).send({ results: outcomes.map(presentOutcome) });
      }
      const receivedBadge = await receivePartnerBadge(ctx, {
        channel: "api",
        ...person(request.body),
        pushedBy,
      });
      return reply.status(201).send(presentReceived(receivedBadge));
    },
  );

  r.post(
    "/api/organisations/:id/participations",
    {
      schema: {
        tags,
        summary:
          "Record that a partner is a Participant (or Ambassadeur) from a date, for three years unless said otherwise (managers)",
        params: z.object({ id: uuidParam }),
        body: participationBody,
        response: {
          201: participationReply,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      const row = await recordParticipation(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
        ...request.body,
      });
      return reply.status(201).send({ id: row.id });
    },
  );

  r.get(
    "/api/me/partner-badges",
    {
      schema: {
        tags,
        summary:
          "The signed-in person's badges (the Region's and partners' on Blason, to accept, hide or share), their partner badges with why each counts or not, and their passport",
        response: { 200: myBadgesReply, 401: errorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const mine = await earnerBadges(ctx, user.id);
      const locale = requestLocale(request);
      return {
        ...mine,
        partnerBadges: mine.partnerBadges.map((b) => ({
          ...b,
          refusalReason: refusalReason(b.refusalCode, locale) ?? b.refusalReason,
        })),
      };
    },
  );

  r.post(
    "/api/me/passport",
    {
      schema: {
        tags,
        summary:
          "The person opens or closes their public passport (the badges they accepted and show)",
        body: passportBody,
        response: { 204: z.null(), 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      await setPassportPublic(ctx, requireUser(request), request.body.public);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/public/people/:slug",
    {
      schema: {
        tags: ["public"],
        summary:
          "A person's public passport: only once they opened it, with the badges they accepted and show",
        params: publicPassportParams,
        response: { 200: publicPassportReply, 404: errorBody },
      },
    },
    (request) => publicPassport(ctx, request.params.slug),
  );

  r.get(
    "/api/me/export",
    {
      schema: {
        tags,
        summary:
          "Everything Blason keeps about the person, as a ZIP: their data as JSON and each badge as a baked PNG",
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const zip = await exportArchive(ctx, user);
      return reply
        .type("application/zip")
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="blason-export.zip"')
        .send(Buffer.from(zip));
    },
  );

  r.post(
    "/api/me/delete",
    {
      schema: {
        tags,
        summary:
          "The person deletes their account (they type their address to confirm); badges already issued stay verifiable, unlinked",
        body: deleteAccountBody,
        response: { 204: z.null(), 400: errorBody, 401: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await deleteAccount(ctx, requireUser(request), request.body.confirm);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  /** Earners hand in a badge they hold. */
  const upload = async (request: FastifyRequest, badge: unknown) =>
    presentReceived(await uploadPartnerBadge(ctx, { caller: requireUser(request), badge }));

  r.post(
    "/api/me/partner-badges",
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary: "A person adds a partner badge they hold, as JSON, a JWT or its URL",
        body: uploadBody,
        response: { 201: received, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => reply.status(201).send(await upload(request, request.body.badge)),
  );

  app.register(async (scope) => {
    scope.addContentTypeParser(
      ["image/png", "image/svg+xml"],
      { parseAs: "buffer", bodyLimit: 6 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    typed(scope).post(
      "/api/me/partner-badges/image",
      {
        bodyLimit: 6 * 1024 * 1024,
        schema: {
          tags,
          summary:
            "A person adds a partner badge they hold as a baked PNG or SVG (the body is the image)",
          response: { 201: received, 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (bytes.length === 0) throw new AppError("VALIDATION_FAILED", { file: "" });
        return reply.status(201).send(await upload(request, new Uint8Array(bytes)));
      },
    );
  });
}
