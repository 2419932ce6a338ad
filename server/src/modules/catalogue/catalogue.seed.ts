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
    if (await findCollection(tx, programme.id, collection.version)) return false;
    const [row] = await tx
      .insert(collections)
      .values({
        programmeId: programme.id,
        version: collection.version,
        name: collection.name,
        labelTotal: collection.label.total,
        inForce: true,
      })
      .returning();
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
