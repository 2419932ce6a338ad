import { randomBytes, randomUUID } from "node:crypto";
import { buildOpenBadgeCredential, hashedIdentifier, statusEntry } from "@blason/openbadges";
import type { Config } from "../../config";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { uniqueViolation } from "../../db/errors";
import type { badgeClasses } from "../../db/schema";
import { AppError } from "../../errors";
import { addMonths } from "../../lib/dates";
import { credentialUrl } from "../../lib/urls";
import { appendAudit } from "../audit/audit.repo";
import { findUserById } from "../auth/auth.repo";
import { queueEmail } from "../email/mailer";
import { enqueue, enqueueOnce, type Payload, queues } from "../jobs/queues";
import { findOrganisation } from "../organisations/organisations.repo";
import {
  type CredentialRow,
  countStatusPosition,
  findBadgeClassRow,
  findCredentialByGrantKey,
  insertCredential,
  lockOrganisation,
  publishedEndorsementDocuments,
} from "./credentials.repo";
import { activeIssuerKey, findRegion, issuerProfile } from "./issuer.service";
import { allocateStatus, statusListUrl } from "./status-lists.service";

export type { CredentialRow };

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

/**
 * Asks for a person's regional badges to be re-evaluated, inside the
 * caller's transaction. A re-evaluation still waiting reads the database when
 * it runs, so it will see this change too: no second one is queued. Its row
 * is locked until this transaction commits, so a worker cannot start it
 * before the change is visible; one already started is not "pending" and a
 * new one is queued.
 */
export async function enqueueEvaluation(q: Queryable, earnerId: string) {
  await enqueueOnce(q, "competences.evaluate", { earnerId }, "earnerId");
}

/**
 * Enqueues the issuance of a grant, inside the caller's transaction: the job
 * exists if and only if the decision does, and only once per grant.
 */
export async function enqueueIssuance(q: Queryable, grant: Grant) {
  await enqueue(
    q,
    "credentials.issue",
    { ...grant, validFrom: grant.validFrom.toISOString() },
    { uniqueKey: `issue:${grant.grantKey}` },
  );
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
  const existing = await findCredentialByGrantKey(ctx.db, grant.grantKey);
  if (existing) return { credential: existing, created: false };
  const issuer = grant.issuerOrgId
    ? await findOrganisation(ctx.db, grant.issuerOrgId)
    : await findRegion(ctx.db);
  if (!issuer) throw new AppError("NOT_FOUND");
  const key = await activeIssuerKey(ctx, issuer);
  const badge = await findBadgeClassRow(ctx.db, grant.badgeClassId);
  const subject = await grantSubject(ctx, grant);
  if (!badge || !subject) throw new AppError("NOT_FOUND");
  const endorsement = await publishedEndorsementDocuments(ctx.db, { badgeClassId: badge.id });
  const issuerEndorsement = await publishedEndorsementDocuments(ctx.db, { issuerId: issuer.id });
  // A CFA's badge counts towards the label: the "label within reach" email is decided here.
  const countsForLabel = badge.kind === "badge" && !subject.person && subject.kind === "cfa";

  // The label and a person's regional badges live with their parts: they can
  // be suspended, and revoked. A badge, or a partner's own, is revoked for good.
  const purpose =
    badge.kind === "label" || (subject.person && !grant.issuerOrgId) ? "message" : "revocation";
  for (let attempt = 1; ; attempt++) {
    // The position is drawn in a transaction of its own and the document signed
    // outside any: issuances sign side by side in the pool, not one at a time
    // behind the list's lock. Two that drew the same position (the unique index
    // tells) draw again.
    const status = await ctx.db.transaction((tx) => allocateStatus(tx, issuer, purpose));
    const id = randomUUID();
    const salt = randomBytes(16).toString("hex");
    const validUntil = addMonths(grant.validFrom, badge.validityMonths);
    const base = ctx.config.publicUrl;
    const identifiers = [
      ...(subject.siret ? [hashedIdentifier("identifier", `SIRET:${subject.siret}`, salt)] : []),
      ...(subject.uai ? [hashedIdentifier("identifier", `UAI:${subject.uai}`, salt)] : []),
      hashedIdentifier("emailAddress", subject.contactEmail, salt),
    ];
    const unsigned = buildOpenBadgeCredential({
      id: credentialUrl(ctx.config, id),
      issuer: { ...issuerProfile(ctx.config, issuer), endorsement: issuerEndorsement },
      achievement: {
        id: `${base}/badges/${badge.id}`,
        name: badge.name,
        description: badge.recognises,
        ...achievementParts(ctx.config, badge),
        image: { id: `${base}/api/public/badges/${badge.id}/image.png`, caption: badge.name },
        achievementType: badge.kind === "label" ? "Award" : "Badge",
        endorsement,
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
    let result: CredentialRow | undefined;
    try {
      result = await ctx.db.transaction(async (tx) => {
        // One badge of a CFA at a time, so that each sees the ones issued before it.
        if (countsForLabel) await lockOrganisation(tx, subject.id);
        const row = await insertCredential(tx, {
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
        });
        if (!row) return undefined;
        // A new badge may bring a suspended label back, or make the CFA eligible
        // for it: the label follows, as a job that judges the badges in issuance order.
        if (countsForLabel)
          await enqueue(tx, "label.eligibility", {
            organisationId: subject.id,
            credentialId: row.id,
          });
        // A CFA's label ends its mentoring pairing: the mentoring module tells both sides.
        if (badge.kind === "label" && !subject.person)
          await enqueue(tx, "mentoring.label-obtained", { organisationId: subject.id });
        if (grant.issuerOrgId)
          await enqueue(
            tx,
            "competences.blason",
            { credentialId: row.id },
            { uniqueKey: `blason-channel:${row.id}` },
          );
        await queueEmail(tx, {
          to: subject.contactEmail,
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
        // Last, so that their locks (the list's row, the audit log's one lock for
        // everyone) are held only until the commit that follows.
        await countStatusPosition(tx, status.listId);
        await appendAudit(tx, {
          actor: { kind: "system", label: "Blason" },
          action: "credential.issued",
          targetType: "credential",
          targetId: row.id,
          data: { badge: badge.name, organisation: subject.name, grantKey: grant.grantKey },
        });
        return row;
      });
    } catch (error) {
      if (attempt < 4 && uniqueViolation(error) === "credentials_status_list_index") continue;
      throw error;
    }
    if (result) return { credential: result, created: true };
    // Another run won the race: its credential is the one.
    const winner = await findCredentialByGrantKey(ctx.db, grant.grantKey);
    if (!winner) throw new Error(`credential for ${grant.grantKey} vanished`);
    return { credential: winner, created: false };
  }
}

/** Who receives a grant: an organisation, or a person (identified by a hashed email). */
async function grantSubject(ctx: AppContext, grant: Grant) {
  if (grant.subjectOrgId) {
    const org = await findOrganisation(ctx.db, grant.subjectOrgId);
    return org ? { ...org, person: false as const } : undefined;
  }
  if (!grant.subjectUserId) return undefined;
  const user = await findUserById(ctx.db, grant.subjectUserId);
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

/** The "credentials.issue" job: a grant as its payload carries it (dates as ISO strings). */
export async function issueQueuedGrant(ctx: AppContext, grant: Payload<"credentials.issue">) {
  await issueCredential(ctx, { ...grant, validFrom: new Date(grant.validFrom) });
}

/** The job run by hand (the demo seed, tests): its payload as the jobs table holds it. */
export function issueJobHandler(ctx: AppContext) {
  return (payload: Record<string, unknown>) =>
    issueQueuedGrant(ctx, queues["credentials.issue"].parse(payload));
}
