import { createHash } from "node:crypto";
import type { AppContext } from "../../context";
import type { badgeClasses } from "../../db/schema";
import { AppError } from "../../errors";
import { TtlCache } from "../../lib/ttl-cache";
import { credentialUrl } from "../../lib/urls";
import type { Actor } from "../audit/audit.repo";
import { appendAudit } from "../audit/audit.repo";
import { queueEmail } from "../email/mailer";
import { enqueue } from "../jobs/queues";
import { findOrganisation } from "../organisations/organisations.repo";
import { actorOf, loadReadableOrganisation } from "../organisations/organisations.service";
import type { Caller } from "../policy/policy";
import { authorize, type Principal } from "../policy/policy";
import {
  answerPendingClaim,
  type CredentialRow,
  findCredentialWithHolder,
  listCredentialsHeldBy,
  revokeLiveCredential,
  revokePartnerBadgesOf,
  setShownPublicly,
} from "./credentials.repo";
import { achievementParts, enqueueEvaluation } from "./issuance.service";
import { findRegion, issuerUrl, type OrganisationRow } from "./issuer.service";
import { generatedReasons } from "./reasons";
import { forgetStatusLists } from "./status-lists.service";

export type CredentialStatus = "valid" | "expired" | "revoked" | "suspended" | "pending_start";

/** What a credential is now: revoked wins, then its dates, then a suspension. */
export function credentialStatus(row: CredentialRow, now = new Date()): CredentialStatus {
  if (row.revokedAt) return "revoked";
  if (row.validFrom > now) return "pending_start";
  if (row.validUntil && row.validUntil <= now) return "expired";
  if (row.suspendedAt) return "suspended";
  return "valid";
}

/**
 * Who holds a credential: an organisation (programme 1, a partner's
 * participation), or a person (programme 2). `parentId` lets the policy read
 * either as the subject of a rule; a person has none.
 */
export type CredentialSubject =
  | {
      kind: "organisation";
      id: string;
      name: string;
      contactEmail: string;
      parentId: string | null;
      organisation: OrganisationRow;
    }
  | { kind: "person"; id: string; name: string; contactEmail: string; parentId: null };

export const organisationSubject = (organisation: OrganisationRow): CredentialSubject => ({
  kind: "organisation",
  id: organisation.id,
  name: organisation.name,
  contactEmail: organisation.contactEmail,
  parentId: organisation.parentId,
  organisation,
});

export async function findCredential(ctx: AppContext, id: string) {
  const row = await findCredentialWithHolder(ctx.db, id);
  if (!row) return undefined;
  const { organisation, person, ...rest } = row;
  if (organisation)
    return { ...rest, subject: organisationSubject(organisation), holderHidden: false };
  if (!person) return undefined;
  // A person's name is shown only once they have accepted the badge: until
  // then the holder is hidden (no name at all, never a placeholder in a sentence).
  const holderHidden = rest.credential.claimState !== "accepted";
  const subject: CredentialSubject = {
    kind: "person",
    id: person.id,
    name: holderHidden ? "" : person.name,
    contactEmail: person.email,
    parentId: null,
  };
  return { ...rest, subject, holderHidden };
}

export type FoundCredential = NonNullable<Awaited<ReturnType<typeof findCredential>>>;

/**
 * Public reads (pages, documents) come from a short cache: a badge's page is
 * read far more often than it changes. Revocation and claims in this process
 * drop the entry at once; other instances see them within CREDENTIAL_CACHE_MS.
 */
export const CREDENTIAL_CACHE_MS = 30_000;
const publicCache = new TtlCache<FoundCredential | undefined>(CREDENTIAL_CACHE_MS, 5000);

export function publicCredential(ctx: AppContext, id: string) {
  return publicCache.get(id, () => findCredential(ctx, id));
}

export function forgetCredential(id: string) {
  publicCache.delete(id);
}

/** Every credential an organisation holds, newest first, for those who may read it. */
export async function listOrganisationCredentials(
  ctx: AppContext,
  options: { principal: Principal; organisationId: string },
): Promise<FoundCredential[]> {
  const org = await loadReadableOrganisation(ctx, options.principal, options.organisationId);
  const rows = await listCredentialsHeldBy(ctx.db, org.id);
  const region = await findRegion(ctx.db);
  return rows.map((row) => ({
    ...row,
    subject: organisationSubject(org),
    issuer: region,
    holderHidden: false,
  }));
}

/**
 * A credential the caller may act on: its holder's (claim, visibility), the
 * Region's managers' (revocation), or for a partner's own badge the partner's.
 * Those who may not see the holder get NOT_FOUND, as for an unknown id.
 */
async function loadCredentialFor(
  ctx: AppContext,
  principal: Principal,
  id: string,
  action: "credential.claim" | "credential.revoke",
): Promise<FoundCredential> {
  const found = await findCredential(ctx, id);
  if (!found) throw new AppError("NOT_FOUND");
  const person = found.subject.kind === "person";
  if (action === "credential.revoke" && found.issuer.kind === "partner")
    // A partner's own badge is the partner's to revoke, not the Region's.
    authorize(principal, "partner.ownBadges.manage", { org: found.issuer }, "organisation.read");
  else
    authorize(
      principal,
      action,
      { org: found.subject, ...(person ? { holder: found.subject.id } : {}) },
      person ? "credential.claim" : "organisation.read",
    );
  return found;
}

/** The credential as it is after a change, freshly read. */
async function reread(ctx: AppContext, id: string): Promise<FoundCredential> {
  const found = await findCredential(ctx, id);
  if (!found) throw new AppError("NOT_FOUND");
  return found;
}

/** The holder shows the badge on its public passport, or hides it there (it stays verifiable). */
export async function setVisibility(
  ctx: AppContext,
  { caller, id, shown }: { caller: Caller; id: string; shown: boolean },
): Promise<FoundCredential> {
  const found = await loadCredentialFor(ctx, caller.principal, id, "credential.claim");
  const user = caller.user;
  await ctx.db.transaction(async (tx) => {
    await setShownPublicly(tx, { id: found.credential.id, shown });
    await appendAudit(tx, {
      actor: { kind: "user", id: user.id, label: user.email },
      action: shown ? "credential.shown" : "credential.hidden",
      targetType: "credential",
      targetId: found.credential.id,
      data: { badge: found.badge.name },
    });
  });
  forgetCredential(found.credential.id);
  return reread(ctx, id);
}

/** The holder accepts or declines; declining revokes (nobody may show it any more). */
export async function answerClaim(
  ctx: AppContext,
  { caller, id, answer }: { caller: Caller; id: string; answer: "accepted" | "declined" },
): Promise<FoundCredential> {
  const found = await loadCredentialFor(ctx, caller.principal, id, "credential.claim");
  const user = caller.user;
  await ctx.db.transaction(async (tx) => {
    const updated = await answerPendingClaim(tx, {
      id: found.credential.id,
      answer,
      userId: user.id,
      ...(answer === "declined" ? { revocationReason: generatedReasons.declinedByHolder.fr } : {}),
    });
    if (!updated) throw new AppError("CLAIM_ALREADY_ANSWERED");
    if (answer === "declined" && found.badge.kind === "badge")
      await enqueue(tx, "label.reassess", { organisationId: found.subject.id });
    await appendAudit(tx, {
      actor: { kind: "user", id: user.id, label: user.email },
      action: answer === "accepted" ? "credential.accepted" : "credential.declined",
      targetType: "credential",
      targetId: found.credential.id,
      data: { badge: found.badge.name, organisation: found.subject.name },
    });
  });
  forgetCredential(found.credential.id);
  if (answer === "declined") forgetStatusLists();
  return reread(ctx, id);
}

/** A manager (or, for its own badge, the partner) revokes a credential, with a reason. */
export async function revokeCredentialAs(
  ctx: AppContext,
  { caller, id, reason }: { caller: Caller; id: string; reason: string },
): Promise<FoundCredential> {
  await loadCredentialFor(ctx, caller.principal, id, "credential.revoke");
  await revokeCredential(ctx, id, reason, actorOf(caller.user));
  return reread(ctx, id);
}

/** Revokes for good, with a reason the holder and the public page show. */
export async function revokeCredential(ctx: AppContext, id: string, reason: string, actor: Actor) {
  const found = await findCredential(ctx, id);
  if (!found) throw new AppError("NOT_FOUND");
  await ctx.db.transaction(async (tx) => {
    const updated = await revokeLiveCredential(tx, { id, reason });
    if (!updated) throw new AppError("CREDENTIAL_ALREADY_REVOKED");
    await appendAudit(tx, {
      actor,
      action: "credential.revoked",
      targetType: "credential",
      targetId: id,
      data: { reason, badge: found.badge.name, organisation: found.subject.name },
    });
    const person = found.subject.kind === "person";
    if (found.badge.kind === "badge" && !person)
      await enqueue(tx, "label.reassess", { organisationId: found.subject.id });
    if (person) {
      // A partner badge issued on Blason: the regional badges it supported follow.
      const touched = await revokePartnerBadgesOf(tx, credentialUrl(ctx.config, id));
      for (const { earnerId } of touched) await enqueueEvaluation(tx, earnerId);
    }
    await queueEmail(tx, {
      to: found.subject.contactEmail,
      template: {
        name: "badge_revoked",
        organisation: found.subject.name,
        badge: found.badge.name,
        reason,
        url: person
          ? `${ctx.config.publicUrl}/mes-badges`
          : `${ctx.config.publicUrl}/organisations/${found.subject.id}/badges`,
      },
    });
  });
  forgetCredential(id);
  forgetStatusLists();
}

/**
 * Who issues a badge class: a partner's own programme names the partner,
 * the regional programmes the Region.
 */
export async function badgeClassIssuer(
  ctx: AppContext,
  programme: { ownerOrgId: string | null },
): Promise<OrganisationRow> {
  if (!programme.ownerOrgId) return findRegion(ctx.db);
  const owner = await findOrganisation(ctx.db, programme.ownerOrgId);
  if (!owner) throw new AppError("NOT_FOUND");
  return owner;
}

/** OB 2.0 hosted documents: the same award, for backpacks that speak 2.0. */
export const ob2 = {
  assertionUrl: (ctx: AppContext, id: string) => `${ctx.config.publicUrl}/ob2/assertions/${id}`,
  issuerUrl: (ctx: AppContext, issuer: OrganisationRow) =>
    `${ctx.config.publicUrl}/ob2/issuers/${issuer.slug}`,
  issuer(ctx: AppContext, issuer: OrganisationRow) {
    return {
      "@context": "https://w3id.org/openbadges/v2",
      type: "Issuer",
      id: ob2.issuerUrl(ctx, issuer),
      name: issuer.name,
      url: issuer.website ?? issuerUrl(ctx.config, issuer.slug),
      email: issuer.contactEmail,
    };
  },
  badge(ctx: AppContext, badge: typeof badgeClasses.$inferSelect, issuer: OrganisationRow) {
    const base = ctx.config.publicUrl;
    return {
      "@context": "https://w3id.org/openbadges/v2",
      type: "BadgeClass",
      id: `${base}/ob2/badges/${badge.id}`,
      name: badge.name,
      description: badge.recognises,
      image: `${base}/api/public/badges/${badge.id}/image.png`,
      ...achievementParts(ctx.config, badge),
      issuer: ob2.issuerUrl(ctx, issuer),
    };
  },
  /** Its image is the badge baked with this very assertion (OB 2.0 baking). */
  assertion(ctx: AppContext, row: CredentialRow) {
    const base = ctx.config.publicUrl;
    const id = ob2.assertionUrl(ctx, row.id);
    return {
      "@context": "https://w3id.org/openbadges/v2",
      type: "Assertion",
      id,
      recipient: {
        type: "email",
        hashed: true,
        salt: row.ob2Salt,
        identity: `sha256$${createHash("sha256")
          .update(row.recipientEmail + row.ob2Salt)
          .digest("hex")}`,
      },
      badge: `${base}/ob2/badges/${row.badgeClassId}`,
      verification: { type: "hosted" },
      issuedOn: row.validFrom.toISOString(),
      ...(row.validUntil ? { expires: row.validUntil.toISOString() } : {}),
      image: `${id}.png`,
      evidence: credentialUrl(ctx.config, row.id),
    };
  },
};
