import { z } from "zod";
import { email, uuidParam } from "../../http/route-types";
import { line } from "../../http/text";
import { platformRole, userSchema } from "../accounts/accounts.schema";

export const idParams = z.object({ id: uuidParam });
export const okView = z.object({ ok: z.literal(true) });

export const usersQuery = z.object({ q: line().max(100).optional() });
export const usersView = z.object({ users: z.array(userSchema) });

export const rolesBody = z.object({ roles: z.array(platformRole).max(3) }).strict();
export type RolesBody = z.infer<typeof rolesBody>;
export const staffInvitationBody = z
  .object({ email, roles: z.array(platformRole).min(1).max(3) })
  .strict();
export type StaffInvitationBody = z.infer<typeof staffInvitationBody>;

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditView = z.object({
  entries: z.array(
    z.object({
      seq: z.number(),
      at: z.iso.datetime(),
      actor: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      /** The row in words (null for an action not yet described: its code is shown). */
      summary: z.object({ fr: z.string(), en: z.string() }).nullable(),
      /** The web page of the object, when it has one. */
      link: z.string().nullable(),
    }),
  ),
});
export type AuditView = z.infer<typeof auditView>;
