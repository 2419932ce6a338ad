import { z } from "zod";
import { line } from "../../http/text";

export const slugParams = z.object({ slug: line().max(120) });

export const passportView = z.object({
  organisation: z.object({
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    city: z.string().nullable(),
    website: z.string().nullable(),
    url: z.string(),
  }),
  label: z
    .object({
      eligible: z.boolean(),
      count: z.number(),
      total: z.number(),
      requiredHeld: z.number(),
      requiredTotal: z.number(),
      collection: z.string(),
      state: z.enum(["none", "active", "suspended", "expired", "revoked"]),
      credentialUrl: z.string().nullable(),
      image: z.string().nullable(),
    })
    .nullable(),
  badges: z.array(
    z.object({
      credentialId: z.uuid(),
      url: z.string(),
      name: z.string(),
      required: z.boolean(),
      validFrom: z.string(),
      validUntil: z.string().nullable(),
      image: z.string(),
    }),
  ),
});
export type PassportDto = z.infer<typeof passportView>;

export const laureatesView = z.object({
  laureates: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      city: z.string().nullable(),
      url: z.string(),
      count: z.number(),
      badges: z.array(z.string()),
    }),
  ),
});
export type LaureatesDto = z.infer<typeof laureatesView>;

export const statisticsView = z.object({
  badgesPerYear: z.array(z.object({ year: z.number(), count: z.number() })),
  badgesPerBadge: z.array(
    z.object({ badge: z.string(), required: z.boolean(), count: z.number() }),
  ),
  organisationsEngaged: z.number(),
  laureates: z.number(),
});
export type StatisticsDto = z.infer<typeof statisticsView>;
