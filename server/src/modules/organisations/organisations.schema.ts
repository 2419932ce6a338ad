import { z } from "zod";
import { email, uuidParam } from "../../http/route-types";
import { line, url } from "../../http/text";
import { memberRole, organisationSummarySchema, orgKind } from "../accounts/accounts.schema";

const optionalText = (max: number) =>
  line()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const organisationFields = {
  name: line().trim().min(2).max(200),
  siret: optionalText(20),
  uai: optionalText(10),
  contactEmail: email,
  city: optionalText(120),
  website: url({ protocol: /^https?$/ })
    .max(500)
    .nullish()
    .or(z.literal("").transform(() => null)),
};

export const organisationSchema = organisationSummarySchema.extend({
  siret: z.string().nullable(),
  uai: z.string().nullable(),
  contactEmail: z.string(),
  website: z.string().nullable(),
  parent: organisationSummarySchema.nullable(),
  children: z.array(organisationSummarySchema),
  myRole: memberRole.nullable(),
  can: z.object({ manageMembers: z.boolean(), edit: z.boolean() }),
});

export const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: memberRole,
  joinedAt: z.iso.datetime(),
});

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: memberRole,
  organisationId: z.uuid(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  invitedBy: z.string().nullable(),
});

export type OrganisationDto = z.infer<typeof organisationSchema>;
export type MemberDto = z.infer<typeof memberSchema>;
export type InvitationDto = z.infer<typeof invitationSchema>;

export const idParams = z.object({ id: uuidParam });
export const invitationParams = z.object({ id: uuidParam, invitationId: uuidParam });
export const memberParams = z.object({ id: uuidParam, userId: uuidParam });
export const tokenParams = z.object({ token: line().min(20).max(200) });

export const organisationsQuery = z.object({
  kind: orgKind.optional(),
  q: line().max(100).optional(),
});
export const organisationsView = z.object({ organisations: z.array(organisationSummarySchema) });

export const organisationBody = z
  .object({ ...organisationFields, kind: orgKind, parentId: z.uuid().nullish() })
  .strict();
export type OrganisationBody = z.infer<typeof organisationBody>;
export const organisationChangeBody = z.object(organisationFields).partial().strict();
export type OrganisationChangeBody = z.infer<typeof organisationChangeBody>;

export const membersView = z.object({
  members: z.array(memberSchema),
  invitations: z.array(invitationSchema),
});
export const invitationBody = z.object({ email, role: memberRole }).strict();
export const roleBody = z.object({ role: memberRole }).strict();

export const invitationView = z.object({
  email: z.string(),
  organisation: organisationSummarySchema.nullable(),
  role: memberRole.nullable(),
  platformRoles: z.array(z.string()),
  invitedBy: z.string(),
  existingAccount: z.boolean(),
});
export type InvitationViewDto = z.infer<typeof invitationView>;
export const acceptBody = z
  .object({
    name: line().trim().max(120).optional(),
    password: line().max(1000).optional(),
  })
  .strict();
export type AcceptBody = z.infer<typeof acceptBody>;
