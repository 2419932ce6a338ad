import type { AppContext } from "../../context";
import type { RegistrationState, RegistrationTarget } from "../../db/schema";
import { AppError } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import type { UserRow } from "../auth/auth.repo";
import { queueEmail } from "../email/mailer";
import { actorOf } from "../organisations/organisations.service";
import type { Caller } from "../policy/policy";
import { authorize } from "../policy/policy";
import { nextRegistrationState, type RegistrationEvent } from "./registration.rules";
import {
  type OrganisationRow,
  type RegistrationRow,
  transitionRegistration,
} from "./registrations.repo";
import {
  checkTarget,
  managers,
  readableRegistration,
  registrationUrl,
} from "./registrations.service";
import { registrationTexts as texts } from "./registrations.text";

type FoundRegistration = { registration: RegistrationRow; org: OrganisationRow };

/**
 * Moves a registration by its state machine, with its audit row and the
 * email to the other side (the partner, or the managers) in one transaction.
 */
async function transition(
  ctx: AppContext,
  found: FoundRegistration,
  user: UserRow,
  event: RegistrationEvent["kind"],
  set: Parameters<typeof transitionRegistration>[1]["set"],
  email: { to: "partner" | "managers"; outcome: string; note: string } | null,
) {
  const next = nextRegistrationState(found.registration.state as RegistrationState, event);
  if (!next) throw new AppError("REGISTRATION_TRANSITION_REFUSED");
  const staff = email?.to === "managers" ? await managers(ctx.db) : [];
  await ctx.db.transaction(async (tx) => {
    const updated = await transitionRegistration(tx, {
      id: found.registration.id,
      from: found.registration.state,
      to: next,
      set,
    });
    if (!updated) throw new AppError("REGISTRATION_TRANSITION_REFUSED");
    await appendAudit(tx, {
      actor: actorOf(user),
      action: `registration.${event}`,
      targetType: "partner_registration",
      targetId: updated.id,
      data: { organisation: found.org.name, badge: updated.name, state: next },
    });
    if (!email) return;
    const recipients =
      email.to === "partner"
        ? [{ email: found.org.contactEmail, locale: "fr" }]
        : staff.map((s) => ({ email: s.email, locale: s.locale }));
    for (const to of recipients)
      await queueEmail(tx, {
        to: to.email,
        locale: to.locale === "en" ? "en" : "fr",
        template: {
          name: "registration_decided",
          organisation: found.org.name,
          badge: updated.name,
          outcome: email.outcome as "approved",
          note: email.note,
          url: registrationUrl(ctx, updated.id),
        },
      });
  });
}

export type RegistrationDecision =
  | { decision: "approve"; motivation: string }
  | { decision: "refuse"; motivation: string }
  | { decision: "requalify"; motivation: string; proposal: RegistrationTarget };

/** The manager's word: approve (the date starts eligibility), refuse, or propose a requalification. */
export async function decideRegistration(
  ctx: AppContext,
  options: { caller: Caller; id: string; input: RegistrationDecision },
) {
  const { caller, id, input } = options;
  const { principal, user } = caller;
  authorize(principal, "partner.registrations.decide");
  const found = await readableRegistration(ctx, principal, id);
  const now = new Date();
  if (input.decision === "requalify") {
    const target = await checkTarget(ctx.db, input.proposal);
    await transition(
      ctx,
      found,
      user,
      "requalify",
      { proposal: { ...input.proposal, note: input.motivation }, motivation: input.motivation },
      {
        to: "partner",
        outcome: "requalification_proposed",
        note: texts.requalification(
          target.name,
          texts.equivalence[input.proposal.equivalence],
          input.motivation,
        ),
      },
    );
    return;
  }
  await transition(
    ctx,
    found,
    user,
    input.decision,
    input.decision === "approve"
      ? { approvedAt: now, decidedBy: user.id, motivation: input.motivation, proposal: null }
      : { decidedBy: user.id, motivation: input.motivation, proposal: null },
    {
      to: "partner",
      outcome: input.decision === "approve" ? "approved" : "refused",
      note: input.motivation,
    },
  );
}

/** The partner's answer to a requalification: accepted, it is approved as proposed, today. */
export async function answerProposal(
  ctx: AppContext,
  options: { caller: Caller; id: string; answer: "accept" | "refuse" },
) {
  const { principal, user } = options.caller;
  const found = await readableRegistration(ctx, principal, options.id);
  authorize(principal, "partner.registrations.manage", { org: found.org });
  const proposal = found.registration.proposal;
  if (options.answer === "accept") {
    if (!proposal) throw new AppError("REGISTRATION_TRANSITION_REFUSED");
    await transition(
      ctx,
      found,
      user,
      "accept_proposal",
      {
        target: {
          family: proposal.family,
          level: proposal.level,
          equivalence: proposal.equivalence,
        },
        approvedAt: new Date(),
        proposal: null,
      },
      { to: "managers", outcome: "proposal_accepted", note: "" },
    );
  } else
    await transition(
      ctx,
      found,
      user,
      "refuse_proposal",
      { proposal: null },
      { to: "managers", outcome: "proposal_refused", note: "" },
    );
}

export async function withdrawRegistration(
  ctx: AppContext,
  options: { caller: Caller; id: string },
) {
  const { principal, user } = options.caller;
  const found = await readableRegistration(ctx, principal, options.id);
  authorize(principal, "partner.registrations.manage", { org: found.org });
  await transition(ctx, found, user, "withdraw", {}, null);
}
