import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { labelProgress } from "../label/label.service";
import type { Caller } from "../policy/policy";
import { listDraftApplications, updateSharing } from "./mentoring.repo";
import { loadPairingFor } from "./mentoring.service";

/** The mentee chooses, at any time, what its mentor may see. */
export async function setSharing(
  ctx: AppContext,
  options: { caller: Caller; id: string; choice: { progress: boolean; drafts: boolean } },
) {
  const { caller, choice } = options;
  const found = await loadPairingFor(ctx, caller.principal, options.id, "mentoring.request");
  if (found.status !== "active" && found.status !== "upcoming")
    throw new AppError("MENTORING_NOT_ACTIVE");
  await ctx.db.transaction(async (tx) => {
    await updateSharing(tx, found.pairing.id, {
      shareProgress: choice.progress,
      shareDrafts: choice.drafts,
    });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "mentoring.sharing",
      targetType: "mentoring_pairing",
      targetId: found.pairing.id,
      data: { mentor: found.mentor.name, progress: choice.progress, drafts: choice.drafts },
    });
  });
}

/** The mentee's label-progress picture, for its own staff or a mentor it is shared with. */
export async function readMenteeProgress(ctx: AppContext, options: { caller: Caller; id: string }) {
  const found = await loadPairingFor(
    ctx,
    options.caller.principal,
    options.id,
    "mentoring.progress.read",
  );
  const progress = await labelProgress(ctx, found.mentee.id);
  // The picture, not the files behind it: links to applications are for the mentee's own pages.
  return { ...progress, badges: progress.badges.map((b) => ({ ...b, applicationId: null })) };
}

/** The mentee's application drafts, read-only, for its own staff or a mentor they are shared with. */
export async function readMenteeDrafts(ctx: AppContext, options: { caller: Caller; id: string }) {
  const found = await loadPairingFor(
    ctx,
    options.caller.principal,
    options.id,
    "mentoring.drafts.read",
  );
  const rows = await listDraftApplications(ctx.db, found.mentee.id);
  return rows.map((row) => ({
    id: row.id,
    state: row.state as "draft" | "revision_requested",
    badge: row.badge.name,
    updatedAt: row.updatedAt.toISOString(),
    criteria: row.badge.criteria.map((c, i) => ({
      statement: c.statement,
      answer: row.answers[String(i)]?.answer ?? "",
      links: row.answers[String(i)]?.links ?? [],
    })),
  }));
}
