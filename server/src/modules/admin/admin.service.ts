import type { AppContext } from "../../context";
import type { PlatformRole } from "../../db/schema";
import { AppError, type Locale } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit, listAudit } from "../audit/audit.repo";
import { findUserById, type UserRow, updateUser } from "../auth/auth.repo";
import { queueEmail } from "../email/mailer";
import { insertInvitation } from "../organisations/organisations.repo";
import { INVITATION_DAYS } from "../organisations/organisations.service";
import { authorize, type Caller, type Principal } from "../policy/policy";
import { countPlatformAdmins, listUserNames, searchUsers } from "./admin.repo";

export async function listUsers(
  ctx: AppContext,
  { principal, q }: { principal: Principal; q?: string | undefined },
) {
  authorize(principal, "admin.users");
  return searchUsers(ctx.db, q);
}

export async function setPlatformRoles(
  ctx: AppContext,
  { caller, userId, roles }: { caller: Caller; userId: string; roles: PlatformRole[] },
) {
  authorize(caller.principal, "admin.users");
  return ctx.db.transaction(async (tx) => {
    const target = await findUserById(tx, userId);
    if (!target) throw new AppError("NOT_FOUND");
    const wasAdmin = target.platformRoles.includes("platform_admin");
    if (wasAdmin && !roles.includes("platform_admin")) {
      if ((await countPlatformAdmins(tx)) <= 1) throw new AppError("LAST_PLATFORM_ADMIN");
    }
    const unique = [...new Set(roles)].sort();
    const updated = await updateUser(tx, userId, { platformRoles: unique });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "user.roles_changed",
      targetType: "user",
      targetId: userId,
      data: { from: target.platformRoles, to: unique },
    });
    return updated!;
  });
}

export async function inviteStaff(
  ctx: AppContext,
  {
    caller,
    inviter,
    input,
  }: {
    caller: Caller;
    /** Who invites: named in the email, which takes their language. */
    inviter: Pick<UserRow, "id" | "name" | "locale">;
    input: { email: string; roles: PlatformRole[] };
  },
) {
  authorize(caller.principal, "admin.users");
  await ctx.db.transaction(async (tx) => {
    const { token, invitation } = await insertInvitation(tx, {
      email: input.email,
      organisationId: null,
      role: null,
      platformRoles: input.roles,
      invitedBy: inviter.id,
      days: INVITATION_DAYS,
    });
    await queueEmail(tx, {
      to: input.email,
      locale: inviter.locale as Locale,
      template: {
        name: "staff_invitation",
        roles: input.roles,
        invitedBy: inviter.name,
        url: `${ctx.config.publicUrl}/invitation/${token}`,
        days: INVITATION_DAYS,
      },
    });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "user.invited",
      targetType: "platform",
      targetId: null,
      data: { email: input.email, roles: input.roles, invitationId: invitation.id },
    });
  });
}

/** The audit log, newest first, each entry with its actor's current name when they have an account. */
export async function readAuditLog(
  ctx: AppContext,
  {
    principal,
    limit,
    before,
  }: { principal: Principal; limit: number; before?: number | undefined },
) {
  authorize(principal, "audit.read");
  const rows = await listAudit(ctx.db, before === undefined ? { limit } : { limit, before });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const names = await listUserNames(ctx.db, actorIds);
  return rows.map((row) => ({
    ...row,
    actorName: names.find((n) => n.id === row.actorId)?.name,
  }));
}
