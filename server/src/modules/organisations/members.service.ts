import type { AppContext } from "../../context";
import type { MemberRole } from "../../db/schema";
import { AppError, type Locale } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { findUserByEmail, type UserRow } from "../auth/auth.repo";
import { queueEmail } from "../email/mailer";
import { authorize, type Caller, can, type Principal } from "../policy/policy";
import * as repo from "./organisations.repo";
import { INVITATION_DAYS, loadReadableOrganisation } from "./organisations.service";

export async function listOrganisationMembers(
  ctx: AppContext,
  { principal, id }: { principal: Principal; id: string },
) {
  const org = await loadReadableOrganisation(ctx, principal, id);
  authorize(principal, "organisation.members.read", { org }, "organisation.read");
  const members = await repo.listMembers(ctx.db, org.id);
  const invitations = can(principal, "organisation.members.manage", { org })
    ? await repo.listPendingInvitations(ctx.db, org.id)
    : [];
  return { members, invitations };
}

export async function inviteMember(
  ctx: AppContext,
  {
    caller: { principal, user: acting },
    inviter: user,
    id,
    input,
  }: {
    caller: Caller;
    /** Who invites: named in the email, whose language it takes for a new address. */
    inviter: Pick<UserRow, "id" | "name" | "locale">;
    id: string;
    input: { email: string; role: MemberRole };
  },
) {
  const org = await loadReadableOrganisation(ctx, principal, id);
  authorize(principal, "organisation.members.manage", { org }, "organisation.read");
  const email = input.email.toLowerCase();
  const existing = await findUserByEmail(ctx.db, email);
  if (existing && (await repo.findMembership(ctx.db, org.id, existing.id)))
    throw new AppError("EMAIL_ALREADY_MEMBER", { email: "" });
  return ctx.db.transaction(async (tx) => {
    await repo.revokePendingInvitations(tx, org.id, email);
    const { token, invitation } = await repo.insertInvitation(tx, {
      email,
      organisationId: org.id,
      role: input.role,
      invitedBy: user.id,
      days: INVITATION_DAYS,
    });
    await queueEmail(tx, {
      to: email,
      locale: (existing?.locale ?? user.locale) as Locale,
      template: {
        name: "invitation",
        organisation: org.name,
        role: input.role,
        invitedBy: user.name,
        url: `${ctx.config.publicUrl}/invitation/${token}`,
        days: INVITATION_DAYS,
      },
    });
    await appendAudit(tx, {
      actor: actorOf(acting),
      action: "member.invited",
      targetType: "organisation",
      targetId: org.id,
      data: { email, role: input.role, invitationId: invitation.id },
    });
    return invitation;
  });
}

export async function cancelInvitation(
  ctx: AppContext,
  {
    caller: { principal, user: acting },
    id,
    invitationId,
  }: { caller: Caller; id: string; invitationId: string },
) {
  const org = await loadReadableOrganisation(ctx, principal, id);
  authorize(principal, "organisation.members.manage", { org }, "organisation.read");
  await ctx.db.transaction(async (tx) => {
    const revoked = await repo.revokeInvitation(tx, org.id, invitationId);
    if (!revoked) throw new AppError("NOT_FOUND");
    await appendAudit(tx, {
      actor: actorOf(acting),
      action: "member.invitation_cancelled",
      targetType: "organisation",
      targetId: org.id,
      data: { email: revoked.email, invitationId },
    });
  });
}

export async function changeMemberRole(
  ctx: AppContext,
  {
    caller: { principal, user: acting },
    id,
    memberId,
    role,
  }: { caller: Caller; id: string; memberId: string; role: MemberRole },
) {
  const org = await loadReadableOrganisation(ctx, principal, id);
  authorize(principal, "organisation.members.manage", { org }, "organisation.read");
  return ctx.db.transaction(async (tx) => {
    const membership = await repo.findMembership(tx, org.id, memberId);
    if (!membership) throw new AppError("NOT_FOUND");
    if (
      membership.role === "admin" &&
      role !== "admin" &&
      (await repo.countAdmins(tx, org.id)) <= 1
    )
      throw new AppError("LAST_ADMIN");
    await repo.setMemberRole(tx, org.id, memberId, role);
    await appendAudit(tx, {
      actor: actorOf(acting),
      action: "member.role_changed",
      targetType: "organisation",
      targetId: org.id,
      data: { userId: memberId, from: membership.role, to: role },
    });
    const members = await repo.listMembers(tx, org.id);
    return members.find((m) => m.userId === memberId)!;
  });
}

export async function removeMember(
  ctx: AppContext,
  {
    caller: { principal, user: acting },
    id,
    memberId,
  }: { caller: Caller; id: string; memberId: string },
) {
  const org = await loadReadableOrganisation(ctx, principal, id);
  authorize(principal, "organisation.members.manage", { org }, "organisation.read");
  await ctx.db.transaction(async (tx) => {
    const membership = await repo.findMembership(tx, org.id, memberId);
    if (!membership) throw new AppError("NOT_FOUND");
    if (membership.role === "admin" && (await repo.countAdmins(tx, org.id)) <= 1)
      throw new AppError("LAST_ADMIN");
    await repo.deleteMembership(tx, org.id, memberId);
    await appendAudit(tx, {
      actor: actorOf(acting),
      action: "member.removed",
      targetType: "organisation",
      targetId: org.id,
      data: { userId: memberId, role: membership.role },
    });
  });
}
