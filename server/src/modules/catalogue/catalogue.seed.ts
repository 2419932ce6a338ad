import type { AppContext } from "../../context";
import { badgeClasses, collections, programmes } from "../../db/schema";
import { appendAudit } from "../audit/audit.repo";
import { findCollection, findProgrammeBySlug } from "./catalogue.repo";
import type { Collection } from "./catalogue.types";
import { collection2026 } from "./collection-2026";

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
  return ctx.db.transaction(async (tx) => {
    const programme =
      (await findProgrammeBySlug(tx, labelProgramme.slug)) ??
      (await tx.insert(programmes).values(labelProgramme).returning())[0]!;
    const existing = await findCollection(tx, programme.id, collection.version);
    if (existing) {
      // Databases created before the label had its own badge class get it now.
      await tx
        .insert(badgeClasses)
        .values(labelBadgeRow(existing.id, collection))
        .onConflictDoNothing();
      return false;
    }
    const [row] = await tx
      .insert(collections)
      .values({
        programmeId: programme.id,
        version: collection.version,
        name: collection.name,
        labelTotal: collection.label.total,
        labelValidityMonths: collection.label.validityMonths,
        inForce: true,
        publishedAt: new Date(),
      })
      .returning();
    await tx.insert(badgeClasses).values(labelBadgeRow(row!.id, collection));
    await tx.insert(badgeClasses).values(
      collection.badges.map((b, position) => ({
        collectionId: row!.id,
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
      })),
    );
    await appendAudit(tx, {
      actor: { kind: "system", label: "catalogue" },
      action: "collection.created",
      targetType: "collection",
      targetId: row!.id,
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
