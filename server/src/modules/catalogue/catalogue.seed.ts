import type { AppContext } from "../../context";
import { appendAudit } from "../audit/audit.repo";
import {
  insertBadges,
  insertCollection,
  insertProgramme,
  linkEquivalences,
  listProgrammeBadgeSlugs,
} from "./catalogue.admin.repo";
import { findCollection, findProgrammeBySlug } from "./catalogue.repo";
import type { Collection } from "./catalogue.types";
import { collection2026 } from "./collection-2026";
import {
  collection2018,
  collection2022,
  equivalences2026,
  historyPublishedAt,
} from "./collection-history";

const labelProgramme = {
  slug: "label-cfa",
  name: "Label CFA Innovant et Durable",
  description:
    "Une collection de badges qui reconnaît les CFA normands engagés dans l'innovation pédagogique, le numérique et le développement durable. Dix badges, dont les cinq obligatoires, donnent droit au label.",
};

/**
 * Makes sure the programme's collection in force exists. Idempotent: an
 * existing collection is never rewritten (managers edit it from then on).
 */
export async function ensureCatalogue(
  ctx: AppContext,
  collection: Collection = collection2026,
): Promise<boolean> {
  const created = await ensureCollectionInForce(ctx, collection);
  await ensureHistory(ctx);
  return created;
}

/**
 * The past collections (2018, 2022), published but not in force, and the
 * equivalences that let their still-valid awards count. Idempotent, and
 * never undoes what managers changed since.
 */
export async function ensureHistory(ctx: AppContext) {
  await ctx.db.transaction(async (tx) => {
    const programme = await findProgrammeBySlug(tx, labelProgramme.slug);
    if (!programme) return;
    for (const collection of [collection2018, collection2022]) {
      if (await findCollection(tx, programme.id, collection.version)) continue;
      const row = await insertCollection(tx, {
        ...collectionRow(programme.id, collection),
        inForce: false,
        publishedAt: historyPublishedAt[collection.version] ?? null,
      });
      await insertBadges(tx, [
        ...collection.badges.map((b, position) => badgeRow(row.id, b, position)),
        labelBadgeRow(row.id, collection),
      ]);
      await appendAudit(tx, {
        actor: { kind: "system", label: "catalogue" },
        action: "collection.created",
        targetType: "collection",
        targetId: row.id,
        data: { programme: programme.slug, version: collection.version, history: true },
      });
    }
    const rows = await listProgrammeBadgeSlugs(tx, programme.id);
    const idOf = (version: string, slug: string) =>
      rows.find((r) => r.version === version && r.slug === slug)?.id;
    const links = [
      ...collection2022.equivalences.map((e) => ({ ...e, toVersion: "2022" })),
      ...equivalences2026.map((e) => ({ ...e, toVersion: "2026" })),
    ];
    const values = links
      .map((e) => ({
        fromBadgeId: idOf(e.fromVersion, e.fromSlug),
        toBadgeId: idOf(e.toVersion, e.toSlug),
      }))
      .filter(
        (v): v is { fromBadgeId: string; toBadgeId: string } => !!v.fromBadgeId && !!v.toBadgeId,
      );
    await linkEquivalences(tx, values);
  });
}

function collectionRow(programmeId: string, collection: Collection) {
  return {
    programmeId,
    version: collection.version,
    name: collection.name,
    labelTotal: collection.label.total,
    labelValidityMonths: collection.label.validityMonths,
  };
}

function badgeRow(collectionId: string, b: Collection["badges"][number], position: number) {
  return {
    collectionId,
    slug: b.slug,
    name: b.name,
    recognises: b.recognises,
    criteria: b.criteria,
    required: b.required,
    validityMonths: b.validityMonths,
    renewalExtra: b.renewalExtra ?? null,
    alignments: b.alignments,
    color: b.color,
    position,
  };
}

async function ensureCollectionInForce(ctx: AppContext, collection: Collection) {
  return ctx.db.transaction(async (tx) => {
    const programme =
      (await findProgrammeBySlug(tx, labelProgramme.slug)) ??
      (await insertProgramme(tx, labelProgramme));
    const existing = await findCollection(tx, programme.id, collection.version);
    if (existing) {
      // Databases created before the label had its own badge class get it now.
      await insertBadges(tx, [labelBadgeRow(existing.id, collection)], { skipExisting: true });
      return false;
    }
    const row = await insertCollection(tx, {
      ...collectionRow(programme.id, collection),
      inForce: true,
      publishedAt: historyPublishedAt[collection.version] ?? new Date(),
    });
    await insertBadges(tx, [labelBadgeRow(row.id, collection)]);
    await insertBadges(
      tx,
      collection.badges.map((b, position) => badgeRow(row.id, b, position)),
    );
    await appendAudit(tx, {
      actor: { kind: "system", label: "catalogue" },
      action: "collection.created",
      targetType: "collection",
      targetId: row.id,
      data: {
        programme: programme.slug,
        version: collection.version,
        badges: collection.badges.length,
      },
    });
    return true;
  });
}

/** The label's own badge class: awarded on a confirmed label request, never applied for. */
function labelBadgeRow(collectionId: string, collection: Collection) {
  const label = collection.label.badge;
  return {
    collectionId,
    slug: label.slug,
    name: label.name,
    recognises: label.recognises,
    criteria: label.criteria,
    required: false,
    validityMonths: collection.label.validityMonths,
    alignments: [],
    color: label.color,
    position: collection.badges.length,
    kind: "label",
  };
}
