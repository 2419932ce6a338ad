import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import {
  applications,
  awardBatches,
  badgeClasses,
  collections,
  credentials,
  partnerParticipations,
  programmes,
} from "../../db/schema";
import { AppError, errorMessage } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import type { UserRow } from "../auth/auth.repo";
import type { Criterion } from "../catalogue/catalogue.types";
import { findOrCreateEarner } from "../competences/ingestion.service";
import { credentialStatus, revokeCredential } from "../credentials/credentials.service";
import { credentialUrl, issueCredential } from "../credentials/issuance.service";
import { generatedReasons } from "../credentials/reasons";
import { enqueueJob } from "../jobs/jobs.repo";
import { actorOf, loadOrganisationFor, slugify } from "../organisations/organisations.service";
import type { Principal } from "../policy/policy";
import { parseAwardCsv } from "./award-csv";
import { isParticipant, participationOf } from "./participation";

export const AWARD_BATCH_QUEUE = "partners.award-batch";

export type OwnBadgeInput = {
  name: string;
  recognises: string;
  criteria: Criterion[];
  validityMonths: number;
  color: string;
};

const loadPartner = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(
    ctx,
    principal,
    organisationId,
    "partner.ownBadges.manage",
    "partner",
    "REGISTRATION_NOT_PARTNER",
  );

async function requireParticipant(q: Queryable, organisationId: string) {
  if (!(await isParticipant(q, organisationId))) throw new AppError("PARTNER_NOT_PARTICIPANT");
}

/** The partner's own catalogue on Blason: a programme it owns, with one collection in force. */
async function ownCollection(q: Queryable, org: { id: string; slug: string; name: string }) {
  const slug = `partenaire-${org.slug}`;
  const programme =
    (await q.select().from(programmes).where(eq(programmes.ownerOrgId, org.id)))[0] ??
    (
      await q
        .insert(programmes)
        .values({
          slug,
          name: `Badges de ${org.name}`,
          description: `Les badges que ${org.name} délivre sur Blason.`,
          ownerOrgId: org.id,
        })
        .returning()
    )[0]!;
  const [collection] = await q
    .select()
    .from(collections)
    .where(and(eq(collections.programmeId, programme.id), eq(collections.inForce, true)));
  if (collection) return collection;
  const [created] = await q
    .insert(collections)
    .values({
      programmeId: programme.id,
      version: "1",
      name: programme.name,
      labelTotal: 1,
      inForce: true,
      publishedAt: new Date(),
    })
    .returning();
  return created!;
}

/** The partner's badges, each with how many people hold it. */
export async function listOwnBadges(ctx: AppContext, principal: Principal, organisationId: string) {
  const org = await loadPartner(ctx, principal, organisationId);
  const rows = await ctx.db
    .select({ badge: badgeClasses, awarded: count(credentials.id) })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .leftJoin(
      credentials,
      and(eq(credentials.badgeClassId, badgeClasses.id), isNull(credentials.revokedAt)),
    )
    .where(eq(programmes.ownerOrgId, org.id))
    .groupBy(badgeClasses.id)
    .orderBy(asc(badgeClasses.position));
  return {
    participant: await isParticipant(ctx.db, org.id),
    onboarding: await onboardingFor(ctx.db, org.id),
    badges: rows.map(({ badge, awarded }) => ({
      id: badge.id,
      name: badge.name,
      recognises: badge.recognises,
      criteria: badge.criteria,
      validityMonths: badge.validityMonths,
      color: badge.color,
      awarded: Number(awarded),
      image: `${ctx.config.publicUrl}/api/public/badges/${badge.id}/image.svg`,
      url: `${ctx.config.publicUrl}/badges/${badge.id}`,
    })),
  };
}

/**
 * Where the partner stands with the Participant and Ambassadeur badges: the
 * badge to request, its latest request, and the participation it gave.
 */
async function onboardingFor(q: Queryable, organisationId: string) {
  const badges = await q
    .select({ id: badgeClasses.id, rule: badgeClasses.rule })
    .from(badgeClasses)
    .innerJoin(
      collections,
      and(eq(collections.id, badgeClasses.collectionId), eq(collections.inForce, true)),
    )
    .where(sql`${badgeClasses.rule}->>'kind' = 'participation'`);
  const requests = await q
    .select({
      id: applications.id,
      badgeClassId: applications.badgeClassId,
      state: applications.state,
    })
    .from(applications)
    .where(eq(applications.organisationId, organisationId))
    .orderBy(desc(applications.createdAt));
  const held = await q
    .select()
    .from(partnerParticipations)
    .where(eq(partnerParticipations.organisationId, organisationId))
    .orderBy(desc(partnerParticipations.validFrom));
  return badges.flatMap((b) => {
    const kind = participationOf(b);
    if (!kind) return [];
    const request = requests.find((r) => r.badgeClassId === b.id);
    const now = Date.now();
    const current = held.find(
      (p) =>
        p.kind === kind &&
        p.validFrom.getTime() <= now &&
        (!p.validUntil || p.validUntil.getTime() > now),
    );
    return [
      {
        kind,
        badgeClassId: b.id,
        request: request ? { id: request.id, state: request.state } : null,
        validUntil: current ? (current.validUntil?.toISOString() ?? null) : null,
        active: !!current,
      },
    ];
  });
}

export async function createOwnBadge(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  organisationId: string,
  input: OwnBadgeInput,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  await requireParticipant(ctx.db, org.id);
  return ctx.db.transaction(async (tx) => {
    const badge = await createOwnBadgeIn(tx, org, input);
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "own_badge.created",
      targetType: "badge_class",
      targetId: badge.id,
      data: { organisation: org.name, name: input.name },
    });
    return badge;
  });
}

/** Adds a badge to the partner's own catalogue (created on its first badge). */
export async function createOwnBadgeIn(
  q: Queryable,
  org: { id: string; slug: string; name: string },
  input: OwnBadgeInput,
) {
  const collection = await ownCollection(q, org);
  const [{ next } = { next: 0 }] = await q
    .select({ next: sql<number>`coalesce(max(${badgeClasses.position}) + 1, 0)` })
    .from(badgeClasses)
    .where(eq(badgeClasses.collectionId, collection.id));
  const [badge] = await q
    .insert(badgeClasses)
    .values({
      collectionId: collection.id,
      slug: `${slugify(input.name)}-${randomBytes(3).toString("hex")}`,
      name: input.name,
      recognises: input.recognises,
      criteria: input.criteria,
      required: false,
      validityMonths: input.validityMonths,
      alignments: [],
      color: input.color,
      position: Number(next),
    })
    .returning();
  return badge!;
}

async function loadOwnBadge(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
  badgeId: string,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  const [row] = await ctx.db
    .select({ badge: badgeClasses })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(and(eq(badgeClasses.id, badgeId), eq(programmes.ownerOrgId, org.id)));
  if (!row) throw new AppError("NOT_FOUND");
  return { org, badge: row.badge };
}

/**
 * Awards the badge to one person, signed by the partner's own key. The award
 * exists once per badge and address; the person is emailed, and the badge
 * reaches the competences programme through the Blason channel (a job).
 */
async function award(
  ctx: AppContext,
  org: { id: string },
  badgeId: string,
  person: { email: string; name: string },
  now = new Date(),
) {
  const email = person.email.trim().toLowerCase();
  const earner = await findOrCreateEarner(ctx.db, email, person.name);
  return issueCredential(ctx, {
    grantKey: `own:${badgeId}:${email}`,
    badgeClassId: badgeId,
    subjectUserId: earner.id,
    issuerOrgId: org.id,
    validFrom: now,
  });
}

export async function awardOwnBadge(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
  badgeId: string,
  person: { email: string; name: string },
) {
  const { org, badge } = await loadOwnBadge(ctx, principal, organisationId, badgeId);
  await requireParticipant(ctx.db, org.id);
  const { credential, created } = await award(ctx, org, badge.id, person);
  return { id: credential.id, url: credentialUrl(ctx.config, credential.id), created };
}

export async function listAwards(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
  badgeId: string,
) {
  const { badge } = await loadOwnBadge(ctx, principal, organisationId, badgeId);
  const rows = await ctx.db
    .select()
    .from(credentials)
    .where(eq(credentials.badgeClassId, badge.id))
    .orderBy(desc(credentials.createdAt))
    .limit(500);
  return rows.map((c) => ({
    id: c.id,
    email: c.recipientEmail,
    issuedAt: c.validFrom.toISOString(),
    status: credentialStatus(c),
    claimState: c.claimState,
    url: credentialUrl(ctx.config, c.id),
  }));
}

export async function revokeAward(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  organisationId: string,
  badgeId: string,
  credentialId: string,
  reason: string,
) {
  const { badge } = await loadOwnBadge(ctx, principal, organisationId, badgeId);
  const [row] = await ctx.db
    .select({ id: credentials.id })
    .from(credentials)
    .where(and(eq(credentials.id, credentialId), eq(credentials.badgeClassId, badge.id)));
  if (!row) throw new AppError("NOT_FOUND");
  await revokeCredential(ctx, row.id, reason, actorOf(user));
}

/** A CSV of people: checked at once, then awarded by a job whose progress can be followed. */
export async function startAwardBatch(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  organisationId: string,
  badgeId: string,
  csv: string,
) {
  const { org, badge } = await loadOwnBadge(ctx, principal, organisationId, badgeId);
  await requireParticipant(ctx.db, org.id);
  const parsed = parseAwardCsv(csv);
  if (parsed.tooMany) throw new AppError("AWARD_CSV_TOO_LARGE");
  if (parsed.rows.length === 0) throw new AppError("AWARD_CSV_EMPTY");
  return ctx.db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(awardBatches)
      .values({
        organisationId: org.id,
        badgeClassId: badge.id,
        rows: parsed.rows,
        lines: parsed.rows.length + parsed.problems.length,
        total: parsed.rows.length,
        problems: parsed.problems,
        createdBy: user.id,
      })
      .returning();
    await enqueueJob(tx, {
      queue: AWARD_BATCH_QUEUE,
      uniqueKey: `award-batch:${batch!.id}`,
      payload: { batchId: batch!.id },
    });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "own_badge.batch_started",
      targetType: "badge_class",
      targetId: badge.id,
      data: {
        organisation: org.name,
        people: parsed.rows.length,
        rejected: parsed.problems.length,
      },
    });
    return presentBatch(batch!);
  });
}

/**
 * A batch as its partner reads it, counted in lines of the file: each line is
 * issued, already held or refused (with its number and why), so that once
 * finished the three add up to the lines. The lines refused at the checks
 * count as processed from the start.
 */
function presentBatch(batch: typeof awardBatches.$inferSelect) {
  return {
    id: batch.id,
    lines: batch.lines,
    processed: batch.lines - batch.total + batch.processed,
    issued: batch.issued,
    alreadyHeld: batch.alreadyHeld,
    refused: [...batch.problems].sort((a, b) => a.line - b.line),
    finished: batch.finishedAt !== null,
  };
}

export async function readAwardBatch(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
  batchId: string,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  const [batch] = await ctx.db
    .select()
    .from(awardBatches)
    .where(and(eq(awardBatches.id, batchId), eq(awardBatches.organisationId, org.id)));
  if (!batch) throw new AppError("NOT_FOUND");
  return presentBatch(batch);
}

/**
 * Awards a batch row by row, recording progress after each: a crash resumes
 * where it stopped, and a row done twice is still one award (its grant key).
 */
export function awardBatchJobHandler(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const batchId = String(payload.batchId);
    const [batch] = await ctx.db.select().from(awardBatches).where(eq(awardBatches.id, batchId));
    if (!batch || batch.finishedAt) return;
    for (let i = batch.processed; i < batch.total; i++) {
      const row = batch.rows[i]!;
      let issued = 0;
      let alreadyHeld = 0;
      let problem: { line: number; email: string; reason: string } | null = null;
      try {
        const result = await award(ctx, { id: batch.organisationId }, batch.badgeClassId, row);
        // After a crash, the row being awarded may have been issued without its count: an award
        // newer than the batch is the batch's own.
        if (result.created || result.credential.createdAt >= batch.createdAt) issued = 1;
        else alreadyHeld = 1;
      } catch (error) {
        problem = {
          line: row.line,
          email: row.email,
          reason:
            error instanceof AppError
              ? errorMessage(error.code, "fr")
              : generatedReasons.csvUnexpected.fr,
        };
      }
      await ctx.db
        .update(awardBatches)
        .set({
          processed: i + 1,
          issued: sql`${awardBatches.issued} + ${issued}`,
          alreadyHeld: sql`${awardBatches.alreadyHeld} + ${alreadyHeld}`,
          ...(problem
            ? { problems: sql`${awardBatches.problems} || ${JSON.stringify([problem])}::jsonb` }
            : {}),
          ...(i + 1 === batch.total ? { finishedAt: new Date() } : {}),
        })
        .where(eq(awardBatches.id, batch.id));
    }
  };
}
