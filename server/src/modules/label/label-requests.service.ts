import type { AppContext } from "../../context";
import { uniqueViolation } from "../../db/errors";
import type { LabelCheck, organisations } from "../../db/schema";
import { AppError } from "../../errors";
import { credentialUrl } from "../../lib/urls";
import { type Actor, appendAudit } from "../audit/audit.repo";
import { listUsersWithRole } from "../auth/auth.repo";
import { enqueueIssuance } from "../credentials/issuance.service";
import { queueEmail } from "../email/mailer";
import { actorOf, loadOrganisationFor } from "../organisations/organisations.service";
import type { Caller } from "../policy/policy";
import { authorize, type Principal } from "../policy/policy";
import {
  closePendingLabelRequest,
  findLabelRequest,
  findLabelRequestWithOrganisation,
  insertLabelRequest,
  listBadgeNames,
  listLabelRequestsWithOrganisation,
} from "./label.repo";
import { labelEligibility } from "./label.rules";
import { holdings, labelProgress, loadLabelRule } from "./label.service";

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
  loadOrganisationFor(ctx, {
    principal,
    id: organisationId,
    action: "label.request",
    kind: "cfa",
    wrongKind: "LABEL_NOT_ELIGIBLE",
  });

/**
 * A CFA asks for the label (or its renewal). The rule is checked at once;
 * the request waits for a manager's confirmation with the check attached.
 */
export async function requestLabel(
  ctx: AppContext,
  {
    caller,
    organisationId,
    now = new Date(),
  }: { caller: Caller; organisationId: string; now?: Date },
) {
  const org = await loadCfa(ctx, caller.principal, organisationId);
  return createLabelRequest(ctx, org, { id: caller.user.id, actor: actorOf(caller.user) }, now);
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
      const row = await insertLabelRequest(tx, {
        organisationId: org.id,
        collectionId: loaded.collection.id,
        kind: progress.label.requestKind,
        check,
        requestedBy: by.id,
      });
      await appendAudit(tx, {
        actor: by.actor,
        action: "label.requested",
        targetType: "label_request",
        targetId: row.id,
        data: { organisation: org.name, kind: row.kind, count: check.count },
      });
      for (const manager of managers)
        await queueEmail(tx, {
          to: manager.email,
          locale: manager.locale === "en" ? "en" : "fr",
          uniqueKey: `label-requested:${row.id}:${manager.id}`,
          template: {
            name: "label_requested",
            organisation: org.name,
            kind: row.kind as "first" | "renewal",
            count: check.count,
            url: `${ctx.config.publicUrl}/gestion/labels`,
          },
        });
      return row;
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError("LABEL_REQUEST_PENDING");
    throw error;
  }
}

export async function withdrawLabelRequest(
  ctx: AppContext,
  { caller, requestId }: { caller: Caller; requestId: string },
) {
  const { user } = caller;
  const request = await findLabelRequest(ctx.db, requestId);
  if (!request) throw new AppError("NOT_FOUND");
  const org = await loadCfa(ctx, caller.principal, request.organisationId);
  await ctx.db.transaction(async (tx) => {
    const updated = await closePendingLabelRequest(tx, {
      id: requestId,
      state: "withdrawn",
      decidedAt: new Date(),
      decidedBy: user.id,
    });
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
  const rows = await listLabelRequestsWithOrganisation(ctx.db, 200);
  const loaded = await loadLabelRule(ctx.db);
  const names = new Map<string, string>((await listBadgeNames(ctx.db)).map((b) => [b.id, b.name]));
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
  {
    caller,
    requestId,
    decision,
    motivation,
    now = new Date(),
  }: {
    caller: Caller;
    requestId: string;
    decision: "confirm" | "refuse";
    motivation: string;
    now?: Date;
  },
) {
  const { user } = caller;
  const input = { decision, motivation };
  authorize(caller.principal, "label.decide");
  const found = await findLabelRequestWithOrganisation(ctx.db, requestId);
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
    const updated = await closePendingLabelRequest(tx, {
      id: requestId,
      state: input.decision === "confirm" ? "confirmed" : "refused",
      decidedAt: now,
      decidedBy: user.id,
      motivation: input.motivation,
    });
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
        template: {
          name: "label_refused",
          organisation: found.org.name,
          motivation: input.motivation,
          url: `${ctx.config.publicUrl}/organisations/${found.org.id}/label`,
        },
      });
  });
}
