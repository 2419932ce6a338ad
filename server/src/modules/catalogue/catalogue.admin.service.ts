import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { uniqueViolation } from "../../db/errors";
import {
  applications,
  badgeClasses,
  badgeEquivalences,
  badgeIdeas,
  collections,
  credentials,
} from "../../db/schema";
import { AppError } from "../../errors";
import { type Actor, appendAudit } from "../audit/audit.repo";
import { authorize, type Principal } from "../policy/policy";
import { draftProblems, equivalenceRefusal } from "./catalogue.admin.rules";
import { findProgrammeBySlug, forgetPublicBadges } from "./catalogue.repo";

type BadgeRow = typeof badgeClasses.$inferSelect;
type CollectionRow = typeof collections.$inferSelect;

export type BadgeInput = {
  slug: string;
  name: string;
  recognises: string;
  criteria: { statement: string; evidence: string[] }[];
  required: boolean;
  validityMonths: number;
  renewalExtra: string | null;
  alignments: { framework: string; code: string; name: string }[];
  color: string;
  /** Programme 2: how the badge is earned (a level, an aggregate, a participation), as data. */
  rule?: Record<string, unknown> | null;
};

async function programmeOf(q: Queryable, slug: string) {
  const programme = await findProgrammeBySlug(q, slug);
  if (!programme) throw new AppError("NOT_FOUND");
  return programme;
}

async function collectionBadges(q: Queryable, collectionId: string) {
  return q
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.collectionId, collectionId))
    .orderBy(asc(badgeClasses.position));
}

/** Every version of a programme, with the draft's badges in full for the editor. */
export async function listCollections(ctx: AppContext, principal: Principal, slug: string) {
  authorize(principal, "catalogue.manage");
  const programme = await programmeOf(ctx.db, slug);
  const rows = await ctx.db
    .select({
      collection: collections,
      badges:
        sql<number>`count(${badgeClasses.id}) filter (where ${badgeClasses.kind} = 'badge')::int`.mapWith(
          Number,
        ),
      required:
        sql<number>`count(${badgeClasses.id}) filter (where ${badgeClasses.required} and ${badgeClasses.kind} = 'badge')::int`.mapWith(
          Number,
        ),
    })
    .from(collections)
    .leftJoin(badgeClasses, eq(badgeClasses.collectionId, collections.id))
    .where(eq(collections.programmeId, programme.id))
    .groupBy(collections.id)
    .orderBy(sql`${collections.publishedAt} desc nulls first`);
  const draft = rows.find((r) => r.collection.status === "draft")?.collection;
  const draftBadges = draft ? await collectionBadges(ctx.db, draft.id) : [];
  return {
    programme,
    collections: rows,
    draft: draft
      ? {
          collection: draft,
          badges: draftBadges.filter((b) => b.kind === "badge"),
          problems: draftProblems({
            version: draft.version,
            labelTotal: draft.labelTotal,
            labelValidityMonths: draft.labelValidityMonths,
            badges: draftBadges.filter((b) => b.kind === "badge"),
            takenVersions: rows
              .filter((r) => r.collection.id !== draft.id)
              .map((r) => r.collection.version),
          }),
        }
      : null,
  };
}

/** A draft starts as a copy of the collection in force: badges, criteria, label and all. */
export async function createDraft(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  slug: string,
  input: { version: string; name: string },
) {
  authorize(principal, "catalogue.manage");
  const programme = await programmeOf(ctx.db, slug);
  try {
    return await ctx.db.transaction(async (tx) => createDraftIn(tx, programme.id, actor, input));
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === "collections_one_draft_key") throw new AppError("CATALOGUE_DRAFT_EXISTS");
    if (constraint !== undefined) throw new AppError("CATALOGUE_VERSION_TAKEN");
    throw error;
  }
}

export async function createDraftIn(
  tx: Queryable,
  programmeId: string,
  actor: Actor,
  input: { version: string; name: string },
) {
  const [current] = await tx
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programmeId), eq(collections.inForce, true)));
  const [draft] = await tx
    .insert(collections)
    .values({
      programmeId,
      version: input.version,
      name: input.name,
      labelTotal: current?.labelTotal ?? 1,
      labelValidityMonths: current?.labelValidityMonths ?? 48,
      status: "draft",
      inForce: false,
    })
    .returning();
  if (current) {
    const badges = await collectionBadges(tx, current.id);
    if (badges.length)
      await tx.insert(badgeClasses).values(
        badges.map(({ id: _id, createdAt: _created, collectionId: _c, ...b }) => ({
          ...b,
          collectionId: draft!.id,
        })),
      );
  }
  await appendAudit(tx, {
    actor,
    action: "collection.draft_created",
    targetType: "collection",
    targetId: draft!.id,
    data: { version: input.version, from: current?.version ?? null },
  });
  return draft!;
}

async function draftById(q: Queryable, id: string): Promise<CollectionRow> {
  const [row] = await q.select().from(collections).where(eq(collections.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  if (row.status !== "draft") throw new AppError("CATALOGUE_NOT_DRAFT");
  return row;
}

async function draftBadge(q: Queryable, id: string): Promise<BadgeRow> {
  const [row] = await q
    .select({ badge: badgeClasses, collection: collections })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .where(eq(badgeClasses.id, id));
  if (!row) throw new AppError("NOT_FOUND");
  if (row.collection.status !== "draft") throw new AppError("CATALOGUE_NOT_DRAFT");
  return row.badge;
}

export async function updateDraft(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
  input: Partial<{
    version: string;
    name: string;
    labelTotal: number;
    labelValidityMonths: number;
  }>,
) {
  authorize(principal, "catalogue.manage");
  await draftById(ctx.db, id);
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.update(collections).set(input).where(eq(collections.id, id));
      await appendAudit(tx, {
        actor,
        action: "collection.draft_updated",
        targetType: "collection",
        targetId: id,
        data: input,
      });
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("CATALOGUE_VERSION_TAKEN");
    throw error;
  }
}

export async function addBadge(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  collectionId: string,
  input: BadgeInput,
) {
  authorize(principal, "catalogue.manage");
  await draftById(ctx.db, collectionId);
  return ctx.db.transaction(async (tx) => addBadgeIn(tx, actor, collectionId, input));
}

export async function addBadgeIn(
  tx: Queryable,
  actor: Actor,
  collectionId: string,
  input: BadgeInput,
) {
  const [last] = await tx
    .select({ max: sql<number>`coalesce(max(${badgeClasses.position}), -1)::int`.mapWith(Number) })
    .from(badgeClasses)
    .where(and(eq(badgeClasses.collectionId, collectionId), eq(badgeClasses.kind, "badge")));
  let inserted: BadgeRow | undefined;
  try {
    [inserted] = await tx
      .insert(badgeClasses)
      .values({ ...input, collectionId, position: (last?.max ?? -1) + 1 })
      .returning();
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("CATALOGUE_SLUG_TAKEN");
    throw error;
  }
  await appendAudit(tx, {
    actor,
    action: "badge.draft_added",
    targetType: "badge_class",
    targetId: inserted!.id,
    data: { name: input.name },
  });
  return inserted!;
}

export async function updateBadge(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
  input: Partial<BadgeInput>,
) {
  authorize(principal, "catalogue.manage");
  const badge = await draftBadge(ctx.db, id);
  if (badge.kind === "label" && (input.required !== undefined || input.slug !== undefined))
    throw new AppError("CATALOGUE_LABEL_FIXED");
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.update(badgeClasses).set(input).where(eq(badgeClasses.id, id));
      await appendAudit(tx, {
        actor,
        action: "badge.draft_updated",
        targetType: "badge_class",
        targetId: id,
        data: { name: input.name ?? badge.name, fields: Object.keys(input) },
      });
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("CATALOGUE_SLUG_TAKEN");
    throw error;
  }
}

/** Moves a badge one place up or down in the draft's order. */
export async function moveBadge(
  ctx: AppContext,
  principal: Principal,
  id: string,
  direction: "up" | "down",
) {
  authorize(principal, "catalogue.manage");
  const badge = await draftBadge(ctx.db, id);
  const siblings = (await collectionBadges(ctx.db, badge.collectionId)).filter(
    (b) => b.kind === "badge",
  );
  const index = siblings.findIndex((b) => b.id === id);
  const other = siblings[direction === "up" ? index - 1 : index + 1];
  if (!other) return;
  await ctx.db.transaction(async (tx) => {
    await tx.update(badgeClasses).set({ position: other.position }).where(eq(badgeClasses.id, id));
    await tx
      .update(badgeClasses)
      .set({ position: badge.position })
      .where(eq(badgeClasses.id, other.id));
  });
}

export async function removeBadge(ctx: AppContext, principal: Principal, actor: Actor, id: string) {
  authorize(principal, "catalogue.manage");
  const badge = await draftBadge(ctx.db, id);
  if (badge.kind === "label") throw new AppError("CATALOGUE_LABEL_FIXED");
  await ctx.db.transaction(async (tx) => {
    await tx.update(badgeIdeas).set({ badgeClassId: null }).where(eq(badgeIdeas.badgeClassId, id));
    await tx.delete(badgeClasses).where(eq(badgeClasses.id, id));
    await appendAudit(tx, {
      actor,
      action: "badge.draft_removed",
      targetType: "badge_class",
      targetId: id,
      data: { name: badge.name },
    });
  });
}

/**
 * Puts the draft in force. The previous collection becomes history; each of
 * its badges counts as the draft's badge with the same identifier (unless a
 * manager already said otherwise); public pages change at once.
 */
export async function publishDraft(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
) {
  authorize(principal, "catalogue.manage");
  const draft = await draftById(ctx.db, id);
  const others = await ctx.db
    .select()
    .from(collections)
    .where(eq(collections.programmeId, draft.programmeId));
  const badges = await collectionBadges(ctx.db, id);
  const problems = draftProblems({
    version: draft.version,
    labelTotal: draft.labelTotal,
    labelValidityMonths: draft.labelValidityMonths,
    badges: badges.filter((b) => b.kind === "badge"),
    takenVersions: others.filter((c) => c.id !== id).map((c) => c.version),
  });
  if (problems.length)
    throw new AppError(
      "CATALOGUE_DRAFT_INVALID",
      Object.fromEntries(problems.map((p, i) => [`${p.field}#${i}`, p.fr])),
    );
  const previous = others.find((c) => c.inForce);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    if (previous)
      await tx.update(collections).set({ inForce: false }).where(eq(collections.id, previous.id));
    await tx
      .update(collections)
      .set({ status: "published", inForce: true, publishedAt: now })
      .where(eq(collections.id, id));
    // The label's own badge follows the collection's rule.
    await tx
      .update(badgeClasses)
      .set({ validityMonths: draft.labelValidityMonths })
      .where(and(eq(badgeClasses.collectionId, id), eq(badgeClasses.kind, "label")));
    let linked = 0;
    if (previous) {
      const old = (await collectionBadges(tx, previous.id)).filter((b) => b.kind === "badge");
      const bySlug = new Map(badges.filter((b) => b.kind === "badge").map((b) => [b.slug, b.id]));
      const values = old
        .filter((b) => bySlug.has(b.slug))
        .map((b) => ({ fromBadgeId: b.id, toBadgeId: bySlug.get(b.slug)! }));
      if (values.length) {
        const inserted = await tx
          .insert(badgeEquivalences)
          .values(values)
          .onConflictDoNothing()
          .returning({ id: badgeEquivalences.id });
        linked = inserted.length;
      }
    }
    await appendAudit(tx, {
      actor,
      action: "collection.published",
      targetType: "collection",
      targetId: id,
      data: { version: draft.version, previous: previous?.version ?? null, equivalences: linked },
    });
  });
  forgetPublicBadges();
}

/** A draft nobody needs any more; refused once anything refers to its badges. */
export async function discardDraft(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
) {
  authorize(principal, "catalogue.manage");
  const draft = await draftById(ctx.db, id);
  const badgeIds = (await collectionBadges(ctx.db, id)).map((b) => b.id);
  await ctx.db.transaction(async (tx) => {
    if (badgeIds.length) {
      const [used] = await tx
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(applications)
        .where(inArray(applications.badgeClassId, badgeIds));
      const [held] = await tx
        .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
        .from(credentials)
        .where(inArray(credentials.badgeClassId, badgeIds));
      if ((used?.n ?? 0) + (held?.n ?? 0) > 0) throw new AppError("CATALOGUE_DRAFT_IN_USE");
      await tx
        .update(badgeIdeas)
        .set({ badgeClassId: null, state: "answered" })
        .where(inArray(badgeIdeas.badgeClassId, badgeIds));
      await tx.delete(badgeEquivalences).where(inArray(badgeEquivalences.toBadgeId, badgeIds));
      await tx.delete(badgeClasses).where(eq(badgeClasses.collectionId, id));
    }
    await tx.delete(collections).where(eq(collections.id, id));
    await appendAudit(tx, {
      actor,
      action: "collection.draft_discarded",
      targetType: "collection",
      targetId: id,
      data: { version: draft.version },
    });
  });
}

const fromBadge = alias(badgeClasses, "from_badge");
const toBadge = alias(badgeClasses, "to_badge");
const fromCollection = alias(collections, "from_collection");
const toCollection = alias(collections, "to_collection");

export async function listEquivalences(ctx: AppContext, principal: Principal, slug: string) {
  authorize(principal, "catalogue.manage");
  const programme = await programmeOf(ctx.db, slug);
  return ctx.db
    .select({
      id: badgeEquivalences.id,
      from: { id: fromBadge.id, name: fromBadge.name, collection: fromCollection.version },
      to: { id: toBadge.id, name: toBadge.name, collection: toCollection.version },
    })
    .from(badgeEquivalences)
    .innerJoin(fromBadge, eq(fromBadge.id, badgeEquivalences.fromBadgeId))
    .innerJoin(toBadge, eq(toBadge.id, badgeEquivalences.toBadgeId))
    .innerJoin(fromCollection, eq(fromCollection.id, fromBadge.collectionId))
    .innerJoin(toCollection, eq(toCollection.id, toBadge.collectionId))
    .where(eq(fromCollection.programmeId, programme.id))
    .orderBy(asc(fromCollection.version), asc(fromBadge.position));
}

async function equivalenceBadge(q: Queryable, id: string) {
  const [row] = await q
    .select({ badge: badgeClasses, collection: collections })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .where(eq(badgeClasses.id, id));
  if (!row) throw new AppError("VALIDATION_FAILED", { badge: "" });
  return {
    id: row.badge.id,
    name: row.badge.name,
    programmeId: row.collection.programmeId,
    kind: row.badge.kind,
    publishedAt: row.collection.status === "published" ? row.collection.publishedAt : null,
  };
}

export async function addEquivalence(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  input: { fromBadgeId: string; toBadgeId: string },
) {
  authorize(principal, "catalogue.manage");
  const from = await equivalenceBadge(ctx.db, input.fromBadgeId);
  const to = await equivalenceBadge(ctx.db, input.toBadgeId);
  const existing = await ctx.db
    .select({ fromBadgeId: badgeEquivalences.fromBadgeId, toBadgeId: badgeEquivalences.toBadgeId })
    .from(badgeEquivalences);
  const refusal = equivalenceRefusal(from, to, existing);
  if (refusal) throw new AppError(refusal);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(badgeEquivalences).values(input).returning();
      await appendAudit(tx, {
        actor,
        action: "equivalence.added",
        targetType: "badge_equivalence",
        targetId: row!.id,
        data: { from: from.name, to: to.name },
      });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("EQUIVALENCE_ALREADY_MAPPED");
    throw error;
  }
}

export async function removeEquivalence(
  ctx: AppContext,
  principal: Principal,
  actor: Actor,
  id: string,
) {
  authorize(principal, "catalogue.manage");
  await ctx.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(badgeEquivalences)
      .where(eq(badgeEquivalences.id, id))
      .returning();
    if (!removed) throw new AppError("NOT_FOUND");
    await appendAudit(tx, {
      actor,
      action: "equivalence.removed",
      targetType: "badge_equivalence",
      targetId: id,
      data: { from: removed.fromBadgeId, to: removed.toBadgeId },
    });
  });
}
