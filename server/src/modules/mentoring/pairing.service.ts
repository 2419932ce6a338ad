import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { listMessages } from "../dialogue/dialogue.repo";
import { queueEmail } from "../email/mailer";
import { findOrganisation } from "../organisations/organisations.repo";
import { authorize, type Caller, can, type Principal } from "../policy/policy";
import {
  endPairing,
  findMentoringRequest,
  insertPairing,
  listMenteePairings,
  listMentoringRequests,
  listPairings,
  lockMentee,
  markRequestPaired,
} from "./mentoring.repo";
import { checkPairing, defaultEnd, isOpen, pairingStatus } from "./mentoring.rules";
import {
  addressesOf,
  labelObtainedAt,
  loadPairingFor,
  pairingUrl,
  permissionsOf,
  sideOf,
} from "./mentoring.service";
import { endDateText } from "./mentoring.text";

const problemCodes = {
  NOT_A_CFA: "MENTORING_NOT_CFA",
  SAME_ORGANISATION: "MENTOR_CONFLICT_OF_INTEREST",
  SAME_GROUP: "MENTOR_CONFLICT_OF_INTEREST",
  DATES_INVALID: "MENTORING_DATES_INVALID",
  MENTEE_ALREADY_PAIRED: "MENTEE_ALREADY_PAIRED",
} as const;

/**
 * A manager pairs a mentee CFA with a mentor CFA, for a year unless told
 * otherwise, answering the mentee's request if it made one; both sides
 * are emailed in the same transaction.
 */
export async function pairMentor(
  ctx: AppContext,
  options: {
    caller: Caller;
    input: {
      menteeId: string;
      mentorId: string;
      startsAt?: string | undefined;
      endsAt?: string | undefined;
      requestId?: string | undefined;
    };
  },
) {
  const { caller, input } = options;
  authorize(caller.principal, "mentoring.manage");
  const [mentee, mentor] = await Promise.all([
    findOrganisation(ctx.db, input.menteeId),
    findOrganisation(ctx.db, input.mentorId),
  ]);
  if (!mentee || !mentor) throw new AppError("NOT_FOUND");
  const now = new Date();
  const startsAt = input.startsAt ? new Date(input.startsAt) : now;
  const endsAt = input.endsAt ? new Date(input.endsAt) : defaultEnd(startsAt);
  const obtained = await labelObtainedAt(ctx.db, mentee.id);
  const problems = (openPairings: number) =>
    checkPairing({ mentor, mentee, startsAt, endsAt, openPairings });
  const [problem] = problems(0);
  if (problem) throw new AppError(problemCodes[problem]);
  const request = input.requestId ? await findMentoringRequest(ctx.db, input.requestId) : null;
  if (input.requestId && (!request || request.organisationId !== mentee.id))
    throw new AppError("NOT_FOUND");
  const menteeTo = await addressesOf(ctx.db, mentee);
  const mentorTo = await addressesOf(ctx.db, mentor);
  return ctx.db.transaction(async (tx) => {
    // One open pairing per mentee, even when two managers pair it at once.
    await lockMentee(tx, mentee.id);
    const open = (await listMenteePairings(tx, mentee.id)).filter((p) =>
      isOpen(pairingStatus(p, obtained, now)),
    );
    const [late] = problems(open.length);
    if (late) throw new AppError(problemCodes[late]);
    const pairing = await insertPairing(tx, {
      menteeId: mentee.id,
      mentorId: mentor.id,
      startsAt,
      endsAt,
      createdBy: caller.user.id,
    });
    if (request && !(await markRequestPaired(tx, request.id, pairing.id)))
      throw new AppError("MENTORING_REQUEST_CLOSED");
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "mentoring.paired",
      targetType: "mentoring_pairing",
      targetId: pairing.id,
      data: { mentee: mentee.name, mentor: mentor.name, endsAt: endsAt.toISOString() },
    });
    const url = pairingUrl(ctx, pairing.id);
    const sides = [
      { to: menteeTo, side: "mentee" as const, other: mentor.name },
      { to: mentorTo, side: "mentor" as const, other: mentee.name },
    ];
    for (const { to, side, other } of sides)
      for (const address of to)
        await queueEmail(tx, {
          to: address,
          template: { name: "mentoring_paired", side, other, endsOn: endDateText(endsAt), url },
        });
    return pairing;
  });
}

/** A manager ends a pairing before its term. */
export async function endMentoring(ctx: AppContext, options: { caller: Caller; id: string }) {
  const { caller } = options;
  const found = await loadPairingFor(ctx, caller.principal, options.id, "mentoring.manage");
  if (found.status !== "active" && found.status !== "upcoming")
    throw new AppError("MENTORING_NOT_ACTIVE");
  await ctx.db.transaction(async (tx) => {
    if (!(await endPairing(tx, found.pairing.id, { at: new Date(), userId: caller.user.id })))
      throw new AppError("MENTORING_NOT_ACTIVE");
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "mentoring.ended",
      targetType: "mentoring_pairing",
      targetId: found.pairing.id,
      data: { mentee: found.mentee.name, mentor: found.mentor.name },
    });
  });
}

/** A pairing as its reader sees it: both sides, dates, status, sharing, thread, what they may do. */
export async function describePairing(ctx: AppContext, options: { caller: Caller; id: string }) {
  const { principal } = options.caller;
  const found = await loadPairingFor(ctx, principal, options.id, "mentoring.read");
  const messages = await listMessages(ctx.db, { kind: "mentoring", id: found.pairing.id });
  return { found, side: sideOf(principal, found), can: permissionsOf(principal, found), messages };
}

/** Pairings and mentoring requests: every one for managers, else those of the reader's organisations. */
export async function listMentoring(ctx: AppContext, principal: Principal) {
  if (!principal) throw new AppError("UNAUTHENTICATED");
  const all = can(principal, "mentoring.manage");
  const mine = principal.memberships.map((m) => m.organisationId);
  const filter = all ? {} : { organisationIds: mine };
  if (!all && mine.length === 0) return { pairings: [], requests: [] };
  const now = new Date();
  const rows = await listPairings(ctx.db, filter);
  const pairings = [];
  for (const row of rows) {
    const obtained = await labelObtainedAt(ctx.db, row.mentee.id);
    pairings.push({ ...row, status: pairingStatus(row.pairing, obtained, now) });
  }
  return { pairings, requests: await listMentoringRequests(ctx.db, filter) };
}
