import type { AppContext } from "../../context";
import { findUserByEmail, insertUser } from "../auth/auth.repo";
import { inviteEndorser } from "../endorsements/endorsements.service";
import { signEndorsement } from "../endorsements/signing.service";
import { insertOrganisation, upsertMembership } from "../organisations/organisations.repo";
import { slugify } from "../organisations/organisations.service";
import { findBadgeBySlug } from "./demo.repo";

export const DEMO_ENDORSER = {
  name: "OPCO Mobilités Normandie",
  email: "approbation@opco-mobilites.example",
  statement:
    "L'OPCO Mobilités reconnaît ce badge régional dans les parcours d'alternance de ses branches : il atteste une organisation du travail attendue en entreprise.",
};

/**
 * An institution on Blason endorses a regional badge: the Region's manager
 * invites it, its administrator signs with the institution's own key.
 */
export async function seedDemoEndorsements(ctx: AppContext, passwordHash: string) {
  const manager = await findUserByEmail(ctx.db, "gestion@region-normandie.example");
  const badge = await findBadgeBySlug(ctx.db, "organiser-1");
  if (!manager || !badge) return;
  const institution = await insertOrganisation(ctx.db, {
    slug: slugify(DEMO_ENDORSER.name),
    name: DEMO_ENDORSER.name,
    kind: "partner",
    contactEmail: DEMO_ENDORSER.email,
    city: "Rouen",
    website: "https://opco-mobilites.example",
  });
  const admin = await insertUser(ctx.db, {
    email: DEMO_ENDORSER.email,
    name: "Sophie Aubry",
    passwordHash,
    platformRoles: [],
    emailVerifiedAt: new Date(),
  });
  await upsertMembership(ctx.db, institution.id, admin.id, "admin");
  const { id } = await inviteEndorser(ctx, {
    caller: {
      principal: {
        userId: manager.id,
        platformRoles: ["programme_manager"],
        memberships: [],
      },
      user: manager,
    },
    input: {
      target: "badge_class",
      badgeClassId: badge.id,
      endorser: { organisationId: institution.id },
    },
  });
  await signEndorsement(ctx, {
    caller: {
      principal: {
        userId: admin.id,
        platformRoles: [],
        memberships: [{ organisationId: institution.id, role: "admin" }],
      },
      user: admin,
    },
    id,
    statement: DEMO_ENDORSER.statement,
  });
}
