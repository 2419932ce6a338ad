import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { AppContext } from "../../context";
import {
  applications,
  badgeClasses,
  collections,
  credentials,
  organisations,
  programmes,
} from "../../db/schema";
import { AppError } from "../../errors";
import { finalStates } from "../applications/applications.rules";
import { addMonths } from "../credentials/issuance.service";
import { queueEmail } from "../email/mailer";
import { type HeldAward, type LabelRule, labelAtRiskFrom, labelEligibility } from "./label.rules";

/** A badge is "expiring" when it ends within this many months: time to apply for renewal. */
export const EXPIRING_MONTHS = 6;

export type BadgeProgress = "held" | "expiring" | "pending" | "missing";

/**
 * Where an organisation stands against the label rule of the collection in
 * force: each badge held, expiring, pending (an application in progress) or
 * missing, and what the rule says.
 */
export async function labelProgress(
  ctx: AppContext,
  organisationId: string,
  now = new Date(),
  options: { excludeCredentialId?: string } = {},
) {
  const [current] = await ctx.db
    .select({ collection: collections, programme: programmes })
    .from(collections)
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(and(eq(programmes.slug, "label-cfa"), eq(collections.inForce, true)));
  if (!current) throw new AppError("NOT_FOUND");
  const badges = await ctx.db
    .select()
    .from(badgeClasses)
    .where(
      and(eq(badgeClasses.collectionId, current.collection.id), eq(badgeClasses.kind, "badge")),
    )
    .orderBy(badgeClasses.position);
  const held = await ctx.db
    .select()
    .from(credentials)
    .where(eq(credentials.subjectOrgId, organisationId));
  const open = await ctx.db
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
  const rule: LabelRule = {
    collectionId: current.collection.id,
    badges: badges.map((b) => ({ id: b.id, required: b.required })),
    total: current.collection.labelTotal,
  };
  const awards: HeldAward[] = held
    .filter((c) => c.id !== options.excludeCredentialId)
    .map((c) => ({
      awardId: c.id,
      badgeId: c.badgeClassId,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      revokedAt: c.revokedAt,
    }));
  const eligibility = labelEligibility(rule, awards, [], now);
  const soon = addMonths(now, EXPIRING_MONTHS);
  return {
    programme: { slug: current.programme.slug, name: current.programme.name },
    collection: current.collection.version,
    eligible: eligibility.eligible,
    count: eligibility.count,
    total: eligibility.total,
    requiredTotal: badges.filter((b) => b.required).length,
    requiredHeld: badges.filter((b) => b.required && !eligibility.missingRequired.includes(b.id))
      .length,
    atRiskFrom: labelAtRiskFrom(rule, awards, [], now)?.toISOString() ?? null,
    badges: badges.map((b) => {
      const counted = eligibility.counted.find((c) => c.badgeId === b.id);
      const application = open.find((a) => a.badgeClassId === b.id);
      const state: BadgeProgress = counted
        ? counted.validUntil && counted.validUntil <= soon
          ? "expiring"
          : "held"
        : application
          ? "pending"
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
 * that day: the email is keyed by the badge that tipped it over).
 */
export async function notifyIfNewlyEligible(
  ctx: AppContext,
  organisationId: string,
  credentialId: string,
) {
  const [org] = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (org?.kind !== "cfa") return;
  const now = new Date();
  const withIt = await labelProgress(ctx, organisationId, now);
  if (!withIt.eligible) return;
  const without = await labelProgress(ctx, organisationId, now, {
    excludeCredentialId: credentialId,
  });
  if (without.eligible) return;
  await queueEmail(ctx.db, {
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
