import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { toCsv } from "../../lib/csv";
import { TtlCache } from "../../lib/ttl-cache";
import { labelProgress } from "../label/label.service";
import {
  findOrganisationBySlug,
  listCfasByName,
  listShownBadges,
  programmeFigures,
} from "./public.repo";
import { figureTexts } from "./public.texts";

/** An organisation's public passport: its valid badges and, for a CFA, where it stands on the label. */
export async function passport(ctx: AppContext, slug: string, now = new Date()) {
  const org = await findOrganisationBySlug(ctx.db, slug);
  if (!org || org.kind === "region") throw new AppError("NOT_FOUND");
  const badges = await listShownBadges(ctx.db, org.id, now);
  const label = org.kind === "cfa" ? await labelProgress(ctx, org.id, now) : null;
  const base = ctx.config.publicUrl;
  return {
    organisation: {
      slug: org.slug,
      name: org.name,
      kind: org.kind,
      city: org.city,
      website: org.website,
      url: `${base}/passports/${org.slug}`,
    },
    label: label
      ? {
          eligible: label.eligible,
          count: label.count,
          total: label.total,
          requiredHeld: label.requiredHeld,
          requiredTotal: label.requiredTotal,
          collection: label.collection,
          state: label.label.state,
          credentialUrl: label.label.credentialId
            ? `${base}/credentials/${label.label.credentialId}`
            : null,
          image: label.label.image,
        }
      : null,
    badges: badges.map(({ credential, badge }) => ({
      credentialId: credential.id,
      url: `${base}/credentials/${credential.id}`,
      name: badge.name,
      required: badge.required,
      validFrom: credential.validFrom.toISOString(),
      validUntil: credential.validUntil?.toISOString() ?? null,
      image: `${base}/api/public/badges/${badge.id}/image.svg`,
    })),
  };
}

/** Passports are read far more than they change: a 30-second cache for their pages. */
const passportCache = new TtlCache<Awaited<ReturnType<typeof passport>>>(30_000, 500);
export function publicPassport(ctx: AppContext, slug: string) {
  return passportCache.get(slug, () => passport(ctx, slug));
}

/** CFAs that hold the label now (confirmed, not suspended, not ended), with their collection. */
export async function laureates(ctx: AppContext, now = new Date()) {
  const cfas = await listCfasByName(ctx.db);
  const out = [];
  for (const cfa of cfas) {
    const progress = await labelProgress(ctx, cfa.id, now);
    if (progress.label.state === "active")
      out.push({
        slug: cfa.slug,
        name: cfa.name,
        city: cfa.city,
        url: `${ctx.config.publicUrl}/passports/${cfa.slug}`,
        count: progress.count,
        badges: progress.badges
          .filter((b) => b.state === "held" || b.state === "expiring")
          .map((b) => b.name),
      });
  }
  return out;
}

/**
 * Laureates cost a label check per CFA: public pages share one computation a
 * minute (the figures are not worth more freshness than that).
 */
const laureatesCache = new TtlCache<Awaited<ReturnType<typeof laureates>>>(60_000, 10);
export function publicLaureates(ctx: AppContext) {
  return laureatesCache.get(ctx.config.publicUrl, () => laureates(ctx));
}

/** The programme's figures: badges delivered per year and per badge, organisations engaged, laureates. */
export async function statistics(ctx: AppContext) {
  const { delivered, perBadge, engaged } = await programmeFigures(ctx.db);
  const labelled = await publicLaureates(ctx);
  return {
    badgesPerYear: delivered,
    badgesPerBadge: perBadge,
    organisationsEngaged: engaged,
    laureates: labelled.length,
  };
}

/** The same figures as CSV (semicolon-separated, as French spreadsheets expect). */
export function statisticsCsv(stats: Awaited<ReturnType<typeof statistics>>): string {
  const t = figureTexts;
  return toCsv([
    t.header,
    ...stats.badgesPerYear.map((r) => [t.perYear, r.year, r.count]),
    ...stats.badgesPerBadge.map((r) => [t.perBadge, r.badge, r.count]),
    [...t.engaged, stats.organisationsEngaged],
    [...t.laureates, stats.laureates],
  ]);
}
