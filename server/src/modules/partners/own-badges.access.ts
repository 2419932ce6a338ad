import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { AppError } from "../../errors";
import { loadOrganisationFor } from "../organisations/organisations.service";
import type { Principal } from "../policy/policy";
import { findOwnBadge } from "./own-badges.repo";
import { isParticipant } from "./participation.repo";

/** Who acts on a partner's own badges: the person signed in, and what they may do. */

/** The partner, once the principal may manage its own badges. */
export const loadPartner = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(ctx, {
    principal,
    id: organisationId,
    action: "partner.ownBadges.manage",
    kind: "partner",
    wrongKind: "REGISTRATION_NOT_PARTNER",
  });

export async function requireParticipant(q: Queryable, organisationId: string) {
  if (!(await isParticipant(q, organisationId))) throw new AppError("PARTNER_NOT_PARTICIPANT");
}

/** One of the partner's own badges, once the principal may manage them. */
export async function loadOwnBadge(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
  badgeId: string,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  const badge = await findOwnBadge(ctx.db, org.id, badgeId);
  if (!badge) throw new AppError("NOT_FOUND");
  return { org, badge };
}
