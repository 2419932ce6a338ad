import { z } from "zod";
import { memberRoles, orgKinds, platformRoles } from "../../db/schema";

export const platformRole = z.enum(platformRoles);
export const memberRole = z.enum(memberRoles);
export const orgKind = z.enum(orgKinds);
export const locale = z.enum(["fr", "en"]);

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale,
  emailVerified: z.boolean(),
  platformRoles: z.array(platformRole),
  createdAt: z.iso.datetime(),
});

export const organisationSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: orgKind,
  parentId: z.uuid().nullable(),
  city: z.string().nullable(),
});

export const meSchema = z.object({
  user: userSchema,
  memberships: z.array(z.object({ organisation: organisationSummarySchema, role: memberRole })),
  csrfToken: z.string(),
});

export type UserDto = z.infer<typeof userSchema>;
export type OrganisationSummaryDto = z.infer<typeof organisationSummarySchema>;
