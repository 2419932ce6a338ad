import type { AppContext } from "../../context";
import { AppError, errorMessage } from "../../errors";
import { credentialUrl } from "../../lib/urls";
import { appendAudit } from "../audit/audit.repo";
import { findOrCreateEarner } from "../competences/competences.repo";
import { credentialStatus, revokeCredential } from "../credentials/credentials.service";
import { issueCredential } from "../credentials/issuance.service";
import { generatedReasons } from "../credentials/reasons";
import { enqueue, handle, type QueueName } from "../jobs/queues";
import { actorOf } from "../organisations/organisations.service";
import type { Caller, Principal } from "../policy/policy";
import { parseAwardCsv } from "./award-csv";
import { loadOwnBadge, loadPartner, requireParticipant } from "./own-badges.access";
import {
  type AwardBatchRow,
  type AwardProblem,
  awardsOf,
  findAwardBatch,
  findAwardOf,
  insertAwardBatch,
  recordBatchRow,
} from "./own-badges.repo";

export const AWARD_BATCH_QUEUE = "partners.award-batch" satisfies QueueName;

type OwnBadgeRef = { caller: Caller; organisationId: string; badgeId: string };

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
  input: Omit<OwnBadgeRef, "caller"> & {
    caller: { principal: Principal };
    person: { email: string; name: string };
  },
) {
  const { org, badge } = await loadOwnBadge(
    ctx,
    input.caller.principal,
    input.organisationId,
    input.badgeId,
  );
  await requireParticipant(ctx.db, org.id);
  const { credential, created } = await award(ctx, org, badge.id, input.person);
  return { id: credential.id, url: credentialUrl(ctx.config, credential.id), created };
}

export async function listAwards(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
  badgeId: string,
) {
  const { badge } = await loadOwnBadge(ctx, principal, organisationId, badgeId);
  const rows = await awardsOf(ctx.db, badge.id);
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
  input: OwnBadgeRef & { credentialId: string; reason: string },
) {
  const { badge } = await loadOwnBadge(
    ctx,
    input.caller.principal,
    input.organisationId,
    input.badgeId,
  );
  const row = await findAwardOf(ctx.db, badge.id, input.credentialId);
  if (!row) throw new AppError("NOT_FOUND");
  await revokeCredential(ctx, row.id, input.reason, actorOf(input.caller.user));
}

/** A CSV of people: checked at once, then awarded by a job whose progress can be followed. */
export async function startAwardBatch(ctx: AppContext, input: OwnBadgeRef & { csv: string }) {
  const { caller } = input;
  const { org, badge } = await loadOwnBadge(
    ctx,
    caller.principal,
    input.organisationId,
    input.badgeId,
  );
  await requireParticipant(ctx.db, org.id);
  const parsed = parseAwardCsv(input.csv);
  if (parsed.tooMany) throw new AppError("AWARD_CSV_TOO_LARGE");
  if (parsed.rows.length === 0) throw new AppError("AWARD_CSV_EMPTY");
  return ctx.db.transaction(async (tx) => {
    const batch = await insertAwardBatch(tx, {
      organisationId: org.id,
      badgeClassId: badge.id,
      rows: parsed.rows,
      lines: parsed.rows.length + parsed.problems.length,
      total: parsed.rows.length,
      problems: parsed.problems,
      createdBy: caller.user.id,
    });
    await enqueue(
      tx,
      AWARD_BATCH_QUEUE,
      { batchId: batch.id },
      { uniqueKey: `award-batch:${batch.id}` },
    );
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "own_badge.batch_started",
      targetType: "badge_class",
      targetId: badge.id,
      data: {
        organisation: org.name,
        people: parsed.rows.length,
        rejected: parsed.problems.length,
      },
    });
    return presentBatch(batch);
  });
}

/**
 * A batch as its partner reads it, counted in lines of the file: each line is
 * issued, already held or refused (with its number and why), so that once
 * finished the three add up to the lines. The lines refused at the checks
 * count as processed from the start.
 */
function presentBatch(batch: AwardBatchRow) {
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
  const batch = await findAwardBatch(ctx.db, batchId, org.id);
  if (!batch) throw new AppError("NOT_FOUND");
  return presentBatch(batch);
}

/**
 * Awards a batch row by row, recording progress after each: a crash resumes
 * where it stopped, and a row done twice is still one award (its grant key).
 */
export async function runAwardBatch(ctx: AppContext, batchId: string) {
  const batch = await findAwardBatch(ctx.db, batchId);
  if (!batch || batch.finishedAt) return;
  for (let i = batch.processed; i < batch.total; i++) {
    const row = batch.rows[i]!;
    let issued = 0;
    let alreadyHeld = 0;
    let problem: AwardProblem | null = null;
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
    await recordBatchRow(ctx.db, batch.id, {
      processed: i + 1,
      issued,
      alreadyHeld,
      problem,
      finished: i + 1 === batch.total,
    });
  }
}

/** The handler of "partners.award-batch". */
export function awardBatchJobHandler(ctx: AppContext) {
  return handle(AWARD_BATCH_QUEUE, ({ batchId }) => runAwardBatch(ctx, batchId));
}
