import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { uniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { authorize, type Caller } from "../policy/policy";
import {
  deleteEquivalence,
  findBadgeWithCollection,
  insertEquivalence,
  listEquivalencePairs,
  listProgrammeEquivalences,
} from "./catalogue.admin.repo";
import { equivalenceRefusal } from "./catalogue.admin.rules";
import { programmeOf } from "./catalogue.admin.service";

export async function listEquivalences(
  ctx: AppContext,
  { caller, slug }: { caller: Caller; slug: string },
) {
  authorize(caller.principal, "catalogue.manage");
  const programme = await programmeOf(ctx.db, slug);
  return listProgrammeEquivalences(ctx.db, programme.id);
}

async function equivalenceBadge(q: Queryable, id: string) {
  const row = await findBadgeWithCollection(q, id);
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
  { caller, input }: { caller: Caller; input: { fromBadgeId: string; toBadgeId: string } },
) {
  authorize(caller.principal, "catalogue.manage");
  const from = await equivalenceBadge(ctx.db, input.fromBadgeId);
  const to = await equivalenceBadge(ctx.db, input.toBadgeId);
  const existing = await listEquivalencePairs(ctx.db);
  const refusal = equivalenceRefusal(from, to, existing);
  if (refusal) throw new AppError(refusal);
  try {
    return await ctx.db.transaction(async (tx) => {
      const row = await insertEquivalence(tx, input);
      await appendAudit(tx, {
        actor: actorOf(caller.user),
        action: "equivalence.added",
        targetType: "badge_equivalence",
        targetId: row.id,
        data: { from: from.name, to: to.name },
      });
      return row;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("EQUIVALENCE_ALREADY_MAPPED");
    throw error;
  }
}

export async function removeEquivalence(
  ctx: AppContext,
  { caller, id }: { caller: Caller; id: string },
) {
  authorize(caller.principal, "catalogue.manage");
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteEquivalence(tx, id);
    if (!removed) throw new AppError("NOT_FOUND");
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "equivalence.removed",
      targetType: "badge_equivalence",
      targetId: id,
      data: { from: removed.fromBadgeId, to: removed.toBadgeId },
    });
  });
}
