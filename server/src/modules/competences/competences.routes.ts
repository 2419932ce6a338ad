import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { organisations, partnerParticipations } from "../../db/schema";
import { AppError } from "../../errors";
import { requestLocale } from "../../http/locale";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { clearSessionCookie, requireUser } from "../../http/session";
import { badgeText, jsonDocument, line } from "../../http/text";
import { appendAudit } from "../audit/audit.repo";
import { actorOf } from "../organisations/organisations.service";
import { authenticateApiClient } from "../partners/api-clients.service";
import { authorize } from "../policy/policy";
import { refusalCodes, refusalReason } from "./competences.rules";
import { earnerBadges, receivePartnerBadge } from "./ingestion.service";
import {
  deleteAccount,
  exportArchive,
  publicPassport,
  setPassportPublic,
} from "./passport.service";

const tags = ["competences"];

/** Programme 2: partners' systems push badges; managers record participations. */
export function competencesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.post(
    "/api/partner-badges",
    {
      // Called by partners' systems with their API key, never with a session.
      config: { stateless: true },
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "A partner's system pushes a badge it issued (JSON, JWT or URL) for a person; Blason verifies it and says whether it counts",
        description:
          "Authorization: Bearer <API key>. The badge goes through the verifier. A key pushes only its own organisation's badges: a badge that does not verify (400 PARTNER_BADGE_NOT_VERIFIED), whose verified issuer is not one of the organisation's (its issuer on Blason, or one it proved when registering a badge; 403 PARTNER_BADGE_ISSUER_NOT_YOURS), or that was not issued to the address given (400 PARTNER_BADGE_RECIPIENT_MISMATCH) is refused and changes nothing. A badge accepted is kept once per person, issuer and assertion id; it counts when its issuer was a participant on its issue date and its badge class an approved registration (no retroactivity). The person's regional badges are re-evaluated as a job.",
        headers: z.looseObject({ authorization: line().optional() }),
        body: z
          .object({
            recipient: z
              .object({ email: z.email().max(320), name: line().trim().max(200).optional() })
              .strict(),
            badge: z.union([badgeText().min(1).max(5_000_000), jsonDocument()]),
          })
          .strict()
          .meta({
            examples: [
              {
                recipient: { email: "lea.durand@exemple.fr", name: "Léa Durand" },
                badge: "https://badges.atelier-emploi.example/assertions/4f1c2a",
              },
              {
                // The same badge as a VC-JWT (shortened here).
                recipient: { email: "yanis.benali@exemple.fr", name: "Yanis Benali" },
                badge:
                  "eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2xkK2p3dCJ9.eyJpc3MiOiJkaWQ6d2ViOmF0ZWxpZXItZW1wbG9pLmV4YW1wbGUiLCJ2YyI6e319.c2lnbmF0dXJl",
              },
            ],
          }),
        response: {
          201: z
            .object({
              id: z.uuid(),
              counts: z.boolean(),
              code: z.enum(refusalCodes).nullable(),
              reason: z.object({ fr: z.string(), en: z.string() }).nullable(),
            })
            .meta({
              examples: [
                {
                  id: "0e327b97-1d08-433b-adbe-afa6723601eb",
                  counts: true,
                  code: null,
                  reason: null,
                },
                {
                  id: "9a4c7e1b-52f0-4f3e-a3d1-8f0b7c6e5d21",
                  counts: false,
                  code: "ISSUED_BEFORE_APPROVAL",
                  reason: {
                    fr: "Ce badge a été délivré avant que la Région n'approuve sa correspondance : pas de rétroactivité.",
                    en: "This badge was issued before the Region approved its mapping: nothing is retroactive.",
                  },
                },
              ],
            }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
        },
      },
    },
    async (request, reply) => {
      const client = await authenticateApiClient(ctx, request.headers.authorization);
      const { row, evaluation } = await receivePartnerBadge(ctx, {
        channel: "api",
        email: request.body.recipient.email,
        ...(request.body.recipient.name ? { name: request.body.recipient.name } : {}),
        badge: request.body.badge,
        pushedBy: { organisationId: client.org.id, apiClientId: client.client.id },
      });
      return reply.status(201).send({
        id: row.id,
        counts: evaluation.counts,
        code: evaluation.counts ? null : evaluation.code,
        reason: evaluation.counts ? null : { fr: evaluation.fr, en: evaluation.en },
      });
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
        body: z
          .object({
            kind: z.enum(["participant", "ambassador"]),
            validFrom: z.iso.datetime(),
            validUntil: z.iso.datetime().nullable().optional(),
          })
          .strict()
          .meta({ example: { kind: "participant", validFrom: "2026-01-01T00:00:00.000Z" } }),
        response: {
          201: z.object({ id: z.uuid() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      authorize(request.principal, "partner.participation.manage");
      const user = requireUser(request);
      const [org] = await ctx.db
        .select()
        .from(organisations)
        .where(eq(organisations.id, request.params.id));
      if (!org) throw new AppError("NOT_FOUND");
      if (org.kind !== "partner") throw new AppError("REGISTRATION_NOT_PARTNER");
      const from = new Date(request.body.validFrom);
      const until =
        request.body.validUntil === undefined
          ? new Date(new Date(from).setUTCFullYear(from.getUTCFullYear() + 3))
          : request.body.validUntil === null
            ? null
            : new Date(request.body.validUntil);
      if (until && until <= from) throw new AppError("VALIDATION_FAILED", { validUntil: "" });
      const row = await ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(partnerParticipations)
          .values({
            organisationId: org.id,
            kind: request.body.kind,
            validFrom: from,
            validUntil: until,
            decidedBy: user.id,
          })
          .returning();
        await appendAudit(tx, {
          actor: actorOf(user),
          action: "participation.recorded",
          targetType: "organisation",
          targetId: org.id,
          data: {
            kind: request.body.kind,
            from: from.toISOString(),
            until: until?.toISOString() ?? null,
          },
        });
        return created!;
      });
      return reply.status(201).send({ id: row.id });
    },
  );

  const partnerBadgeView = z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    channel: z.enum(["blason", "api", "upload"]),
    counts: z.boolean(),
    refusalCode: z.string().nullable(),
    refusalReason: z.string().nullable(),
    issuedOn: z.string().nullable(),
    receivedAt: z.string(),
  });
  const received = z.object({
    id: z.uuid(),
    counts: z.boolean(),
    code: z.enum(refusalCodes).nullable(),
    reason: z.object({ fr: z.string(), en: z.string() }).nullable(),
  });

  r.get(
    "/api/me/partner-badges",
    {
      schema: {
        tags,
        summary:
          "The signed-in person's badges (the Region's and partners' on Blason, to accept, hide or share), their partner badges with why each counts or not, and their passport",
        response: {
          200: z.object({
            partnerBadges: z.array(partnerBadgeView),
            credentials: z.array(
              z.object({
                credentialId: z.uuid(),
                name: z.string(),
                issuer: z.string(),
                regional: z.boolean(),
                status: z.string(),
                claimState: z.enum(["pending", "accepted", "declined"]),
                shown: z.boolean(),
                validFrom: z.string(),
                url: z.string(),
                image: z.string(),
              }),
            ),
            passport: z.object({ public: z.boolean(), url: z.string() }).nullable(),
          }),
          401: errorBody,
        },
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
        body: z.object({ public: z.boolean() }).strict(),
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
        params: z.object({ slug: line().max(40) }),
        response: {
          200: z.object({
            name: z.string(),
            badges: z.array(
              z.object({
                name: z.string(),
                issuer: z.string(),
                issuerUrl: z.string(),
                validFrom: z.string(),
                validUntil: z.string().nullable(),
                url: z.string(),
                image: z.string(),
              }),
            ),
          }),
          404: errorBody,
        },
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
        body: z.object({ confirm: line().max(320) }).strict(),
        response: { 204: z.null(), 400: errorBody, 401: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await deleteAccount(ctx, requireUser(request), request.body.confirm);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  /** Earners hand in a badge they hold: only with a verified address, which is what proves it is theirs. */
  const upload = async (request: FastifyRequest, badge: unknown) => {
    const user = requireUser(request);
    if (!user.emailVerifiedAt) throw new AppError("EMAIL_NOT_VERIFIED");
    const { row, evaluation } = await receivePartnerBadge(ctx, {
      channel: "upload",
      email: user.email,
      badge,
    });
    return {
      id: row.id,
      counts: evaluation.counts,
      code: evaluation.counts ? null : evaluation.code,
      reason: evaluation.counts ? null : { fr: evaluation.fr, en: evaluation.en },
    };
  };

  r.post(
    "/api/me/partner-badges",
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary: "A person adds a partner badge they hold, as JSON, a JWT or its URL",
        body: z
          .object({
            badge: z.union([badgeText().min(1).max(5_000_000), jsonDocument()]),
          })
          .strict(),
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
