import {
  buildDidDocument,
  decryptSecretKey,
  didWebFromUrl,
  encryptSecretKey,
  generateIssuerKey,
  type IssuerKey,
} from "@blason/openbadges";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Config } from "../../config";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { issuerKeys, organisations, programmes } from "../../db/schema";
import { AppError } from "../../errors";

export type OrganisationRow = typeof organisations.$inferSelect;

export const OB3_CONTEXT = [
  "https://www.w3.org/ns/credentials/v2",
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];

export const issuerUrl = (config: Config, slug: string) => `${config.publicUrl}/issuers/${slug}`;
/** The issuer's DID: did:web at its public page, so its did.json sits under it. */
export const issuerDid = (config: Config, slug: string) => didWebFromUrl(issuerUrl(config, slug));

/** The organisation that signs the regional programmes' badges. */
export async function findRegion(q: Queryable): Promise<OrganisationRow> {
  const [region] = await q
    .select()
    .from(organisations)
    .where(eq(organisations.kind, "region"))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  if (!region) throw new AppError("ISSUER_MISSING");
  return region;
}

export async function findIssuerBySlug(q: Queryable, slug: string) {
  const [org] = await q.select().from(organisations).where(eq(organisations.slug, slug));
  return org;
}

/**
 * Whether an organisation's issuer documents are public: the Region's always;
 * a partner's once it signs badges on Blason or defines badges of its own
 * (their hosted BadgeClass names it as issuer before the first award).
 */
export async function issuesOnBlason(q: Queryable, org: OrganisationRow): Promise<boolean> {
  if (org.kind === "region") return true;
  if (org.kind !== "partner") return false;
  if (await hasIssuerKey(q, org.id)) return true;
  const [owned] = await q
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.ownerOrgId, org.id))
    .limit(1);
  return !!owned;
}

export async function hasIssuerKey(q: Queryable, organisationId: string) {
  const [row] = await q
    .select({ id: issuerKeys.id })
    .from(issuerKeys)
    .where(eq(issuerKeys.organisationId, organisationId))
    .limit(1);
  return !!row;
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
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`issuer-key:${issuer.id}`}))`);
    const [existing] = await tx
      .select()
      .from(issuerKeys)
      .where(and(eq(issuerKeys.organisationId, issuer.id), isNull(issuerKeys.retiredAt)))
      .orderBy(asc(issuerKeys.createdAt))
      .limit(1);
    if (existing) return existing;
    const key = await generateIssuerKey({ controller: did });
    const [created] = await tx
      .insert(issuerKeys)
      .values({
        id: key.id,
        organisationId: issuer.id,
        publicKeyMultibase: key.publicKeyMultibase,
        sealedSecret: encryptSecretKey(key.secretKeyMultibase, ctx.config.masterKey, key.id),
      })
      .returning();
    return created!;
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
  const keys = await q
    .select({ id: issuerKeys.id, publicKeyMultibase: issuerKeys.publicKeyMultibase })
    .from(issuerKeys)
    .where(eq(issuerKeys.organisationId, issuer.id))
    .orderBy(asc(issuerKeys.createdAt));
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
