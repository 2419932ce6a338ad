import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../../src/context";
import {
  badgeClasses,
  badgeEquivalences,
  badgeIdeas,
  collections,
  programmes,
} from "../../src/db/schema";
import { addBadgeIn, createDraftIn } from "../../src/modules/catalogue/catalogue.admin.service";

const actor = { kind: "system", label: "matrix" } as const;

/** What a manager types to add a badge to a draft. */
export function draftBadgeInput(options: { slug: string; name: string }) {
  return {
    ...options,
    recognises: "Test",
    criteria: [{ statement: "Critère", evidence: ["Preuve"] }],
    required: false,
    validityMonths: 12,
    renewalExtra: null,
    alignments: [],
    color: "#1d6b3a",
  };
}

/** The label programme's draft (made from the collection in force when there is none). */
export async function catalogueDraft(ctx: AppContext) {
  const { db } = ctx;
  const [programme] = await db.select().from(programmes).where(eq(programmes.slug, "label-cfa"));
  const [existing] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programme!.id), eq(collections.status, "draft")));
  if (existing) return existing;
  return db.transaction((tx) =>
    createDraftIn(tx, programme!.id, actor, {
      version: `m${randomUUID().slice(0, 8)}`,
      name: "Brouillon de la matrice",
    }),
  );
}

/** A badge added to the draft. */
export async function buildDraftBadge(ctx: AppContext) {
  const draft = await catalogueDraft(ctx);
  return ctx.db.transaction((tx) =>
    addBadgeIn(
      tx,
      actor,
      draft.id,
      draftBadgeInput({ slug: `matrice-${randomUUID().slice(0, 8)}`, name: "Badge de la matrice" }),
    ),
  );
}

/** No draft left, badges included, so that a new one may start. */
export async function clearDrafts(ctx: AppContext) {
  await ctx.db.transaction(async (tx) => {
    const drafts = await tx.select().from(collections).where(eq(collections.status, "draft"));
    for (const d of drafts) {
      await tx.delete(badgeClasses).where(eq(badgeClasses.collectionId, d.id));
      await tx.delete(collections).where(eq(collections.id, d.id));
    }
  });
}

/** A 2018 badge with no successor, and a 2026 one: a pair a manager may link. */
export async function unlinkedEquivalencePair(ctx: AppContext) {
  const { db } = ctx;
  const rows = await db
    .select({ id: badgeClasses.id, slug: badgeClasses.slug, version: collections.version })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId));
  const from = rows.find((r) => r.version === "2018" && r.slug === "environnement-numerique")!;
  const to = rows.find((r) => r.version === "2026" && r.slug === "cooperation")!;
  await db.delete(badgeEquivalences).where(eq(badgeEquivalences.fromBadgeId, from.id));
  return { fromBadgeId: from.id, toBadgeId: to.id };
}

/** The pair of `unlinkedEquivalencePair`, linked. */
export async function buildEquivalence(ctx: AppContext) {
  const [row] = await ctx.db
    .insert(badgeEquivalences)
    .values(await unlinkedEquivalencePair(ctx))
    .returning();
  return row!;
}

/** A badge idea of the organisation, not answered yet. */
export async function buildIdea(ctx: AppContext, options: { organisationId: string }) {
  const [idea] = await ctx.db
    .insert(badgeIdeas)
    .values({
      organisationId: options.organisationId,
      title: "Idée",
      description: "Une idée de badge.",
    })
    .returning();
  return idea!;
}
