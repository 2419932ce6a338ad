import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import type { credentials } from "../../db/schema";
import { AppError } from "../../errors";
import { addMonths } from "../../lib/dates";
import { RENEWAL_WINDOW_MONTHS } from "../applications/applications.rules";
import { listCredentialsHeldBy } from "../credentials/credentials.repo";
import { loadReadableOrganisation } from "../organisations/organisations.service";
import type { Principal } from "../policy/policy";
import {
  findCollectionInForce,
  findLatestLabelRequest,
  listCollectionBadges,
  listEquivalences,
  listOpenApplications,
} from "./label.repo";
import {
  type Equivalence,
  type HeldAward,
  isValidAt,
  type LabelRule,
  type LabelState,
  labelAtRiskFrom,
  labelEligibility,
  resolveBadge,
} from "./label.rules";

/** A badge is "expiring" when it ends within this many months: time to apply for renewal. */
export const EXPIRING_MONTHS = RENEWAL_WINDOW_MONTHS;
export const LABEL_PROGRAMME = "label-cfa";

export type BadgeProgress = "held" | "expiring" | "pending" | "lapsed" | "missing";
type CredentialRow = typeof credentials.$inferSelect;

/** The collection in force, its badges, its label badge and every equivalence: the rule as data. */
export async function loadLabelRule(q: Queryable) {
  const current = await findCollectionInForce(q, LABEL_PROGRAMME);
  if (!current) throw new AppError("NOT_FOUND");
  const rows = await listCollectionBadges(q, current.collection.id);
  const badges = rows.filter((b) => b.kind === "badge");
  const equivalences: Equivalence[] = await listEquivalences(q);
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

/**
 * What an organisation holds: its badges (of any collection) as awards, and
 * its labels. `counts` keeps only some of the badges (those issued up to a
 * given one, to judge what that one changed).
 */
export async function holdings(
  q: Queryable,
  organisationId: string,
  counts: (credential: CredentialRow) => boolean = () => true,
) {
  const rows = await listCredentialsHeldBy(q, organisationId);
  const awards: HeldAward[] = rows
    .filter((r) => r.badge.kind === "badge" && counts(r.credential))
    .map(({ credential: c }) => ({
      awardId: c.id,
      badgeId: c.badgeClassId,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      revokedAt: c.revokedAt,
    }));
  const labels = rows.filter((r) => r.badge.kind === "label").map((r) => r.credential);
  return { awards, labels };
}

/** The label that speaks for the organisation: the newest one not revoked, else the newest. */
export function currentLabel(labels: readonly CredentialRow[]) {
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
  options: { counts?: (credential: CredentialRow) => boolean; db?: Queryable } = {},
) {
  const db = options.db ?? ctx.db;
  const loaded = await loadLabelRule(db);
  const { badges, rule, equivalences } = loaded;
  const { awards, labels } = await holdings(db, organisationId, options.counts);
  const open = await listOpenApplications(db, {
    organisationId,
    badgeIds: badges.map((b) => b.id),
  });
  const eligibility = labelEligibility(rule, awards, equivalences, now);
  const soon = addMonths(now, EXPIRING_MONTHS);
  const label = currentLabel(labels);
  const state = labelStateOf(label, now);
  const request = await findLatestLabelRequest(db, organisationId);
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

/** Where an organisation stands, for those who may read the organisation. */
export async function readLabelProgress(
  ctx: AppContext,
  options: { principal: Principal; organisationId: string },
) {
  const org = await loadReadableOrganisation(ctx, options.principal, options.organisationId);
  return labelProgress(ctx, org.id);
}
