import { z } from "zod";
import { badgeText, jsonDocument, line } from "../../http/text";
import { refusalCodes } from "./competences.reasons";

/** A badge as it comes in: JSON, a JWT or its URL. */
const incomingBadge = z.union([badgeText().min(1).max(5_000_000), jsonDocument()]);

export const pushHeaders = z.looseObject({ authorization: line().optional() });

export const pushBody = z
  .object({
    recipient: z
      .object({ email: z.email().max(320), name: line().trim().max(200).optional() })
      .strict(),
    badge: incomingBadge,
  })
  .strict();

/** The most badges one push may carry. */
export const MAX_PUSH_BATCH = 500;

/** Several badges in one push, each with its recipient. */
export const pushBatchBody = z.array(pushBody).min(1).max(MAX_PUSH_BATCH);

/** What POST /api/partner-badges takes: one push, or an array of them. */
export const pushRequestBody = z.union([pushBody, pushBatchBody]).meta({
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
    // Several at once (up to 500), each answered on its own.
    [
      {
        recipient: { email: "lea.durand@exemple.fr" },
        badge: "https://badges.atelier-emploi.example/assertions/4f1c2a",
      },
      {
        recipient: { email: "yanis.benali@exemple.fr" },
        badge: "https://badges.atelier-emploi.example/assertions/9b07e3",
      },
    ],
  ],
});

/** Whether a badge received counts, and why not. */
export const received = z.object({
  id: z.uuid(),
  counts: z.boolean(),
  code: z.enum(refusalCodes).nullable(),
  reason: z.object({ fr: z.string(), en: z.string() }).nullable(),
});

export const pushReply = received.meta({
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
});

/** One answer per badge of a batch, in the order sent. */
export const pushBatchReply = z
  .object({
    results: z.array(
      z.discriminatedUnion("status", [
        z.object({
          status: z.enum(["received", "duplicate"]),
          id: z.uuid(),
          counts: z.boolean(),
          code: z.enum(refusalCodes).nullable(),
          reason: z.object({ fr: z.string(), en: z.string() }).nullable(),
        }),
        z.object({
          status: z.literal("refused"),
          code: z.string(),
          message: z.object({ fr: z.string(), en: z.string() }),
        }),
      ]),
    ),
  })
  .meta({
    examples: [
      {
        results: [
          {
            status: "received",
            id: "0e327b97-1d08-433b-adbe-afa6723601eb",
            counts: true,
            code: null,
            reason: null,
          },
          {
            status: "duplicate",
            id: "9a4c7e1b-52f0-4f3e-a3d1-8f0b7c6e5d21",
            counts: true,
            code: null,
            reason: null,
          },
          {
            status: "refused",
            code: "PARTNER_BADGE_RECIPIENT_MISMATCH",
            message: {
              fr: "Ce badge n'a pas été délivré à l'adresse indiquée : rien n'a été enregistré.",
              en: "This badge was not issued to the address given: nothing was recorded.",
            },
          },
        ],
      },
    ],
  });

export const participationBody = z
  .object({
    kind: z.enum(["participant", "ambassador"]),
    validFrom: z.iso.datetime(),
    validUntil: z.iso.datetime().nullable().optional(),
  })
  .strict()
  .meta({ example: { kind: "participant", validFrom: "2026-01-01T00:00:00.000Z" } });

export const participationReply = z.object({ id: z.uuid() });

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

export const myBadgesReply = z.object({
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
});

export const passportBody = z.object({ public: z.boolean() }).strict();

export const publicPassportParams = z.object({ slug: line().max(40) });

export const publicPassportReply = z.object({
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
});

export const deleteAccountBody = z.object({ confirm: line().max(320) }).strict();

export const uploadBody = z.object({ badge: incomingBadge }).strict();

export type PushBody = z.infer<typeof pushBody>;
export type ParticipationBody = z.infer<typeof participationBody>;
export type Received = z.infer<typeof received>;
