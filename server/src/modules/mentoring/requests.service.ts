import type { AppContext } from "../../context";
import { uniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { loadOrganisationFor } from "../organisations/organisations.service";
import type { Caller } from "../policy/policy";
import { findOpenMentoringRequest, insertMentoringRequest } from "./mentoring.repo";

/** A CFA asks for a mentor; managers see the request and pair it. */
export async function requestMentor(
  ctx: AppContext,
  options: { caller: Caller; organisationId: string; message: string },
) {
  const { caller } = options;
  const org = await loadOrganisationFor(ctx, {
    principal: caller.principal,
    id: options.organisationId,
    action: "mentoring.request",
    kind: "cfa",
    wrongKind: "MENTORING_NOT_CFA",
  });
  if (await findOpenMentoringRequest(ctx.db, org.id))
    throw new AppError("MENTORING_ALREADY_REQUESTED");
  const made = ctx.db.transaction(async (tx) => {
    const request = await insertMentoringRequest(tx, {
      organisationId: org.id,
      message: options.message,
      createdBy: caller.user.id,
    });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "mentoring.requested",
      targetType: "mentoring_request",
      targetId: request.id,
      data: { organisation: org.name },
    });
    return request;
  });
  // Two requests at once: the database keeps one open per CFA.
  return made.catch((error: unknown) => {
    if (uniqueViolation(error) === "mentoring_requests_one_open_key")
      throw new AppError("MENTORING_ALREADY_REQUESTED");
    throw error;
  });
}
