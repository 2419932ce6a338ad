import type { AppContext } from "../../src/context";
import type { EndorsementState } from "../../src/db/schema";
import { hashToken, newToken } from "../../src/lib/tokens";
import { insertEndorsement } from "../../src/modules/endorsements/endorsements.repo";
import { catalogueBadges } from "./factories";

/**
 * An endorsement of the catalogue's first badge, in the given state: by an
 * organisation on Blason, or (without one) by an external issuer reached
 * through the returned invitation token.
 */
export async function buildEndorsement(
  ctx: AppContext,
  options: { endorserOrgId?: string; state?: EndorsementState } = {},
) {
  const [badge] = await catalogueBadges(ctx);
  const token = options.endorserOrgId ? undefined : newToken();
  const row = await insertEndorsement(ctx.db, {
    target: "badge_class",
    badgeClassId: badge!.id,
    endorserOrgId: options.endorserOrgId ?? null,
    externalIssuerId: options.endorserOrgId ? null : "did:web:institution.example",
    endorserName: options.endorserOrgId ? "Structure approbatrice" : "Institution externe",
    contactEmail: "approbation@institution.example",
    tokenHash: token ? hashToken(token) : null,
    state: options.state ?? "invited",
    ...(options.state === "published" ? { statement: "Reconnu.", publishedAt: new Date() } : {}),
  });
  return { id: row.id, token: token ?? "" };
}
