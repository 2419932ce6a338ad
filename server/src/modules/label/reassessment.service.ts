import type { AppContext } from "../../context";
import { type Actor, appendAudit } from "../audit/audit.repo";
import { forgetCredential } from "../credentials/credentials.service";
import { generatedReasons } from "../credentials/reasons";
import { forgetStatusLists } from "../credentials/status-lists.service";
import { queueEmail } from "../email/mailer";
import { findOrganisation } from "../organisations/organisations.repo";
import { listLabelHolders, restoreLabel, suspendLabel } from "./label.repo";
import {
  type HeldAward,
  isValidAt,
  labelDecision,
  labelEligibility,
  resolveBadge,
} from "./label.rules";
import { currentLabel, holdings, labelStateOf, loadLabelRule } from "./label.service";

/**
 * What the CFA must renew to get the rule back: the required badges it lacks,
 * and the badges of the collection it held that have lapsed (expired or
 * revoked), most recently lapsed first.
 */
function whatToRenew(
  loaded: Awaited<ReturnType<typeof loadLabelRule>>,
  awards: readonly HeldAward[],
  eligibility: ReturnType<typeof labelEligibility>,
  now: Date,
) {
  const covered = new Set(eligibility.counted.map((c) => c.badgeId));
  const lapsed = new Map<string, number>();
  for (const award of awards) {
    if (isValidAt(award, now)) continue;
    const badgeId = resolveBadge(award.badgeId, loaded.rule, loaded.equivalences);
    if (!badgeId || covered.has(badgeId)) continue;
    const ended = Math.min(
      award.revokedAt?.getTime() ?? Number.POSITIVE_INFINITY,
      award.validUntil?.getTime() ?? Number.POSITIVE_INFINITY,
    );
    if (ended > now.getTime()) continue;
    lapsed.set(badgeId, Math.max(lapsed.get(badgeId) ?? 0, ended));
  }
  const name = (id: string) => loaded.badges.find((b) => b.id === id)?.name ?? id;
  return {
    missingRequired: eligibility.missingRequired.map(name),
    lapsed: [...lapsed.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => name(id)),
    shortfall: eligibility.shortfall,
  };
}

/**
 * The label lives with its parts. Suspends the organisation's label when its
 * badges no longer satisfy the rule (the suspension status list says so to
 * every verifier, and the CFA is told what to renew), restores it when they
 * do again. Safe to run any number of times.
 */
export async function reassessLabel(ctx: AppContext, organisationId: string, now = new Date()) {
  const { awards, labels } = await holdings(ctx.db, organisationId);
  const label = currentLabel(labels);
  const state = labelStateOf(label, now);
  if (!label || (state !== "active" && state !== "suspended")) return "none" as const;
  const loaded = await loadLabelRule(ctx.db);
  const eligibility = labelEligibility(loaded.rule, awards, loaded.equivalences, now);
  const decision = labelDecision(state, eligibility);
  if (decision.action === "none") return "none" as const;
  const org = await findOrganisation(ctx.db, organisationId);
  if (!org) return "none" as const;
  const actor: Actor = { kind: "system", label: "Blason" };
  const url = `${ctx.config.publicUrl}/organisations/${org.id}/label`;
  if (decision.action === "suspend") {
    const renew = whatToRenew(loaded, awards, eligibility, now);
    const parts = [...new Set([...renew.missingRequired, ...renew.lapsed])];
    const reason = parts.length
      ? generatedReasons.labelBadgesToRenew(parts).fr
      : generatedReasons.labelShort(renew.shortfall).fr;
    const changed = await ctx.db.transaction(async (tx) => {
      if (!(await suspendLabel(tx, { id: label.id, at: now, reason }))) return false;
      await appendAudit(tx, {
        actor,
        action: "label.suspended",
        targetType: "credential",
        targetId: label.id,
        data: { organisation: org.name, reason, count: eligibility.count },
      });
      await queueEmail(tx, {
        to: org.contactEmail,
        uniqueKey: `label-suspended:${label.id}:${now.toISOString()}`,
        template: {
          name: "label_suspended",
          organisation: org.name,
          missingRequired: renew.missingRequired,
          lapsed: renew.lapsed,
          shortfall: renew.shortfall,
          url,
        },
      });
      return true;
    });
    if (!changed) return "none" as const;
  } else {
    const changed = await ctx.db.transaction(async (tx) => {
      if (!(await restoreLabel(tx, label.id))) return false;
      await appendAudit(tx, {
        actor,
        action: "label.restored",
        targetType: "credential",
        targetId: label.id,
        data: { organisation: org.name, count: eligibility.count },
      });
      await queueEmail(tx, {
        to: org.contactEmail,
        uniqueKey: `label-restored:${label.id}:${now.toISOString()}`,
        template: { name: "label_restored", organisation: org.name, url },
      });
      return true;
    });
    if (!changed) return "none" as const;
  }
  forgetCredential(label.id);
  forgetStatusLists();
  return decision.action;
}

/** Every organisation with a live label, reassessed (the daily run catches expiries). */
export async function reassessAllLabels(ctx: AppContext, now = new Date()) {
  const outcome = { suspended: 0, restored: 0 };
  for (const id of await listLabelHolders(ctx.db, now)) {
    const action = await reassessLabel(ctx, id, now);
    if (action === "suspend") outcome.suspended++;
    if (action === "restore") outcome.restored++;
  }
  return outcome;
}
