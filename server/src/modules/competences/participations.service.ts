import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import type { UserRow } from "../auth/auth.repo";
import { actorOf } from "../organisations/organisations.service";
import { authorize, type Principal } from "../policy/policy";
import { findOrganisationById, insertParticipation } from "./competences.repo";

/**
 * A manager records that a partner is a Participant (or Ambassadeur) from a
 * date: for three years when no end is given, for good when it is null.
 */
export async function recordParticipation(
  ctx: AppContext,
  input: {
    caller: { principal: Principal; user: UserRow };
    organisationId: string;
    kind: "participant" | "ambassador";
    validFrom: string;
    validUntil?: string | null | undefined;
  },
) {
  const { principal, user } = input.caller;
  authorize(principal, "partner.participation.manage");
  const org = await findOrganisationById(ctx.db, input.organisationId);
  if (!org) throw new AppError("NOT_FOUND");
  if (org.kind !== "partner") throw new AppError("REGISTRATION_NOT_PARTNER");
  const from = new Date(input.validFrom);
  const until =
    input.validUntil === undefined
      ? new Date(new Date(from).setUTCFullYear(from.getUTCFullYear() + 3))
      : input.validUntil === null
        ? null
        : new Date(input.validUntil);
  if (until && until <= from) throw new AppError("VALIDATION_FAILED", { validUntil: "" });
  return ctx.db.transaction(async (tx) => {
    const created = await insertParticipation(tx, {
      organisationId: org.id,
      kind: input.kind,
      validFrom: from,
      validUntil: until,
      decidedBy: user.id,
    });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "participation.recorded",
      targetType: "organisation",
      targetId: org.id,
      data: { kind: input.kind, from: from.toISOString(), until: until?.toISOString() ?? null },
    });
    return created;
  });
}
