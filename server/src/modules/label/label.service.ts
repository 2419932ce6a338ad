import { and, desc, eq, gt, inArray, isNotNull, isNull, notInArray } from "drizzle-orm";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { uniqueViolation } from "../../db/errors";
import {
  applications,
  badgeClasses,
  badgeEquivalences,
  collections,
  credentials,
  type LabelCheck,
  labelRequests,
  organisations,
  programmes,
} from "../../db/schema";
import { AppError } from "../../errors";
import { finalStates, RENEWAL_WINDOW_MONTHS } from "../applications/applications.rules";
import { type Actor, appendAudit } from "../audit/audit.repo";
import { listUsersWithRole, type UserRow } from "../auth/auth.repo";
import { forgetCredential } from "../credentials/credentials.service";
import { addMonths, credentialUrl, enqueueIssuance } from "../credentials/issuance.service";
import { generatedReasons } from "../credentials/reasons";
import { forgetStatusLists } from "../credentials/status-lists.service";
import { queueEmail } from "../email/mailer";
import { enqueueJob } from "../jobs/jobs.repo";
import { actorOf, loadOrganisationFor } from "../organisations/organisations.service";
import { authorize, type Principal } from "../policy/policy";
import {
  type Equivalence,
  type HeldAward,
  isValidAt,
  type LabelRule,
  type LabelState,
  labelAtRiskFrom,
  labelDecision,
  labelEligibility,
  resolveBadge,
} from "./label.rules";

/** A badge is "expiring" when it ends within this many months: time to apply for renewal. */
export const EXPIRING_MONTHS = RENEWAL_WINDOW_MONTHS;
export const LABEL_PROGRAMME = "label-cfa";

export type BadgeProgress = "held" | "expiring" | "pending" | "lapsed" | "missing";
type CredentialRow = typeof credentials.$inferSelect;

/** The collection in force, its badges, its label badge and every equivalence: the rule as data. */
async function loadLabelRule(q: Queryable) {
  const [current] = await q
    .select({ collection: collections, programme: programmes })
    .from(collections)
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(and(eq(programmes.slug, LABEL_PROGRAMME), eq(collections.inForce, true)));
  if (!current) throw new AppError("NOT_FOUND");
  const rows = await q
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.collectionId, current.collection.id))
    .orderBy(badgeClasses.position);
  const badges = rows.filter((b) => b.kind === "badge");
  const equivalences: Equivalence[] = await q
    .select({ fromBadgeId: badgeEquivalences.fromBadgeId, toBadgeId: badgeEquivalences.toBadgeId })
    .from(badgeEquivalences);
  const rule: LabelRule = {
    collectionId: current.collection.id,
    badges: badges.map((b) => ({ id: b.id, required: b.required })),
    total: current.collection.labelTotal,
  };
  return {
    ...current,
    badges,
    labelBadge: rows.find((b) => b.kind === "label"),
    rule,
    equivalences,
  };
}

/** What an organisation holds: its badges (of any collection) as awards, and its labels. */
async function holdings(q: Queryable, organisationId: string) {
  const rows = await q
    .select({ credential: credentials, kind: badgeClasses.kind })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .where(eq(credentials.subjectOrgId, organisationId))
    .orderBy(desc(credentials.validFrom));
  const awards: HeldAward[] = rows
    .filter((r) => r.kind === "badge")
    .map(({ credential: c }) => ({
      awardId: c.id,
      badgeId: c.badgeClassId,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      revokedAt: c.revokedAt,
    }));
  const labels = rows.filter((r) => r.kind === "label").map((r) => r.credential);
  return { awards, labels };
}

/** The label that speaks for the organisation: the newest one not revoked, else the newest. */
function currentLabel(labels: readonly CredentialRow[]) {
  return labels.find((l) => !l.revokedAt) ?? labels[0];
}

export function labelStateOf(label: CredentialRow | undefined, now: Date): LabelState {
  if (!label) return "none";
  if (label.revokedAt) return "revoked";
  if (label.validUntil && label.validUntil <= now) return "expired";
  if (label.suspendedAt) return "suspended";
  return "active";
}

/**
 * Whether a label request may be made now, and of which kind: a first award,
 * or a renewal once the label is within its last months (or has ended).
 */
function requestRules(state: LabelState, label: CredentialRow | undefined, now: Date) {
  const renewalWindow =
    (state === "active" || state === "suspended") &&
    !!label?.validUntil &&
    label.validUntil <= addMonths(now, EXPIRING_MONTHS);
  const kind: "first" | "renewal" =
    state === "expired" || renewalWindow ? "renewal" : ("first" as const);
  const open = state === "none" || state === "revoked" || state === "expired" || renewalWindow;
  return { kind, open };
}

/**
 * Where an organisation stands against the label rule of the collection in
 * force: each badge held, expiring, pending (an application in progress) or
 * missing, what the rule says, and the label itself.
 */
export async function labelProgress(
  ctx: AppContext,
  organisationId: string,
  now = new Date(),
  options: { excludeCredentialId?: string; db?: Queryable } = {},
) {
  const db = options.db ?? ctx.db;
  const loaded = await loadLabelRule(db);
  const { badges, rule, equivalences } = loaded;
  const { awards: all, labels } = await holdings(db, organisationId);
  const awards = all.filter((a) => a.awardId !== options.excludeCredentialId);
  const open = await db
    .select({
      badgeClassId: applications.badgeClassId,
      state: applications.state,
      id: applications.id,
    })
    .from(applications)
    .where(
      and(
        eq(applications.organisationId, organisationId),
        inArray(
          applications.badgeClassId,
          badges.map((b) => b.id),
        ),
        notInArray(applications.state, [...finalStates]),
      ),
    );
  const eligibility = labelEligibility(rule, awards, equivalences, now);
  const soon = addMonths(now, EXPIRING_MONTHS);
  const label = currentLabel(labels);
  const state = labelStateOf(label, now);
  const [request] = await db
    .select()
    .from(labelRequests)
    .where(eq(labelRequests.organisationId, organisationId))
    .orderBy(desc(labelRequests.createdAt))
    .limit(1);
  const rules = requestRules(state, label, now);
  // Badges once held whose every award has expired or been withdrawn: to renew.
  const lapsed = new Set(
    awards
      .filter((a) => !isValidAt(a, now) && a.validFrom <= now)
      .map((a) => resolveBadge(a.badgeId, rule, equivalences))
      .filter((id): id is string => !!id),
  );
  return {
    programme: { slug: loaded.programme.slug, name: loaded.programme.name },
    collection: loaded.collection.version,
    eligible: eligibility.eligible,
    count: eligibility.count,
    total: eligibility.total,
    requiredTotal: badges.filter((b) => b.required).length,
    requiredHeld: badges.filter((b) => b.required && !eligibility.missingRequired.includes(b.id))
      .length,
    atRiskFrom: labelAtRiskFrom(rule, awards, equivalences, now)?.toISOString() ?? null,
    label: {
      state,
      credentialId: label?.id ?? null,
      validUntil: label?.validUntil?.toISOString() ?? null,
      suspendedAt: label?.suspendedAt?.toISOString() ?? null,
      suspensionReason: label?.suspensionReason ?? null,
      image: loaded.labelBadge
        ? `${ctx.config.publicUrl}/api/public/badges/${loaded.labelBadge.id}/image.svg`
        : null,
      request: request
        ? {
            id: request.id,
            kind: request.kind as "first" | "renewal",
            state: request.state as "pending" | "confirmed" | "refused" | "withdrawn",
            createdAt: request.createdAt.toISOString(),
            decidedAt: request.decidedAt?.toISOString() ?? null,
            motivation: request.motivation,
          }
        : null,
      canRequest:
        eligibility.eligible && rules.open && request?.state !== "pending" && !!loaded.labelBadge,
      requestKind: rules.kind,
    },
    badges: badges.map((b) => {
      const counted = eligibility.counted.find((c) => c.badgeId === b.id);
      const application = open.find((a) => a.badgeClassId === b.id);
      const state: BadgeProgress = counted
        ? counted.validUntil && counted.validUntil <= soon
          ? "expiring"
          : "held"
        : application
          ? "pending"
          : lapsed.has(b.id)
            ? "lapsed"
            : "missing";
      return {
        id: b.id,
        name: b.name,
        required: b.required,
        state,
        validUntil: counted?.validUntil?.toISOString() ?? null,
        credentialId: counted?.awardId ?? null,
        applicationId: application?.id ?? null,
        image: `${ctx.config.publicUrl}/api/public/badges/${b.id}/image.svg`,
      };
    }),
  };
}

/**
 * Tells the CFA the day a new badge makes it meet the label's rule (and only
 * that day: the email is keyed by the badge that tipped it over). A CFA that
 * already holds the label hears about restoration instead.
 *
 * Runs inside the transaction that issues the badge (`tx`), so that the
 * email is queued if and only if the badge is stored: a process killed just
 * after the commit cannot lose it. The caller holds the organisation's row,
 * so two badges issued at once are judged one after the other.
 */
export async function notifyIfNewlyEligible(
  ctx: AppContext,
  tx: Queryable,
  organisationId: string,
  credentialId: string,
) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  if (org?.kind !== "cfa") return;
  const now = new Date();
  const withIt = await labelProgress(ctx, organisationId, now, { db: tx });
  if (!withIt.eligible) return;
  if (withIt.label.state === "active" || withIt.label.state === "suspended") return;
  const without = await labelProgress(ctx, organisationId, now, {
    excludeCredentialId: credentialId,
    db: tx,
  });
  if (without.eligible) return;
  await queueEmail(tx, {
    to: org.contactEmail,
    locale: "fr",
    uniqueKey: `label-eligible:${organisationId}:${credentialId}`,
    template: {
      name: "label_eligible",
      organisation: org.name,
      count: withIt.count,
      url: `${ctx.config.publicUrl}/organisations/${org.id}/label`,
    },
  });
}

/** The automatic check, as recorded on a request and shown to the manager. */
function checkOf(eligibility: ReturnType<typeof labelEligibility>): LabelCheck {
  return {
    eligible: eligibility.eligible,
    count: eligibility.count,
    total: eligibility.total,
    missingRequired: eligibility.missingRequired,
    counted: eligibility.counted.map((c) => ({
      badgeId: c.badgeId,
      credentialId: c.awardId,
      validUntil: c.validUntil?.toISOString() ?? null,
    })),
  };
}

const loadCfa = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(ctx, principal, organisationId, "label.request", "cfa", "LABEL_NOT_ELIGIBLE");

/**
 * A CFA asks for the label (or its renewal). The rule is checked at once;
 * the request waits for a manager's confirmation with the check attached.
 */
export async function requestLabel(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  organisationId: string,
  now = new Date(),
) {
  const org = await loadCfa(ctx, principal, organisationId);
  return createLabelRequest(ctx, org, { id: user.id, actor: actorOf(user) }, now);
}

/** The request itself, for an organisation already authorised (the demo seed uses it directly). */
export async function createLabelRequest(
  ctx: AppContext,
  org: typeof organisations.$inferSelect,
  by: { id: string | null; actor: Actor },
  now = new Date(),
) {
  const progress = await labelProgress(ctx, org.id, now);
  if (progress.label.request?.state === "pending") throw new AppError("LABEL_REQUEST_PENDING");
  if (!progress.eligible) throw new AppError("LABEL_NOT_ELIGIBLE");
  if (!progress.label.canRequest) throw new AppError("LABEL_ALREADY_HELD");
  const loaded = await loadLabelRule(ctx.db);
  const { awards } = await holdings(ctx.db, org.id);
  const check = checkOf(labelEligibility(loaded.rule, awards, loaded.equivalences, now));
  const managers = await listUsersWithRole(ctx.db, "programme_manager");
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(labelRequests)
        .values({
          organisationId: org.id,
          collectionId: loaded.collection.id,
          kind: progress.label.requestKind,
          check,
          requestedBy: by.id,
        })
        .returning();
      await appendAudit(tx, {
        actor: by.actor,
        action: "label.requested",
        targetType: "label_request",
        targetId: row!.id,
        data: { organisation: org.name, kind: row!.kind, count: check.count },
      });
      for (const manager of managers)
        await queueEmail(tx, {
          to: manager.email,
          locale: manager.locale === "en" ? "en" : "fr",
          uniqueKey: `label-requested:${row!.id}:${manager.id}`,
          template: {
            name: "label_requested",
            organisation: org.name,
            kind: row!.kind as "first" | "renewal",
            count: check.count,
            url: `${ctx.config.publicUrl}/gestion/labels`,
          },
        });
      return row!;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("LABEL_REQUEST_PENDING");
    throw error;
  }
}

export async function withdrawLabelRequest(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  requestId: string,
) {
  const [request] = await ctx.db
    .select()
    .from(labelRequests)
    .where(eq(labelRequests.id, requestId));
  if (!request) throw new AppError("NOT_FOUND");
  const org = await loadCfa(ctx, principal, request.organisationId);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(labelRequests)
      .set({ state: "withdrawn", decidedAt: new Date(), decidedBy: user.id })
      .where(and(eq(labelRequests.id, requestId), eq(labelRequests.state, "pending")))
      .returning();
    if (!updated) throw new AppError("LABEL_REQUEST_DECIDED");
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "label.withdrawn",
      targetType: "label_request",
      targetId: requestId,
      data: { organisation: org.name },
    });
  });
}

/** Managers' queue: each request with the check made then and the rule as it stands now. */
export async function listLabelRequests(ctx: AppContext, principal: Principal, now = new Date()) {
  authorize(principal, "label.decide");
  const rows = await ctx.db
    .select({ request: labelRequests, org: organisations })
    .from(labelRequests)
    .innerJoin(organisations, eq(organisations.id, labelRequests.organisationId))
    .orderBy(desc(labelRequests.createdAt))
    .limit(200);
  const loaded = await loadLabelRule(ctx.db);
  const names = new Map<string, string>(
    (await ctx.db.select({ id: badgeClasses.id, name: badgeClasses.name }).from(badgeClasses)).map(
      (b) => [b.id, b.name],
    ),
  );
  const result = [];
  for (const { request, org } of rows) {
    const live =
      request.state === "pending"
        ? labelEligibility(
            loaded.rule,
            (await holdings(ctx.db, org.id)).awards,
            loaded.equivalences,
            now,
          )
        : null;
    result.push({
      id: request.id,
      organisation: { id: org.id, name: org.name },
      kind: request.kind as "first" | "renewal",
      state: request.state as "pending" | "confirmed" | "refused" | "withdrawn",
      createdAt: request.createdAt.toISOString(),
      decidedAt: request.decidedAt?.toISOString() ?? null,
      motivation: request.motivation,
      check: {
        eligible: request.check.eligible,
        count: request.check.count,
        total: request.check.total,
        counted: request.check.counted.map((c) => ({
          badge: names.get(c.badgeId) ?? c.badgeId,
          credentialId: c.credentialId,
          validUntil: c.validUntil,
        })),
      },
      now: live
        ? {
            eligible: live.eligible,
            count: live.count,
            missingRequired: live.missingRequired.map((id) => names.get(id) ?? id),
          }
        : null,
    });
  }
  return result;
}

/**
 * The manager's decision. Confirming checks the rule again (badges may have
 * lapsed since the request) and issues the label as a job, with the counted
 * badges as its evidence; refusing tells the CFA why.
 */
export async function decideLabelRequest(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  requestId: string,
  input: { decision: "confirm" | "refuse"; motivation: string },
  now = new Date(),
) {
  authorize(principal, "label.decide");
  const [found] = await ctx.db
    .select({ request: labelRequests, org: organisations })
    .from(labelRequests)
    .innerJoin(organisations, eq(organisations.id, labelRequests.organisationId))
    .where(eq(labelRequests.id, requestId));
  if (!found) throw new AppError("NOT_FOUND");
  if (found.request.state !== "pending") throw new AppError("LABEL_REQUEST_DECIDED");
  const loaded = await loadLabelRule(ctx.db);
  const eligibility = labelEligibility(
    loaded.rule,
    (await holdings(ctx.db, found.org.id)).awards,
    loaded.equivalences,
    now,
  );
  if (input.decision === "confirm" && (!eligibility.eligible || !loaded.labelBadge))
    throw new AppError("LABEL_NOT_ELIGIBLE");
  const names = new Map(loaded.badges.map((b) => [b.id, b.name]));
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(labelRequests)
      .set({
        state: input.decision === "confirm" ? "confirmed" : "refused",
        decidedAt: now,
        decidedBy: user.id,
        motivation: input.motivation,
      })
      .where(and(eq(labelRequests.id, requestId), eq(labelRequests.state, "pending")))
      .returning();
    if (!updated) throw new AppError("LABEL_REQUEST_DECIDED");
    await appendAudit(tx, {
      actor: actorOf(user),
      action: input.decision === "confirm" ? "label.confirmed" : "label.refused",
      targetType: "label_request",
      targetId: requestId,
      data: { organisation: found.org.name, count: eligibility.count },
    });
    if (input.decision === "confirm")
      await enqueueIssuance(tx, {
        grantKey: `label-request:${requestId}`,
        badgeClassId: loaded.labelBadge!.id,
        subjectOrgId: found.org.id,
        validFrom: now,
        evidence: eligibility.counted.map((c) => ({
          id: credentialUrl(ctx.config, c.awardId),
          name: names.get(c.badgeId) ?? "",
        })),
      });
    else
      await queueEmail(tx, {
        to: found.org.contactEmail,
        locale: "fr",
        template: {
          name: "label_refused",
          organisation: found.org.name,
          motivation: input.motivation,
          url: `${ctx.config.publicUrl}/organisations/${found.org.id}/label`,
        },
      });
  });
}

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
  const [org] = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId));
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
      const [updated] = await tx
        .update(credentials)
        .set({ suspendedAt: now, suspensionReason: reason })
        .where(and(eq(credentials.id, label.id), isNull(credentials.suspendedAt)))
        .returning({ id: credentials.id });
      if (!updated) return false;
      await appendAudit(tx, {
        actor,
        action: "label.suspended",
        targetType: "credential",
        targetId: label.id,
        data: { organisation: org.name, reason, count: eligibility.count },
      });
      await queueEmail(tx, {
        to: org.contactEmail,
        locale: "fr",
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
      const [updated] = await tx
        .update(credentials)
        .set({ suspendedAt: null, suspensionReason: null })
        .where(and(eq(credentials.id, label.id), isNotNull(credentials.suspendedAt)))
        .returning({ id: credentials.id });
      if (!updated) return false;
      await appendAudit(tx, {
        actor,
        action: "label.restored",
        targetType: "credential",
        targetId: label.id,
        data: { organisation: org.name, count: eligibility.count },
      });
      await queueEmail(tx, {
        to: org.contactEmail,
        locale: "fr",
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
  const holders = await ctx.db
    .selectDistinct({ id: credentials.subjectOrgId })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .where(
      and(
        eq(badgeClasses.kind, "label"),
        isNull(credentials.revokedAt),
        gt(credentials.validUntil, now),
      ),
    );
  const outcome = { suspended: 0, restored: 0 };
  for (const { id } of holders) {
    if (!id) continue;
    const action = await reassessLabel(ctx, id, now);
    if (action === "suspend") outcome.suspended++;
    if (action === "restore") outcome.restored++;
  }
  return outcome;
}

export const LABEL_QUEUE = "label.reassess";

/**
 * Reassesses an organisation's label as a job, enqueued in the caller's
 * transaction: a revocation or a new award is never committed without the
 * label following it, even if the process dies just after.
 */
export async function enqueueLabelReassessment(q: Queryable, organisationId: string) {
  await enqueueJob(q, { queue: LABEL_QUEUE, payload: { organisationId } });
}

export function labelJobHandler(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    if (typeof payload.organisationId === "string")
      await reassessLabel(ctx, payload.organisationId);
  };
}
