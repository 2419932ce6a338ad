import type { Config } from "../../config";
import { issuerDid } from "../credentials/issuer.service";
import type { EndorsementWithParts } from "./endorsements.repo";
import type { EndorsementView } from "./endorsements.schema";

export const endorsementUrl = (config: Config, id: string) =>
  `${config.publicUrl}/endorsements/${id}`;

/** What an endorsement is about, as its credential names it (credentialSubject.id). */
export function endorsedOf(config: Config, row: EndorsementWithParts) {
  if (row.badge)
    return {
      id: `${config.publicUrl}/badges/${row.badge.id}`,
      name: row.badge.name,
      description: row.badge.recognises,
      badgeClassId: row.badge.id,
    };
  const org = row.subjectOrg!;
  return {
    id: issuerDid(config, org.slug),
    name: org.name,
    description: org.name,
    badgeClassId: null,
  };
}

export function presentEndorsement(config: Config, row: EndorsementWithParts): EndorsementView {
  const e = row.endorsement;
  return {
    id: e.id,
    state: e.state,
    target: e.target,
    endorsed: endorsedOf(config, row),
    endorser: {
      name: e.endorserName,
      organisationId: e.endorserOrgId,
      issuerId: e.externalIssuerId,
    },
    statement: e.statement,
    url: endorsementUrl(config, e.id),
    publishedAt: e.publishedAt?.toISOString() ?? null,
    withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}
