import { randomBytes, randomUUID } from "node:crypto";
import { buildOpenBadgeCredential, hashedIdentifier, statusEntry } from "@blason/openbadges";
import { and, eq, sql } from "drizzle-orm";
import type { Config } from "../../config";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { badgeClasses, credentials, jobs, organisations, users } from "../../db/schema";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import { queueEmail } from "../email/mailer";
import { enqueueJob } from "../jobs/jobs.repo";
import { enqueueLabelReassessment, notifyIfNewlyEligible } from "../label/label.service";
import { activeIssuerKey, findRegion, issuerProfile } from "./issuer.service";
import { allocateStatus, countStatusPosition, statusListUrl } from "./status-lists.service";

export const ISSUE_QUEUE = "credentials.issue";
/** A badge a partner issued on Blason reaches the competences programme as a job. */
export const BLASON_CHANNEL_QUEUE = "competences.blason";
/** A person's regional badges are re-evaluated as a job when their partner badges change. */
export const EVALUATE_QUEUE = "competences.evaluate";

export type CredentialRow = typeof credentials.$inferSelect;

/** What a decision grants: the badge, to whom, from when, with what evidence. */
export type Grant = {
  /** Unique per thing granted (e.g. "application:<id>"): the credential exists once. */
  grantKey: string;
  badgeClassId: string;
  /** An organisation (programme 1) or a person (programme 2) receives it. */
  subjectOrgId?: string;
  subjectUserId?: string;
  /** A partner issuing its own badge on Blason; the Region otherwise. */
  issuerOrgId?: string;
  validFrom: Date;
  evidence?: { id: string; name?: string; narrative?: string }[];
};

export const credentialUrl = (config: Config, id: string) =>
  `${config.publicUrl}/credentials/${id}`;

/** Criteria and alignments as both OB 3.0 and OB 2.0 write them. */
export function achievementParts(config: Config, badge: typeof badgeClasses.$inferSelect) {
  const page = `${config.publicUrl}/badges/${badge.id}`;
  return {
    criteria: {
      id: `${page}#criteres`,
      narrative: badge.criteria.map((c, i) => `${i + 1}. ${c.statement}`).join("\n"),
    },
    ...(badge.alignments.length
      ? {
          alignment: badge.alignments.map((a) => ({
            targetName: `${a.framework} ${a.code} : ${a.name}`,
            targetUrl: `${page}#correspondances`,
            targetCode: a.code,
            targetFramework: a.framework,
          })),
        }
      : {}),
  };
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/**
 * Asks for a person's regional badges to be re-evaluated, inside the
 * caller's transaction. A re-evaluation still waiting reads the database when
 * it runs, so it will see this change too: no second one is queued. Its row
 * is locked until this transaction commits, so a worker cannot start it
 * before the change is visible; one already started is not "pending" and a
 * new one is queued.
 */
export async function enqueueEvaluation(q: Queryable, earnerId: string) {
  const [waiting] = await q
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.queue, EVALUATE_QUEUE),
        eq(jobs.status, "pending"),
        sql`${jobs.payload}->>'earnerId' = ${earnerId}`,
      ),
    )
    .limit(1)
    .for("update");
  if (!waiting) await enqueueJob(q, { queue: EVALUATE_QUEUE, payload: { earnerId } });
}

/**
 * Enqueues the issuance of a grant, inside the caller's transaction: the job
 * exists if and only if the decision does, and only once per grant.
 */
export async function enqueueIssuance(q: Parameters<typeof enqueueJob>[0], grant: Grant) {
  await enqueueJob(q, {
    queue: ISSUE_QUEUE,
    uniqueKey: `issue:${grant.grantKey}`,
    payload: { ...grant, validFrom: grant.validFrom.toISOString() },
  });
}

/**
 * Signs and stores the OB 3.0 credential for a grant, exactly once: a second
 * run (a retried job, a process that died after signing) finds the row and
 * stops; two concurrent runs are decided by the unique grant key.
 */
export async function issueCredential(
  ctx: AppContext,
  grant: Grant,
): Promise<{ credential: CredentialRow; created: boolean }> {
  const existing = await findByGrantKey(ctx, grant.grantKey);
  if (existing) return { credential: existing, created: false };
  const issuer = grant.issuerOrgId
    ? (await ctx.db.select().from(organisations).where(eq(organisations.id, grant.issuerOrgId)))[0]
    : await findRegion(ctx.db);
  if (!issuer) throw new AppError("NOT_FOUND");
  const key = await activeIssuerKey(ctx, issuer);
  const [badge] = await ctx.db
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.id, grant.badgeClassId));
  const subject = await grantSubject(ctx, grant);
  if (!badge || !subject) throw new AppError("NOT_FOUND");
  // A CFA's badge counts towards the label: the "label within reach" email is decided here.
  const countsForLabel = badge.kind === "badge" && !subject.person && subject.kind === "cfa";

  const result = await ctx.db.transaction(async (tx) => {
    // One badge of a CFA at a time, so that each sees the ones issued before it.
    if (countsForLabel)
      await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, subject.id))
        .for("no key update");
    const id = randomUUID();
    const salt = randomBytes(16).toString("hex");
    const validUntil = addMonths(grant.validFrom, badge.validityMonths);
    // The label and a person's regional badges live with their parts: they can
    // be suspended, and revoked. A badge, or a partner's own, is revoked for good.
    const purpose =
      badge.kind === "label" || (subject.person && !grant.issuerOrgId) ? "message" : "revocation";
    const status = await allocateStatus(tx, issuer, purpose);
    const base = ctx.config.publicUrl;
    const identifiers = [
      ...(subject.siret ? [hashedIdentifier("identifier", `SIRET:${subject.siret}`, salt)] : []),
      ...(subject.uai ? [hashedIdentifier("identifier", `UAI:${subject.uai}`, salt)] : []),
      hashedIdentifier("emailAddress", subject.contactEmail, salt),
    ];
    const unsigned = buildOpenBadgeCredential({
      id: credentialUrl(ctx.config, id),
      issuer: issuerProfile(ctx.config, issuer),
      achievement: {
        id: `${base}/badges/${badge.id}`,
        name: badge.name,
        description: badge.recognises,
        ...achievementParts(ctx.config, badge),
        image: { id: `${base}/api/public/badges/${badge.id}/image.png`, caption: badge.name },
        achievementType: badge.kind === "label" ? "Award" : "Badge",
      },
      subject: { identifier: identifiers },
      validFrom: grant.validFrom,
      validUntil,
      ...(grant.evidence?.length ? { evidence: grant.evidence } : {}),
      // OB 3.0 allows one status entry: for what can be both suspended and
      // revoked, one "message" entry whose two bits say which.
      credentialStatus: statusEntry({
        listUrl: statusListUrl(ctx.config, status.listId),
        index: status.index,
        purpose,
      }),
    });
    const document = await ctx.workers.sign(unsigned, { key, date: new Date() });
    const [row] = await tx
      .insert(credentials)
      .values({
        id,
        grantKey: grant.grantKey,
        badgeClassId: badge.id,
        issuerId: issuer.id,
        subjectOrgId: subject.person ? null : subject.id,
        subjectUserId: subject.person ? subject.id : null,
        statusList: status.listId,
        statusIndex: status.index,
        validFrom: grant.validFrom,
        validUntil,
        document: document as Record<string, unknown>,
        ob2Salt: salt,
        recipientEmail: subject.contactEmail,
      })
      .onConflictDoNothing({ target: credentials.grantKey })
      .returning();
    if (!row) return undefined;
    await countStatusPosition(tx, status.listId);
    if (countsForLabel) {
      // A new badge may bring a suspended label back: the label follows, as a job.
      await enqueueLabelReassessment(tx, subject.id);
      await notifyIfNewlyEligible(ctx, tx, subject.id, row.id);
    }
    await appendAudit(tx, {
      actor: { kind: "system", label: "Blason" },
      action: "credential.issued",
      targetType: "credential",
      targetId: row.id,
      data: { badge: badge.name, organisation: subject.name, grantKey: grant.grantKey },
    });
    if (grant.issuerOrgId)
      await enqueueJob(tx, {
        queue: BLASON_CHANNEL_QUEUE,
        uniqueKey: `blason-channel:${row.id}`,
        payload: { credentialId: row.id },
      });
    await queueEmail(tx, {
      to: subject.contactEmail,
      locale: "fr",
      template: grant.issuerOrgId
        ? {
            name: "partner_badge_awarded",
            person: subject.name,
            issuer: issuer.name,
            badge: badge.name,
            publicUrl: credentialUrl(ctx.config, row.id),
            passportUrl: `${base}/mes-badges`,
          }
        : subject.person
          ? {
              name: "regional_badge_awarded",
              person: subject.name,
              badge: badge.name,
              publicUrl: credentialUrl(ctx.config, row.id),
            }
          : {
              name: "badge_awarded",
              organisation: subject.name,
              badge: badge.name,
              url: `${base}/organisations/${subject.id}/badges`,
              publicUrl: credentialUrl(ctx.config, row.id),
            },
    });
    return row;
  });
  if (result) return { credential: result, created: true };
  // Another run won the race: its credential is the one.
  const winner = await findByGrantKey(ctx, grant.grantKey);
  if (!winner) throw new Error(`credential for ${grant.grantKey} vanished`);
  return { credential: winner, created: false };
}

/** Who receives a grant: an organisation, or a person (identified by a hashed email). */
async function grantSubject(ctx: AppContext, grant: Grant) {
  if (grant.subjectOrgId) {
    const [org] = await ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, grant.subjectOrgId));
    return org ? { ...org, person: false as const } : undefined;
  }
  if (!grant.subjectUserId) return undefined;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, grant.subjectUserId));
  return user
    ? {
        id: user.id,
        name: user.name,
        contactEmail: user.email,
        siret: null,
        uai: null,
        person: true as const,
      }
    : undefined;
}

async function findByGrantKey(ctx: AppContext, grantKey: string) {
  const [row] = await ctx.db.select().from(credentials).where(eq(credentials.grantKey, grantKey));
  return row;
}

export function issueJobHandler(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const grant = payload as Omit<Grant, "validFrom"> & { validFrom: string };
    await issueCredential(ctx, { ...grant, validFrom: new Date(grant.validFrom) });
  };
}
