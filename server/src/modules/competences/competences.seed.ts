import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { appendAudit } from "../audit/audit.repo";
import {
  competencesCollectionName,
  competencesProgramme,
  onboardingBadges,
  regionalBadges,
} from "./competences.catalogue";
import {
  badgeSlugsOfCollection,
  findCollectionVersion,
  findOrCreateProgramme,
  insertBadgeClasses,
  insertCollection,
} from "./competences-catalogue.repo";

const VERSION = "2022";
/** The scheme was launched on 21 November 2022. */
const LAUNCHED = new Date("2022-11-21T09:00:00Z");

/**
 * Makes sure the regional badges exist (programme, collection in force,
 * badges with their rules). Idempotent: managers' later changes stay.
 */
export async function ensureCompetencesCatalogue(ctx: AppContext) {
  await ctx.db.transaction(async (tx) => {
    const programme = await findOrCreateProgramme(tx, competencesProgramme);
    const existing = await findCollectionVersion(tx, programme.id, VERSION);
    if (existing) {
      await ensureOnboardingBadges(tx, existing.id);
      return;
    }
    const collection = await insertCollection(tx, {
      programmeId: programme.id,
      version: VERSION,
      name: competencesCollectionName,
      labelTotal: 1,
      inForce: true,
      publishedAt: LAUNCHED,
    });
    await insertBadgeClasses(
      tx,
      regionalBadges.map((b, position) => ({
        collectionId: collection.id,
        slug: b.slug,
        name: b.name,
        recognises: b.recognises,
        criteria: b.criteria,
        required: false,
        validityMonths: b.validityMonths,
        alignments: [],
        color: b.color,
        position,
        rule: b.rule as Record<string, unknown>,
      })),
    );
    await ensureOnboardingBadges(tx, collection.id);
    await appendAudit(tx, {
      actor: { kind: "system", label: "catalogue" },
      action: "collection.created",
      targetType: "collection",
      targetId: collection.id,
      data: { programme: programme.slug, version: VERSION, badges: regionalBadges.length },
    });
  });
}

/** The Participant and Ambassadeur badges, added to a collection seeded before they existed. */
async function ensureOnboardingBadges(q: Queryable, collectionId: string) {
  const present = await badgeSlugsOfCollection(q, collectionId);
  const missing = onboardingBadges.filter((b) => !present.has(b.slug));
  if (missing.length === 0) return;
  await insertBadgeClasses(
    q,
    missing.map((b) => ({
      collectionId,
      slug: b.slug,
      name: b.name,
      recognises: b.recognises,
      criteria: b.criteria,
      required: false,
      validityMonths: b.validityMonths,
      alignments: [],
      color: b.color,
      position: 100 + onboardingBadges.indexOf(b),
      rule: b.rule as Record<string, unknown>,
    })),
  );
}
