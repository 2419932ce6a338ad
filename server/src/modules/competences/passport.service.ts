import { createHash, randomBytes } from "node:crypto";
import { bakePng, renderSvgToPng } from "@blason/openbadges";
import { and, asc, eq, isNull } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import type { AppContext } from "../../context";
import {
  badgeClasses,
  collections,
  credentials,
  earners,
  memberships,
  organisations,
  partnerBadges,
  sessions,
  users,
} from "../../db/schema";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import type { UserRow } from "../auth/auth.repo";
import { badgeSvgFor } from "../catalogue/badge-image";
import { credentialStatus, forgetCredential } from "../credentials/credentials.service";
import { credentialUrl } from "../credentials/issuance.service";
import { issuerUrl } from "../credentials/issuer.service";

const issuers = organisations;

/** Every badge a person holds on Blason (the Region's and partners' own), with its state. */
export async function heldCredentials(ctx: AppContext, userId: string) {
  return ctx.db
    .select({
      credential: credentials,
      badge: badgeClasses,
      collection: collections,
      issuer: issuers,
    })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(issuers, eq(issuers.id, credentials.issuerId))
    .where(eq(credentials.subjectUserId, userId))
    .orderBy(asc(credentials.validFrom));
}

export async function passportOf(ctx: AppContext, userId: string) {
  const [earner] = await ctx.db.select().from(earners).where(eq(earners.userId, userId));
  return earner
    ? {
        public: earner.passportPublic,
        url: `${ctx.config.publicUrl}/personnes/${earner.passportSlug}`,
      }
    : null;
}

/** The person opens or closes their public passport (the page listing the badges they show). */
export async function setPassportPublic(ctx: AppContext, user: UserRow, open: boolean) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(earners)
      .values({
        userId: user.id,
        passportSlug: randomBytes(9).toString("base64url"),
        passportPublic: open,
      })
      .onConflictDoUpdate({ target: earners.userId, set: { passportPublic: open } });
    await appendAudit(tx, {
      actor: { kind: "user", id: user.id, label: user.email },
      action: open ? "passport.opened" : "passport.closed",
      targetType: "user",
      targetId: user.id,
      data: {},
    });
  });
}

/**
 * A person's public passport: only when they opened it, and only the badges
 * they accepted, show, and still hold. Anything else answers "not found".
 */
export async function publicPassport(ctx: AppContext, slug: string) {
  const [row] = await ctx.db
    .select({ earner: earners, user: users })
    .from(earners)
    .innerJoin(users, eq(users.id, earners.userId))
    .where(and(eq(earners.passportSlug, slug), eq(earners.passportPublic, true)));
  if (!row) throw new AppError("NOT_FOUND");
  const held = await heldCredentials(ctx, row.user.id);
  return {
    name: row.user.name,
    badges: held
      .filter(
        ({ credential }) =>
          credential.claimState === "accepted" &&
          credential.shownPublicly &&
          credentialStatus(credential) === "valid",
      )
      .map(({ credential, badge, issuer }) => ({
        name: badge.name,
        issuer: issuer.name,
        issuerUrl: issuerUrl(ctx.config, issuer.slug),
        validFrom: credential.validFrom.toISOString(),
        validUntil: credential.validUntil?.toISOString() ?? null,
        url: credentialUrl(ctx.config, credential.id),
        image: `${ctx.config.publicUrl}/api/public/badges/${badge.id}/image.svg`,
      })),
  };
}

/**
 * Everything Blason keeps about the person, as a ZIP: their data as JSON, and
 * each badge they hold as a baked PNG that verifies anywhere.
 */
export async function exportArchive(ctx: AppContext, user: UserRow): Promise<Uint8Array> {
  const held = await heldCredentials(ctx, user.id);
  const partner = await ctx.db
    .select()
    .from(partnerBadges)
    .where(eq(partnerBadges.earnerId, user.id))
    .orderBy(asc(partnerBadges.receivedAt));
  const files: Record<string, Uint8Array> = {};
  const used = new Set<string>();
  const badgesOut = held.map(({ credential, badge, collection, issuer }) => {
    let file = `badges/${badge.slug}.png`;
    for (let n = 2; used.has(file); n++) file = `badges/${badge.slug}-${n}.png`;
    used.add(file);
    const json = JSON.stringify(credential.document);
    files[file] = bakePng(
      renderSvgToPng(badgeSvgFor({ badge, collection }), { width: 400 }),
      json,
      {
        version: "3.0",
      },
    );
    return {
      name: badge.name,
      issuer: issuer.name,
      status: credentialStatus(credential),
      accepted: credential.claimState,
      shownPublicly: credential.shownPublicly,
      url: credentialUrl(ctx.config, credential.id),
      image: file,
      credential: credential.document,
    };
  });
  const data = {
    exportedAt: new Date().toISOString(),
    person: { name: user.name, email: user.email, createdAt: user.createdAt.toISOString() },
    passport: await passportOf(ctx, user.id),
    badges: badgesOut,
    partnerBadges: partner.map((b) => ({
      name: b.name,
      channel: b.channel,
      issuer: b.issuerIri,
      issuedOn: b.issuedOn?.toISOString() ?? null,
      counts: b.counts,
      refusal: b.refusalReason,
      receivedAt: b.receivedAt.toISOString(),
      document: b.document,
    })),
  };
  files["donnees.json"] = strToU8(JSON.stringify(data, null, 2));
  files["LISEZMOI.txt"] = strToU8(
    [
      `Export Blason de ${user.name}, le ${data.exportedAt}.`,
      "",
      "donnees.json : vos informations, vos badges et les badges de structures partenaires que Blason a reçus pour vous.",
      "badges/ : chacun de vos badges, en image PNG qui contient le badge signé (Open Badges 3.0).",
      "Ces images se vérifient sur n'importe quel vérificateur Open Badges.",
    ].join("\n"),
  );
  await appendAudit(ctx.db, {
    actor: { kind: "user", id: user.id, label: user.email },
    action: "account.exported",
    targetType: "user",
    targetId: user.id,
    data: { badges: held.length, partnerBadges: partner.length },
  });
  return zipSync(files, { level: 6 });
}

/**
 * The person leaves. Their account, passport, partner badges and sessions go;
 * the badges already issued to them stay signed and verifiable (they may have
 * kept them) but are no longer linked to anyone, and their address is removed
 * from them. Staff accounts (members of an organisation, platform roles) are
 * refused: an organisation must keep its people.
 */
export async function deleteAccount(ctx: AppContext, user: UserRow, confirmation: string) {
  if (confirmation.trim().toLowerCase() !== user.email)
    throw new AppError("VALIDATION_FAILED", { confirm: "" });
  const [member] = await ctx.db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .limit(1);
  if (member || user.platformRoles.length) throw new AppError("ACCOUNT_IS_STAFF");
  const held = await heldCredentials(ctx, user.id);
  const scrubbed = `supprime:${createHash("sha256").update(user.email).digest("hex").slice(0, 16)}`;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(credentials)
      .set({ recipientEmail: scrubbed, shownPublicly: false })
      .where(and(eq(credentials.subjectUserId, user.id), isNull(credentials.subjectOrgId)));
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await tx.delete(users).where(eq(users.id, user.id));
    await appendAudit(tx, {
      actor: { kind: "user", id: user.id, label: "compte supprimé" },
      action: "account.deleted",
      targetType: "user",
      targetId: user.id,
      data: { badgesKept: held.length },
    });
  });
  for (const { credential } of held) forgetCredential(credential.id);
}
