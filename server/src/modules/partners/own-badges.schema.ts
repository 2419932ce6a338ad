import { z } from "zod";
import { errorBody, uuidParam } from "../../http/route-types";
import { line, text } from "../../http/text";

export const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  413: errorBody,
};
export const idParams = z.object({ id: uuidParam });
export const badgeParams = z.object({ id: uuidParam, badgeId: uuidParam });

export const badgeView = z.object({
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
export const batchView = z
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
export const person = z
  .object({ email: z.email().max(320), name: line().trim().min(1).max(200) })
  .strict()
  .meta({ example: { email: "ines.moreau@exemple.fr", name: "Inès Moreau" } });

export const ownBadgesReply = z.object({
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
});

export const ownBadgeBody = z
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
  });

export const createdReply = z.object({ id: z.uuid() });

export const awardsReply = z.object({
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
});

export const awardReply = z.object({ id: z.uuid(), url: z.string(), created: z.boolean() });

export const revokeParams = badgeParams.extend({ credentialId: uuidParam });

export const revokeBody = z.object({ reason: text().trim().min(5).max(1000) }).strict();

export const batchBody = z
  .object({ csv: text().min(1).max(2_000_000) })
  .strict()
  .meta({
    example: {
      csv: "courriel;nom\r\nlea.durand@exemple.fr;Léa Durand\r\nyanis.benali@exemple.fr;Yanis Benali\r\n",
    },
  });

export const batchParams = z.object({ id: uuidParam, batchId: uuidParam });
