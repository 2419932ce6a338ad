import type { AppContext } from "../../context";
import { uniqueViolation } from "../../db/errors";
import type { MemberRole, OrgKind, PlatformRole } from "../../db/schema";
import { AppError, type ErrorCode, type Locale } from "../../errors";
import { type Actor, appendAudit } from "../audit/audit.repo";
import {
  findUserByEmail,
  findUserById,
  insertUser,
  type UserRow,
  updateUser,
} from "../auth/auth.repo";
import { assertPasswordStrength } from "../auth/auth.service";
import { hashPassword } from "../auth/passwords";
import { queueEmail } from "../email/mailer";
import { type Action, authorize, can, type Principal } from "../policy/policy";
import { checkSiret, checkUai, normaliseSiret, normaliseUai } from "./identifiers";
import * as repo from "./organisations.repo";

export const INVITATION_DAYS = 7;

export type OrganisationInput = {
  name: string;
  kind: OrgKind;
  parentId?: string | null | undefined;
  siret?: string | null | undefined;
  uai?: string | null | undefined;
  contactEmail: string;
  city?: string | null | undefined;
  website?: string | null | undefined;
};

export function actorOf(user: Pick<UserRow, "id" | "email">): Actor {
  return { kind: "user", id: user.id, label: user.email };
}

export function slugify(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "organisation"
  );
}

function normaliseIdentifiers(input: {
  siret?: string | null | undefined;
  uai?: string | null | undefined;
}) {
  const fields: Record<string, string> = {};
  const siret = input.siret ? normaliseSiret(input.siret) : input.siret;
  const uai = input.uai ? normaliseUai(input.uai) : input.uai;
  const siretProblem = siret ? checkSiret(siret) : null;
  if (siretProblem)
    fields.siret =
      siretProblem === "format"
        ? "Le SIRET compte 14 chiffres."
        : "Ce SIRET n'est pas valide : vérifiez les chiffres (clé de contrôle).";
  const uaiProblem = uai ? checkUai(uai) : null;
  if (uaiProblem)
    fields.uai =
      uaiProblem === "format"
        ? "Le code UAI compte 7 chiffres suivis d'une lettre (ex. 0750654D)."
        : "Ce code UAI n'est pas valide : la lettre de contrôle ne correspond pas.";
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", fields);
  return { siret, uai };
}

function mapUniqueError(error: unknown): never {
  const constraint = uniqueViolation(error);
  if (constraint === "organisations_siret_key") throw new AppError("SIRET_TAKEN", { siret: "" });
  if (constraint === "organisations_uai_key") throw new AppError("UAI_TAKEN", { uai: "" });
  throw error;
}

async function uniqueSlug(ctx: AppContext, name: string) {
  const base = slugify(name);
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await repo.slugTaken(ctx.db, slug))) return slug;
  }
}

async function checkParent(ctx: AppContext, kind: OrgKind, parentId: string | null | undefined) {
  if (kind !== "ufa") {
    if (parentId) throw new AppError("PARENT_INVALID", { parentId: "" });
    return null;
  }
  const parent = parentId ? await repo.findOrganisation(ctx.db, parentId) : undefined;
  if (parent?.kind !== "cfa") throw new AppError("PARENT_INVALID", { parentId: "" });
  return parent.id;
}

export async function createOrganisation(
  ctx: AppContext,
  user: UserRow,
  principal: Principal,
  input: OrganisationInput,
) {
  authorize(principal, "organisation.create");
  const ids = normaliseIdentifiers(input);
  const parentId = await checkParent(ctx, input.kind, input.parentId);
  const slug = await uniqueSlug(ctx, input.name);
  try {
    return await ctx.db.transaction(async (tx) => {
      const org = await repo.insertOrganisation(tx, {
        ...input,
        ...ids,
        parentId,
        slug,
        contactEmail: input.contactEmail.toLowerCase(),
      });
      await appendAudit(tx, {
        actor: actorOf(user),
        action: "organisation.created",
        targetType: "organisation",
        targetId: org.id,
        data: {
          name: org.name,
          kind: org.kind,
          siret: org.siret,
          uai: org.uai,
          parentId: org.parentId,
        },
      });
      return org;
    });
  } catch (error) {
    mapUniqueError(error);
  }
}

/** Loads an organisation the principal may read, or answers NOT_FOUND. */
/**
 * The organisation an action is about, for someone allowed to take it:
 * NOT_FOUND to those who may not even see it, FORBIDDEN to those who see it
 * but may not act, then `wrongKind` when the action is not for its kind.
 */
export async function loadOrganisationFor(
  ctx: AppContext,
  principal: Principal,
  id: string,
  action: Action,
  kind: OrgKind,
  wrongKind: ErrorCode,
) {
  const org = await repo.findOrganisation(ctx.db, id);
  if (!org) throw new AppError("NOT_FOUND");
  authorize(principal, action, { org }, "organisation.read");
  if (org.kind !== kind) throw new AppError(wrongKind);
  return org;
}

export async function loadReadableOrganisation(ctx: AppContext, principal: Principal, id: string) {
  const org = await repo.findOrganisation(ctx.db, id);
  if (!org) throw new AppError(principal ? "NOT_FOUND" : "UNAUTHENTICATED");
  authorize(principal, "organisation.read", { org }, "organisation.read");
  return org;
}

export async function describeOrganisation(
  ctx: AppContext,
  principal: NonNullable<Principal>,
  org: repo.OrganisationRow,
) {
  const [parent, children] = await Promise.all([
    org.parentId ? repo.findOrganisation(ctx.db, org.parentId) : undefined,
    repo.listChildren(ctx.db, org.id),
  ]);
  const myRole = principal.memberships.find((m) => m.organisationId === org.id)?.role ?? null;
  return {
    org,
    parent: parent ?? null,
    children,
    myRole,
    can: {
      manageMembers: can(principal, "organisation.members.manage", { org }),
      edit: can(principal, "organisation.update", { org }),
    },
  };
}

export async function updateOrganisation(
  ctx: AppContext,
  user: UserRow,
  principal: Principal,
  id: string,
  input: Partial<Omit<OrganisationInput, "kind" | "parentId">>,
) {
  const org = await loadReadableOrganisation(ctx, principal, id);
  authorize(principal, "organisation.update", { org }, "organisation.read");
  const ids = normaliseIdentifiers(input);
  const values = {
    ...input,
    ...(input.siret !== undefined ? { siret: ids.siret } : {}),
    ...(input.uai !== undefined ? { uai: ids.uai } : {}),
    ...(input.contactEmail ? { contactEmail: input.contactEmail.toLowerCase() } : {}),
  };
  try {
    return await ctx.db.transaction(async (tx) => {
      const updated = await repo.updateOrganisationRow(tx, org.id, values);
      await appendAudit(tx, {
        actor: actorOf(user),
        action: "organisation.updated",
        targetType: "organisation",
        targetId: org.id,
        data: values,
      });
      return updated!;
    });
  } catch (error) {
    mapUniqueError(error);
  }
}

export async function listOrganisationsFor(
  ctx: AppContext,
  principal: Principal,
  filter: { kind?: string | undefined; q?: string | undefined },
) {
  authorize(principal, "organisation.list");
  const staff = principal.platformRoles.some(
    (r) => r === "programme_manager" || r === "platform_admin" || r === "reviewer",
  );
  return repo.listOrganisations(ctx.db, {
    ...filter,
    visibleTo: staff ? undefined : principal.memberships.map((m) => m.organisationId),
  });
}

export async function listOrganisationMembers(ctx: AppContext, principal: Principal, id: string) {
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
  user: UserRow,
  principal: Principal,
  id: string,
  input: { email: string; role: MemberRole },
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
      actor: actorOf(user),
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
  user: UserRow,
  principal: Principal,
  id: string,
  invitationId: string,
) {
  const org = await loadReadableOrganisation(ctx, principal, id);
  authorize(principal, "organisation.members.manage", { org }, "organisation.read");
  await ctx.db.transaction(async (tx) => {
    const revoked = await repo.revokeInvitation(tx, org.id, invitationId);
    if (!revoked) throw new AppError("NOT_FOUND");
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "member.invitation_cancelled",
      targetType: "organisation",
      targetId: org.id,
      data: { email: revoked.email, invitationId },
    });
  });
}

export async function changeMemberRole(
  ctx: AppContext,
  user: UserRow,
  principal: Principal,
  id: string,
  memberId: string,
  role: MemberRole,
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
      actor: actorOf(user),
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
  user: UserRow,
  principal: Principal,
  id: string,
  memberId: string,
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
      actor: actorOf(user),
      action: "member.removed",
      targetType: "organisation",
      targetId: org.id,
      data: { userId: memberId, role: membership.role },
    });
  });
}

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
  },
): Promise<string> {
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
  return ctx.db.transaction(async (tx) => {
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
}
