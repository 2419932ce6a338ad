import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { findOrganisation } from "../organisations/organisations.repo";
import { authorize, type Caller, can } from "../policy/policy";
import { loadRequestFor, sideOf, tellOrganisation } from "./support.access";
import {
  findAdviser,
  insertSupportRequest,
  listAdviserProfiles,
  listChildIds,
  listSupportMessages,
  listSupportRequests,
  lockAdvisers,
  upsertAdviser,
} from "./support.repo";
import { routeRequest } from "./support.rules";
import type { AskBody, VolunteerBody } from "./support.schema";

const CFA_KINDS = ["cfa", "ufa"];

async function loadCfaFor(
  ctx: AppContext,
  caller: Caller,
  id: string,
  action: "support.ask" | "support.volunteer",
) {
  const org = await findOrganisation(ctx.db, id);
  if (!org) throw new AppError("NOT_FOUND");
  authorize(caller.principal, action, { org }, "organisation.read");
  if (!CFA_KINDS.includes(org.kind)) throw new AppError("SUPPORT_NOT_CFA");
  return org;
}

/** The asker as the conflict-of-interest rule sees it: itself, its parent, its sites. */
export async function askerOf(ctx: AppContext, org: { id: string; parentId: string | null }) {
  return { id: org.id, parentId: org.parentId, childIds: await listChildIds(ctx.db, org.id) };
}

/** A CFA offers (or stops offering) its advice, for chosen badges or themes, up to a capacity. */
export async function volunteer(
  ctx: AppContext,
  {
    caller,
    organisationId,
    input,
  }: { caller: Caller; organisationId: string; input: VolunteerBody },
) {
  const org = await loadCfaFor(ctx, caller, organisationId, "support.volunteer");
  await ctx.db.transaction(async (tx) => {
    await upsertAdviser(tx, { organisationId: org.id, ...input });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "support.adviser.updated",
      targetType: "organisation",
      targetId: org.id,
      data: { organisation: org.name, ...input },
    });
  });
}

export async function readVolunteering(
  ctx: AppContext,
  { caller, organisationId }: { caller: Caller; organisationId: string },
) {
  const org = await loadCfaFor(ctx, caller, organisationId, "support.ask");
  return (await findAdviser(ctx.db, org.id)) ?? null;
}

/** Every adviser with its load, for a manager choosing whom to reassign to. */
export async function listAdvisers(ctx: AppContext, { caller }: { caller: Caller }) {
  authorize(caller.principal, "support.manage");
  return listAdviserProfiles(ctx.db);
}

/**
 * A CFA asks for advice. The request goes at once to an available adviser
 * (support.rules.ts: never its own organisation or group), whose mailbox
 * hears of it; with nobody available it waits for a manager.
 */
export async function askForSupport(
  ctx: AppContext,
  { caller, organisationId, input }: { caller: Caller; organisationId: string; input: AskBody },
) {
  const org = await loadCfaFor(ctx, caller, organisationId, "support.ask");
  const asker = await askerOf(ctx, org);
  return ctx.db.transaction(async (tx) => {
    // Under the lock, so two requests at once cannot both take an adviser's last place.
    await lockAdvisers(tx);
    const advisers = await listAdviserProfiles(tx);
    const chosen = routeRequest(
      advisers.map((a) => ({ ...a.adviser, parentId: a.parentId, openCount: a.openCount })),
      asker,
      input,
    );
    const adviser =
      chosen && advisers.find((a) => a.adviser.organisationId === chosen.organisationId);
    const request = await insertSupportRequest(tx, {
      organisationId: org.id,
      authorId: caller.user.id,
      adviserOrganisationId: adviser?.adviser.organisationId ?? null,
      state: adviser ? "open" : "waiting",
      assignedAt: adviser ? new Date() : null,
      ...input,
    });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "support.requested",
      targetType: "support_request",
      targetId: request.id,
      data: { organisation: org.name, adviser: adviser?.name ?? null },
    });
    if (adviser)
      await tellOrganisation(ctx, tx, {
        to: adviser,
        kind: "assigned",
        requestId: request.id,
        organisation: org.name,
        from: org.name,
        detail: input.question,
      });
    return request;
  });
}

/** A CFA sees what it asked and what it was given to advise on; managers see every request. */
export async function listRequests(ctx: AppContext, { caller }: { caller: Caller }) {
  const all = can(caller.principal, "support.manage");
  const mine = caller.principal.memberships.map((m) => m.organisationId);
  if (!all && mine.length === 0) return [];
  const rows = await listSupportRequests(ctx.db, all ? {} : { organisationIds: mine });
  return rows.flatMap((row) => {
    const side = sideOf(caller, row);
    return side ? [{ ...row, side }] : [];
  });
}

export async function readRequest(ctx: AppContext, { caller, id }: { caller: Caller; id: string }) {
  const { found, side } = await loadRequestFor(ctx, caller, id);
  return { ...found, side, messages: await listSupportMessages(ctx.db, id) };
}
