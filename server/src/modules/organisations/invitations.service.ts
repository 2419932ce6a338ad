import type { AppContext } from "../../context";
import type { MemberRole, PlatformRole } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import {
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  type UserRow,
  updateUser,
} from "../auth/auth.repo";
import { assertPasswordStrength } from "../auth/auth.service";
import { hashPassword } from "../auth/passwords";
import * as repo from "./organisations.repo";

export async function describeInvitation(ctx: AppContext, token: string) {
  const invitation = await repo.findLiveInvitation(ctx.db, token);
  if (!invitation) throw new AppError("TOKEN_INVALID_OR_EXPIRED");
  const [organisation, inviter, existing] = await Promise.all([
    invitation.organisationId
      ? repo.findOrganisation(ctx.db, invitation.organisationId)
      : undefined,
    invitation.invitedBy ? findUserById(ctx.db, invitation.invitedBy) : undefined,
    findUserByEmail(ctx.db, invitation.email),
  ]);
  return {
    invitation,
    organisation: organisation ?? null,
    invitedBy: inviter?.name ?? "",
    existingAccount: !!existing,
  };
}

/**
 * Accepting creates the account (new address) or attaches the signed-in
 * account (same address). The invitation is used up in the same transaction.
 */
export async function acceptInvitation(
  ctx: AppContext,
  input: {
    token: string;
    name?: string | undefined;
    password?: string | undefined;
    signedIn: UserRow | null;
    userAgent?: string | undefined;
  },
): Promise<{ user: UserRow; sessionToken?: string }> {
  const invitation = await repo.findLiveInvitation(ctx.db, input.token);
  if (!invitation) throw new AppError("TOKEN_INVALID_OR_EXPIRED");
  const existing = await findUserByEmail(ctx.db, invitation.email);
  if (input.signedIn && input.signedIn.email !== invitation.email)
    throw new AppError("INVITATION_EMAIL_MISMATCH");
  if (existing && !input.signedIn) throw new AppError("ACCOUNT_EXISTS_SIGN_IN");
  let passwordHash: string | undefined;
  if (!existing) {
    const fields: Record<string, string> = {};
    if (!input.name?.trim()) fields.name = "";
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", fields);
    await assertPasswordStrength(input.password ?? "", {
      personal: [invitation.email, input.name],
    });
    passwordHash = await hashPassword(input.password ?? "");
  }
  const userId = await ctx.db.transaction(async (tx) => {
    if (!(await repo.markInvitationAccepted(tx, invitation.id)))
      throw new AppError("TOKEN_INVALID_OR_EXPIRED");
    const roles = invitation.platformRoles as PlatformRole[];
    const user =
      existing ??
      (await insertUser(tx, {
        email: invitation.email,
        name: input.name!.trim(),
        passwordHash: passwordHash ?? null,
        // The invitation reached this mailbox: the address is proven.
        emailVerifiedAt: new Date(),
        platformRoles: roles,
      }));
    if (existing && roles.length > 0) {
      const merged = [...new Set([...(existing.platformRoles as PlatformRole[]), ...roles])];
      await updateUser(tx, existing.id, { platformRoles: merged });
    }
    if (invitation.organisationId && invitation.role)
      await repo.upsertMembership(
        tx,
        invitation.organisationId,
        user.id,
        invitation.role as MemberRole,
      );
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "member.joined",
      targetType: invitation.organisationId ? "organisation" : "platform",
      targetId: invitation.organisationId,
      data: {
        invitationId: invitation.id,
        role: invitation.role,
        platformRoles: roles,
        newAccount: !existing,
      },
    });
    return user.id;
  });
  // Someone who was not signed in is, once their account exists.
  const sessionToken = input.signedIn
    ? undefined
    : await insertSession(ctx.db, {
        userId,
        days: ctx.config.sessionDays,
        userAgent: input.userAgent,
      });
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError("NOT_FOUND");
  return sessionToken ? { user, sessionToken } : { user };
}
