import type { AppContext } from "../../src/context";
import { partnerParticipations, partnerRegistrations } from "../../src/db/schema";
import { createApiClient } from "../../src/modules/partners/api-clients.service";
import { issuerProofAddress, proveIssuer } from "../../src/modules/partners/issuer-proof.service";
import { addMember, buildOrganisation, buildUser } from "./factories";
import { type DidKeyIssuer, didKeyIssuer, signedPartnerBadge } from "./partner-issuer";

/** Badge classes a pushing partner has mapped, "1 pour 1" at level I, one per competence. */
export const pushedClasses = ["organiser", "s-adapter", "communiquer", "s-integrer"].map(
  (family) => ({ iri: `urn:push:${family}-1`, family }),
);

/**
 * A participant partner with its own did:key platform, an approved and
 * proven registration for each of `pushedClasses`, and an API key: what a
 * partner's system needs to push badges that count.
 */
export async function buildPushingPartner(ctx: AppContext) {
  const issuer: DidKeyIssuer = await didKeyIssuer();
  const partner = await buildOrganisation(ctx, { name: "Atelier qui pousse", kind: "partner" });
  const admin = await buildUser(ctx);
  await addMember(ctx, partner.id, admin.id, "admin");
  await ctx.db.insert(partnerParticipations).values({
    organisationId: partner.id,
    kind: "participant",
    validFrom: new Date(Date.now() - 365 * 86_400_000),
  });
  const proofAddress = issuerProofAddress(ctx.config, partner.id);
  const rows = [];
  for (const c of pushedClasses)
    rows.push({
      organisationId: partner.id,
      source: "json",
      badgeClassIri: c.iri,
      issuerIri: issuer.did,
      issuerProof: await proveIssuer(
        ctx,
        partner.id,
        { issuerIri: issuer.did, badgeClassIri: c.iri },
        JSON.stringify(
          await signedPartnerBadge({ signer: issuer, achievement: c.iri, email: proofAddress }),
        ),
      ),
      name: c.iri,
      target: { family: c.family, level: 1, equivalence: "one_for_one" as const },
      justification: "Correspondance validée.",
      state: "approved" as const,
      approvedAt: new Date(Date.now() - 30 * 86_400_000),
    });
  await ctx.db.insert(partnerRegistrations).values(rows);
  const { secret } = await createApiClient(ctx, {
    caller: {
      principal: {
        userId: admin.id,
        platformRoles: [],
        memberships: [{ organisationId: partner.id, role: "admin" }],
      },
      user: admin,
    },
    organisationId: partner.id,
    name: "Plateforme de l'atelier",
  });
  /** A badge of class `c` (an index in pushedClasses) for `email`, issued yesterday. */
  const badge = (c: number, email: string) =>
    signedPartnerBadge({
      signer: issuer,
      achievement: pushedClasses[c % pushedClasses.length]!.iri,
      email,
      issuedOn: new Date(Date.now() - 86_400_000),
    });
  return { partner, issuer, secret, badge };
}
