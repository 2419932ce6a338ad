import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { hashToken, newToken } from "../../lib/tokens";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { findBadgeClassRow } from "../credentials/credentials.repo";
import { findRegion } from "../credentials/issuer.service";
import { queueEmail } from "../email/mailer";
import { findOrganisation } from "../organisations/organisations.repo";
import { authorize, type Caller, can } from "../policy/policy";
import {
  findEndorsement,
  findEndorsementByTokenHash,
  insertEndorsement,
  listEndorsementsWithParts,
} from "./endorsements.repo";
import type { InviteBody } from "./endorsements.schema";

export const invitationUrl = (ctx: AppContext, token: string) =>
  `${ctx.config.publicUrl}/approbations/invitation/${token}`;

/**
 * A manager invites an endorser for a badge class (regional or of the label)
 * or for the Region as issuer. An organisation on Blason finds it among its
 * endorsements; an external issuer gets a personal link by email.
 */
export async function inviteEndorser(
  ctx: AppContext,
  { caller, input }: { caller: Caller; input: InviteBody },
) {
  authorize(caller.principal, "endorsement.invite");
  const badge =
    input.target === "badge_class" && input.badgeClassId
      ? await findBadgeClassRow(ctx.db, input.badgeClassId)
      : undefined;
  if (input.target === "badge_class" && (!badge || badge.kind === "participation"))
    throw new AppError("ENDORSEMENT_TARGET_INVALID");
  if (input.target === "issuer" && input.badgeClassId)
    throw new AppError("ENDORSEMENT_TARGET_INVALID");
  const region = input.target === "issuer" ? await findRegion(ctx.db) : undefined;
  const endorsed = badge?.name ?? region!.name;
  const org =
    "organisationId" in input.endorser
      ? await findOrganisation(ctx.db, input.endorser.organisationId)
      : undefined;
  if ("organisationId" in input.endorser && (!org || org.kind === "region"))
    throw new AppError("ENDORSEMENT_ENDORSER_INVALID");
  const token = org ? null : newToken();
  const external = "issuerId" in input.endorser ? input.endorser : undefined;
  return ctx.db.transaction(async (tx) => {
    const row = await insertEndorsement(tx, {
      target: input.target,
      badgeClassId: badge?.id ?? null,
      subjectOrgId: region?.id ?? null,
      endorserOrgId: org?.id ?? null,
      externalIssuerId: external?.issuerId ?? null,
      endorserName: org?.name ?? external!.name,
      contactEmail: org?.contactEmail ?? external!.email,
      tokenHash: token ? hashToken(token) : null,
      invitedBy: caller.user.id,
    });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "endorsement.invited",
      targetType: "endorsement",
      targetId: row.id,
      data: { endorser: row.endorserName, endorsed },
    });
    await queueEmail(tx, {
      to: row.contactEmail,
      template: {
        name: "endorsement_invited",
        endorser: row.endorserName,
        endorsed,
        url: token ? invitationUrl(ctx, token) : `${ctx.config.publicUrl}/approbations`,
      },
    });
    return { id: row.id, ...(token ? { token } : {}) };
  });
}

/** Managers see every endorsement; an organisation's staff the ones it is asked for. */
export async function listEndorsements(ctx: AppContext, { caller }: { caller: Caller }) {
  if (can(caller.principal, "endorsement.invite")) return listEndorsementsWithParts(ctx.db);
  const mine = caller.principal.memberships.map((m) => m.organisationId);
  if (mine.length === 0) return [];
  return listEndorsementsWithParts(ctx.db, { endorserOrgIds: mine });
}

/** One endorsement, for a manager or its endorser's staff; NOT_FOUND for anyone else. */
export async function loadEndorsementFor(
  ctx: AppContext,
  {
    caller,
    id,
    action,
  }: {
    caller: Caller;
    id: string;
    action: "endorsement.read" | "endorsement.sign" | "endorsement.withdraw";
  },
) {
  const found = await findEndorsement(ctx.db, id);
  if (!found) throw new AppError("NOT_FOUND");
  const org = found.endorser
    ? { id: found.endorser.id, parentId: found.endorser.parentId }
    : undefined;
  const manager = can(caller.principal, "endorsement.invite");
  if (!manager && !org) throw new AppError("NOT_FOUND");
  authorize(caller.principal, action, org ? { org } : {}, "endorsement.read");
  return found;
}

/** An external endorser's invitation, by the secret of its link. */
export async function loadInvitation(ctx: AppContext, token: string) {
  const found = await findEndorsementByTokenHash(ctx.db, hashToken(token));
  if (!found) throw new AppError("NOT_FOUND");
  return found;
}

/** The signed EndorsementCredential, public once published (withdrawn ones too: their status says so). */
export async function publicEndorsementDocument(ctx: AppContext, id: string) {
  const found = await findEndorsement(ctx.db, id);
  if (!found?.endorsement.document) throw new AppError("NOT_FOUND");
  return found.endorsement.document;
}
