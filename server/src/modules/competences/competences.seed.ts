import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { badgeClasses, collections, programmes } from "../../db/schema";
import { appendAudit } from "../audit/audit.repo";
import { competencesProgramme, onboardingBadges, regionalBadges } from "./competences.catalogue";

const VERSION = "2022";
/** The scheme was launched on 21 November 2022. */
const LAUNCHED = new Date("2022-11-21T09:00:00Z");

/**
 * Makes sure the regional badges exist (programme, collection in force,
 * badges with their rules). Idempotent: managers' later changes stay.
 */
export async function ensureCompetencesCatalogue(ctx: AppContext) {
  await ctx.db.transaction(async (tx) => {
    const programme =
      (
        await tx.select().from(programmes).where(eq(programmes.slug, competencesProgramme.slug))
      )[0] ?? (await tx.insert(programmes).values(competencesProgramme).returning())[0]!;
    const [existing] = await tx
      .select()
      .from(collections)
      .where(and(eq(collections.programmeId, programme.id), eq(collections.version, VERSION)));
    if (existing) {
      await ensureOnboardingBadges(tx, existing.id);
      return;
    }
    const [collection] = await tx
      .insert(collections)
      .values({
        programmeId: programme.id,
        version: VERSION,
        name: "Badges régionaux des compétences",
        labelTotal: 1,
        inForce: true,
        publishedAt: LAUNCHED,
      })
      .returning();
    await tx.insert(badgeClasses).values(
      regionalBadges.map((b, position) => ({
        collectionId: collection!.id,
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
    await ensureOnboardingBadges(tx, collection!.id);
    await appendAudit(tx, {
      actor: { kind: "system", label: "catalogue" },
      action: "collection.created",
      targetType: "collection",
      targetId: collection!.id,
      data: { programme: programme.slug, version: VERSION, badges: regionalBadges.length },
    });
  });
}

/** The Participant and Ambassadeur badges, added to a collection seeded before they existed. */
async function ensureOnboardingBadges(q: Queryable, collectionId: string) {
  const present = new Set(
    (
      await q
        .select({ slug: badgeClasses.slug })
        .from(badgeClasses)
        .where(eq(badgeClasses.collectionId, collectionId))
    ).map((b) => b.slug),
  );
  const missing = onboardingBadges.filter((b) => !present.has(b.slug));
  if (missing.length === 0) return;
  await q.insert(badgeClasses).values(
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
