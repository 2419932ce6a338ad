import { z } from "zod";
import { uuidParam } from "../../http/route-types";
import { line } from "../../http/text";
import { awardings } from "./awarding";

export const badgeSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  recognises: z.string(),
  required: z.boolean(),
  validityMonths: z.number(),
  url: z.string(),
  image: z.string(),
  criteria: z.array(z.object({ statement: z.string(), evidence: z.array(z.string()) })),
  renewalExtra: z.string().nullable(),
  alignments: z.array(z.object({ framework: z.string(), code: z.string(), name: z.string() })),
  /** Requested by an organisation (the partners' Participant and Ambassadeur badges), not earned by people. */
  forOrganisations: z.boolean(),
  /** Who awards it and how, which is what its validity counts from. */
  awarding: z.enum(awardings),
  /** Published endorsements: who, what they say, and the signed EndorsementCredential's URL. */
  endorsements: z.array(z.object({ endorser: z.string(), statement: z.string(), url: z.string() })),
});

export const collectionSchema = z.object({
  version: z.string(),
  name: z.string(),
  labelTotal: z.number(),
  badgeCount: z.number(),
  requiredCount: z.number(),
});
export const programmeSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** The partner whose own badges these are; null for the Region's programmes. */
  partner: z.string().nullable(),
});
export const successorSchema = z.object({ id: z.uuid(), name: z.string(), collection: z.string() });

export type BadgeDto = z.infer<typeof badgeSchema>;

export const slugParams = z.object({ slug: line().max(100) });
export const idParams = z.object({ id: uuidParam });

export const programmesView = z.object({
  programmes: z.array(programmeSchema.extend({ collection: collectionSchema })),
});

export const programmeCatalogueView = z.object({
  programme: programmeSchema,
  collection: collectionSchema,
  badges: z.array(badgeSchema),
});

export const badgeDetailView = badgeSchema.extend({
  programme: programmeSchema.pick({ slug: true, name: true, partner: true }),
  collection: z.string(),
  inForce: z.boolean(),
  successor: successorSchema.nullable(),
});
export type BadgeDetailDto = z.infer<typeof badgeDetailView>;

export const programmeHistoryView = z.object({
  programme: programmeSchema.omit({ partner: true }),
  collections: z.array(
    z.object({
      version: z.string(),
      name: z.string(),
      inForce: z.boolean(),
      publishedAt: z.string().nullable(),
      labelTotal: z.number(),
      badges: z.array(
        badgeSchema
          .pick({
            id: true,
            name: true,
            required: true,
            validityMonths: true,
            url: true,
            image: true,
          })
          .extend({ successor: successorSchema.nullable() }),
      ),
    }),
  ),
});
