import { createHash } from "node:crypto";
import { bakePng, renderSvgToPng } from "@blason/openbadges";
import { strToU8, zipSync } from "fflate";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { credentialUrl } from "../../lib/urls";
import { appendAudit } from "../audit/audit.repo";
import type { UserRow } from "../auth/auth.repo";
import { badgeSvgFor } from "../catalogue/badge-image";
import { credentialStatus, forgetCredential } from "../credentials/credentials.service";
import { issuerUrl } from "../credentials/issuer.service";
import { partnerBadgesOf } from "./competences.repo";
import {
  credentialsHeldBy,
  deletePerson,
  findEarner,
  findOpenPassport,
  isMemberOfAnyOrganisation,
  setPassportVisibility,
} from "./passport.repo";
import { deletedAccountLabel, exportReadme } from "./passport.texts";

/** Every badge a person holds on Blason (the Region's and partners' own), with its state. */
export async function heldCredentials(ctx: AppContext, userId: string) {
  return credentialsHeldBy(ctx.db, userId);
}

export async function passportOf(ctx: AppContext, userId: string) {
  const earner = await findEarner(ctx.db, userId);
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
    await setPassportVisibility(tx, user.id, open);
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
  const row = await findOpenPassport(ctx.db, slug);
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
  const partner = await partnerBadgesOf(ctx.db, user.id, "oldest");
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
    partnerBadges: partner.map((b, n) => ({
      name: b.name,
      channel: b.channel,
      issuer: b.issuerIri,
      issuedOn: b.issuedOn?.toISOString() ?? null,
      counts: b.counts,
      refusal: b.refusalReason,
      receivedAt: b.receivedAt.toISOString(),
      document: b.document,
      file: keepAsReceived(files, n + 1, b.source),
    })),
  };
  files["donnees.json"] = strToU8(JSON.stringify(data, null, 2));
  files["LISEZMOI.txt"] = strToU8(exportReadme(user.name, data.exportedAt));
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
 * A badge handed in from elsewhere, as it came: a VC-JWT keeps its signature as a
 * compact JWS (`.jwt`), a JSON credential its very bytes (`.json`).
 */
function keepAsReceived(files: Record<string, Uint8Array>, n: number, source: string | null) {
  if (!source) return null;
  const file = `recus/badge-${n}.${source.startsWith("{") ? "json" : "jwt"}`;
  files[file] = strToU8(source);
  return file;
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
  const member = await isMemberOfAnyOrganisation(ctx.db, user.id);
  if (member || user.platformRoles.length) throw new AppError("ACCOUNT_IS_STAFF");
  const held = await heldCredentials(ctx, user.id);
  const scrubbed = `supprime:${createHash("sha256").update(user.email).digest("hex").slice(0, 16)}`;
  await ctx.db.transaction(async (tx) => {
    await deletePerson(tx, user.id, scrubbed);
    await appendAudit(tx, {
      actor: { kind: "user", id: user.id, label: deletedAccountLabel },
      action: "account.deleted",
      targetType: "user",
      targetId: user.id,
      data: { badgesKept: held.length },
    });
  });
  for (const { credential } of held) forgetCredential(credential.id);
}
