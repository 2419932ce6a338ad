import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { uniqueViolation } from "../../db/errors";
import type { badgeClasses, collections } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { type Actor, appendAudit } from "../audit/audit.repo";
import { authorize, type Caller } from "../policy/policy";
import {
  countBadgeUses,
  deleteDraftBadge,
  deleteDraftCollection,
  findBadgeWithCollection,
  findCollectionById,
  findCollectionInForce,
  insertBadge,
  insertBadges,
  insertCollection,
  linkEquivalences,
  listCollectionBadges,
  listProgrammeCollections,
  listProgrammeVersions,
  nextBadgePosition,
  putCollectionInForce,
  updateBadgeClass,
  updateCollection,
} from "./catalogue.admin.repo";
import { draftProblems } from "./catalogue.admin.rules";
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

export type DraftChange = Partial<{
  version: string;
  name: string;
  labelTotal: number;
  labelValidityMonths: number;
}>;

export async function programmeOf(q: Queryable, slug: string) {
  const programme = await findProgrammeBySlug(q, slug);
  if (!programme) throw new AppError("NOT_FOUND");
  return programme;
}

/** Every version of a programme, with the draft's badges in full for the editor. */
export async function listCollections(
  ctx: AppContext,
  { caller, slug }: { caller: Caller; slug: string },
) {
  authorize(caller.principal, "catalogue.manage");
  const programme = await programmeOf(ctx.db, slug);
  const rows = await listProgrammeVersions(ctx.db, programme.id);
  const draft = rows.find((r) => r.collection.status === "draft")?.collection;
  const draftBadges = draft ? await listCollectionBadges(ctx.db, draft.id) : [];
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
  {
    caller,
    slug,
    input,
  }: { caller: Caller; slug: string; input: { version: string; name: string } },
) {
  authorize(caller.principal, "catalogue.manage");
  const programme = await programmeOf(ctx.db, slug);
  try {
    return await ctx.db.transaction(async (tx) =>
      createDraftIn(tx, programme.id, actorOf(caller.user), input),
    );
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
  const current = await findCollectionInForce(tx, programmeId);
  const draft = await insertCollection(tx, {
    programmeId,
    version: input.version,
    name: input.name,
    labelTotal: current?.labelTotal ?? 1,
    labelValidityMonths: current?.labelValidityMonths ?? 48,
    status: "draft",
    inForce: false,
  });
  if (current) {
    const badges = await listCollectionBadges(tx, current.id);
    await insertBadges(
      tx,
      badges.map(({ id: _id, createdAt: _created, collectionId: _c, ...b }) => ({
        ...b,
        collectionId: draft.id,
      })),
    );
  }
  await appendAudit(tx, {
    actor,
    action: "collection.draft_created",
    targetType: "collection",
    targetId: draft.id,
    data: { version: input.version, from: current?.version ?? null },
  });
  return draft;
}

async function draftById(q: Queryable, id: string): Promise<CollectionRow> {
  const row = await findCollectionById(q, id);
  if (!row) throw new AppError("NOT_FOUND");
  if (row.status !== "draft") throw new AppError("CATALOGUE_NOT_DRAFT");
  return row;
}

async function draftBadge(q: Queryable, id: string): Promise<BadgeRow> {
  const row = await findBadgeWithCollection(q, id);
  if (!row) throw new AppError("NOT_FOUND");
  if (row.collection.status !== "draft") throw new AppError("CATALOGUE_NOT_DRAFT");
  return row.badge;
}

export async function updateDraft(
  ctx: AppContext,
  { caller, id, input }: { caller: Caller; id: string; input: DraftChange },
) {
  authorize(caller.principal, "catalogue.manage");
  await draftById(ctx.db, id);
  try {
    await ctx.db.transaction(async (tx) => {
      await updateCollection(tx, id, input);
      await appendAudit(tx, {
        actor: actorOf(caller.user),
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
  { caller, collectionId, input }: { caller: Caller; collectionId: string; input: BadgeInput },
) {
  authorize(caller.principal, "catalogue.manage");
  await draftById(ctx.db, collectionId);
  return ctx.db.transaction(async (tx) =>
    addBadgeIn(tx, actorOf(caller.user), collectionId, input),
  );
}

export async function addBadgeIn(
  tx: Queryable,
  actor: Actor,
  collectionId: string,
  input: BadgeInput,
) {
  const position = await nextBadgePosition(tx, collectionId);
  let inserted: BadgeRow;
  try {
    inserted = await insertBadge(tx, { ...input, collectionId, position });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("CATALOGUE_SLUG_TAKEN");
    throw error;
  }
  await appendAudit(tx, {
    actor,
    action: "badge.draft_added",
    targetType: "badge_class",
    targetId: inserted.id,
    data: { name: input.name },
  });
  return inserted;
}

export async function updateBadge(
  ctx: AppContext,
  { caller, id, input }: { caller: Caller; id: string; input: Partial<BadgeInput> },
) {
  authorize(caller.principal, "catalogue.manage");
  const badge = await draftBadge(ctx.db, id);
  if (badge.kind === "label" && (input.required !== undefined || input.slug !== undefined))
    throw new AppError("CATALOGUE_LABEL_FIXED");
  try {
    await ctx.db.transaction(async (tx) => {
      await updateBadgeClass(tx, id, input);
      await appendAudit(tx, {
        actor: actorOf(caller.user),
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
  { caller, id, direction }: { caller: Caller; id: string; direction: "up" | "down" },
) {
  authorize(caller.principal, "catalogue.manage");
  const badge = await draftBadge(ctx.db, id);
  const siblings = (await listCollectionBadges(ctx.db, badge.collectionId)).filter(
    (b) => b.kind === "badge",
  );
  const index = siblings.findIndex((b) => b.id === id);
  const other = siblings[direction === "up" ? index - 1 : index + 1];
  if (!other) return;
  await ctx.db.transaction(async (tx) => {
    await updateBadgeClass(tx, id, { position: other.position });
    await updateBadgeClass(tx, other.id, { position: badge.position });
  });
}

export async function removeBadge(ctx: AppContext, { caller, id }: { caller: Caller; id: string }) {
  authorize(caller.principal, "catalogue.manage");
  const badge = await draftBadge(ctx.db, id);
  if (badge.kind === "label") throw new AppError("CATALOGUE_LABEL_FIXED");
  await ctx.db.transaction(async (tx) => {
    await deleteDraftBadge(tx, id);
    await appendAudit(tx, {
      actor: actorOf(caller.user),
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
  { caller, id }: { caller: Caller; id: string },
) {
  authorize(caller.principal, "catalogue.manage");
  const draft = await draftById(ctx.db, id);
  const others = await listProgrammeCollections(ctx.db, draft.programmeId);
  const badges = await listCollectionBadges(ctx.db, id);
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
  await ctx.db.transaction(async (tx) => {
    await putCollectionInForce(tx, {
      id,
      previousId: previous?.id,
      publishedAt: new Date(),
      labelValidityMonths: draft.labelValidityMonths,
    });
    let linked = 0;
    if (previous) {
      const old = (await listCollectionBadges(tx, previous.id)).filter((b) => b.kind === "badge");
      const bySlug = new Map(badges.filter((b) => b.kind === "badge").map((b) => [b.slug, b.id]));
      linked = await linkEquivalences(
        tx,
        old
          .filter((b) => bySlug.has(b.slug))
          .map((b) => ({ fromBadgeId: b.id, toBadgeId: bySlug.get(b.slug)! })),
      );
    }
    await appendAudit(tx, {
      actor: actorOf(caller.user),
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
  { caller, id }: { caller: Caller; id: string },
) {
  authorize(caller.principal, "catalogue.manage");
  const draft = await draftById(ctx.db, id);
  const badgeIds = (await listCollectionBadges(ctx.db, id)).map((b) => b.id);
  await ctx.db.transaction(async (tx) => {
    if (badgeIds.length && (await countBadgeUses(tx, badgeIds)) > 0)
      throw new AppError("CATALOGUE_DRAFT_IN_USE");
    await deleteDraftCollection(tx, id, badgeIds);
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "collection.draft_discarded",
      targetType: "collection",
      targetId: id,
      data: { version: draft.version },
    });
  });
}
