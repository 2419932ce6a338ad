import { z } from "zod";
import { uuidParam } from "../../http/route-types";
import { line, text } from "../../http/text";

export const idParams = z.object({ id: uuidParam });
export const slugParams = z.object({ slug: line().max(100) });

const criterion = z.object({
  statement: text().trim().max(2000),
  evidence: z.array(line().trim().max(500)).max(20),
});
export const badgeBody = z
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

export const badgeView = z.object({
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
export const badgeChangeBody = badgeBody.partial().strict();
export type BadgeView = z.infer<typeof badgeView>;

export const collectionsView = z.object({
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
});
export type CollectionsView = z.infer<typeof collectionsView>;

const draftVersion = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/);
const draftName = line().trim().min(3).max(200);

export const draftBody = z
  .object({
    version: draftVersion,
    name: draftName,
  })
  .strict();
export type DraftBody = z.infer<typeof draftBody>;

export const draftChangeBody = z
  .object({
    version: draftVersion,
    name: draftName,
    labelTotal: z.number().int().min(1).max(100),
    labelValidityMonths: z.number().int().min(1).max(120),
  })
  .partial()
  .strict();
export type DraftChangeBody = z.infer<typeof draftChangeBody>;

export const moveBody = z.object({ direction: z.enum(["up", "down"]) }).strict();
export const emptyBody = z.object({}).strict();

const badgeRef = z.object({ id: z.uuid(), name: z.string(), collection: z.string() });
export const equivalencesView = z.object({
  equivalences: z.array(z.object({ id: z.uuid(), from: badgeRef, to: badgeRef })),
});
export const equivalenceBody = z.object({ fromBadgeId: z.uuid(), toBadgeId: z.uuid() }).strict();
export type EquivalenceBody = z.infer<typeof equivalenceBody>;
