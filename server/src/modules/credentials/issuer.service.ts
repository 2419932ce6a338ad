import {
  buildDidDocument,
  decryptSecretKey,
  didWebFromUrl,
  encryptSecretKey,
  generateIssuerKey,
  type IssuerKey,
} from "@blason/openbadges";
import type { Config } from "../../config";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { AppError } from "../../errors";
import { findOrganisationBySlug } from "../organisations/organisations.repo";
import {
  findActiveIssuerKey,
  findRegionRow,
  hasIssuerKey,
  insertIssuerKey,
  listIssuerKeys,
  lockIssuerKeys,
  type OrganisationRow,
  ownsAProgramme,
} from "./credentials.repo";

export type { OrganisationRow };

export const OB3_CONTEXT = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];

export const issuerUrl = (config: Config, slug: string) => `${config.publicUrl}/issuers/${slug}`;
/** The issuer's DID: did:web at its public page, so its did.json sits under it. */
export const issuerDid = (config: Config, slug: string) => didWebFromUrl(issuerUrl(config, slug));

/** The organisation that signs the regional programmes' badges. */
export async function findRegion(q: Queryable): Promise<OrganisationRow> {
  const region = await findRegionRow(q);
  if (!region) throw new AppError("ISSUER_MISSING");
  return region;
}

export const findIssuerBySlug = findOrganisationBySlug;

/**
 * Whether an organisation's issuer documents are public: the Region's always;
 * anyone's once it signs on Blason (badges, endorsements); a partner's once it defines badges of its own
 * (their hosted BadgeClass names it as issuer before the first award).
 */
export async function issuesOnBlason(q: Queryable, org: OrganisationRow): Promise<boolean> {
  if (org.kind === "region") return true;
  // Any organisation that signed on Blason (a partner's badges, an endorsement) publishes its keys.
  if (await hasIssuerKey(q, org.id)) return true;
  return org.kind === "partner" && (await ownsAProgramme(q, org.id));
}

/**
 * The issuer's signing key, created on first use. Two instances asking at
 * once get the same key: creation is serialised per issuer.
 */
export async function activeIssuerKey(
  ctx: AppContext,
  issuer: OrganisationRow,
): Promise<IssuerKey> {
  const did = issuerDid(ctx.config, issuer.slug);
  const row = await ctx.db.transaction(async (tx) => {
    await lockIssuerKeys(tx, issuer.id);
    const existing = await findActiveIssuerKey(tx, issuer.id);
    if (existing) return existing;
    const key = await generateIssuerKey({ controller: did });
    return insertIssuerKey(tx, {
      id: key.id,
      organisationId: issuer.id,
      publicKeyMultibase: key.publicKeyMultibase,
      sealedSecret: encryptSecretKey(key.secretKeyMultibase, ctx.config.masterKey, key.id),
    });
  });
  return {
    id: row.id,
    controller: did,
    publicKeyMultibase: row.publicKeyMultibase,
    secretKeyMultibase: decryptSecretKey(row.sealedSecret, ctx.config.masterKey, row.id),
  };
}

/** Every key the issuer ever used, oldest first: old signatures keep verifying. */
export async function didDocumentFor(q: Queryable, config: Config, issuer: OrganisationRow) {
  const keys = await listIssuerKeys(q, issuer.id);
  return buildDidDocument({
    did: issuerDid(config, issuer.slug),
    keys,
    alsoKnownAs: [issuerUrl(config, issuer.slug)],
  });
}

/** The issuer as OB 3.0 describes it (a Profile), for credentials and its public URL. */
export function issuerProfile(config: Config, issuer: OrganisationRow) {
  return {
    id: issuerDid(config, issuer.slug),
    type: ["Profile"],
    name: issuer.name,
    url: issuer.website ?? issuerUrl(config, issuer.slug),
    email: issuer.contactEmail,
  };
}
