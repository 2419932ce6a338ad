import { asc, ilike, or } from "drizzle-orm";
import type { AppContext } from "../../context";
import { type PlatformRole, users } from "../../db/schema";
import { AppError, type Locale } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import { findUserById, type UserRow, updateUser } from "../auth/auth.repo";
import { queueEmail } from "../email/mailer";
import { insertInvitation } from "../organisations/organisations.repo";
import { actorOf, INVITATION_DAYS } from "../organisations/organisations.service";
import { authorize, type Principal } from "../policy/policy";

export async function listUsers(ctx: AppContext, principal: Principal, q?: string) {
  authorize(principal, "admin.users");
  const pattern = q ? `%${q.replace(/[%_\\]/g, "\\$&")}%` : undefined;
  return ctx.db
    .select()
    .from(users)
    .where(pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(asc(users.name))
    .limit(500);
}

export async function setPlatformRoles(
  ctx: AppContext,
  actor: UserRow,
  principal: Principal,
  userId: string,
  roles: PlatformRole[],
) {
  authorize(principal, "admin.users");
  return ctx.db.transaction(async (tx) => {
    const target = await findUserById(tx, userId);
    if (!target) throw new AppError("NOT_FOUND");
    const wasAdmin = target.platformRoles.includes("platform_admin");
    if (wasAdmin && !roles.includes("platform_admin")) {
      const admins = (await tx.select({ roles: users.platformRoles }).from(users)).filter((u) =>
        u.roles.includes("platform_admin"),
      );
      if (admins.length <= 1) throw new AppError("LAST_PLATFORM_ADMIN");
    }
    const unique = [...new Set(roles)].sort();
    const updated = await updateUser(tx, userId, { platformRoles: unique });
    await appendAudit(tx, {
      actor: actorOf(actor),
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
  actor: UserRow,
  principal: Principal,
  input: { email: string; roles: PlatformRole[] },
) {
  authorize(principal, "admin.users");
  await ctx.db.transaction(async (tx) => {
    const { token, invitation } = await insertInvitation(tx, {
      email: input.email,
      organisationId: null,
      role: null,
      platformRoles: input.roles,
      invitedBy: actor.id,
      days: INVITATION_DAYS,
    });
    await queueEmail(tx, {
      to: input.email,
      locale: actor.locale as Locale,
      template: {
        name: "staff_invitation",
        roles: input.roles,
        invitedBy: actor.name,
        url: `${ctx.config.publicUrl}/invitation/${token}`,
        days: INVITATION_DAYS,
      },
    });
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: "user.invited",
      targetType: "platform",
      targetId: null,
      data: { email: input.email, roles: input.roles, invitationId: invitation.id },
    });
  });
}
