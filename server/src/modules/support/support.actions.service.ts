import type { AppContext } from "../../context";
import type { SupportMeeting } from "../../db/schema";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import type { SupportUpdateKind } from "../email/templates/support-update";
import type { Caller } from "../policy/policy";
import { type LoadedRequest, loadRequestFor, tellOrganisation } from "./support.access";
import {
  insertSupportMessage,
  listAdviserProfiles,
  lockAdvisers,
  transitionSupportRequest,
} from "./support.repo";
import { askerOf } from "./support.requests.service";
import { adviserProblems, nextSupportState, type SupportEvent, sideMay } from "./support.rules";
import type { MeetingBody } from "./support.schema";
import { meetingText } from "./support.text";

type Step = {
  event: SupportEvent;
  kind: SupportUpdateKind;
  detail: (found: LoadedRequest) => string;
  change?: Parameters<typeof transitionSupportRequest>[1]["change"];
  message?: string;
};

/**
 * One step of a request, by the caller's side: the rule says whether it may
 * happen and what state follows; the update only applies if nobody moved the
 * request first; the other side's mailbox hears of it.
 */
async function step(ctx: AppContext, caller: Caller, id: string, s: Step) {
  const { found, side } = await loadRequestFor(ctx, caller, id);
  const from = found.request.state;
  const to = nextSupportState(from, s.event, side);
  if (!to) throw new AppError(sideMay(s.event, side) ? "SUPPORT_NOT_ALLOWED_NOW" : "FORBIDDEN");
  const by = side === "asker" ? found.asker : found.adviser!;
  await ctx.db.transaction(async (tx) => {
    const moved = await transitionSupportRequest(tx, {
      id,
      from,
      to,
      answered: side === "adviser" && (s.event === "message" || s.event === "propose_meeting"),
      ...(s.change ? { change: s.change } : {}),
    });
    if (!moved) throw new AppError("SUPPORT_STATE_CHANGED");
    if (s.message !== undefined)
      await insertSupportMessage(tx, {
        requestId: id,
        authorId: caller.user.id,
        authorName: `${caller.user.name} (${by.name})`,
        authorRole: side === "adviser" ? "adviser" : "asker",
        body: s.message,
      });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: `support.${s.event}`,
      targetType: "support_request",
      targetId: id,
      data: { organisation: found.asker.name, adviser: found.adviser?.name ?? null, to },
    });
    const other = side === "asker" ? found.adviser : found.asker;
    if (other)
      await tellOrganisation(ctx, tx, {
        to: other,
        kind: s.kind,
        requestId: id,
        organisation: found.asker.name,
        from: by.name,
        detail: s.detail(found),
      });
  });
}

export const postSupportMessage = (
  ctx: AppContext,
  { caller, id, body }: { caller: Caller; id: string; body: string },
) =>
  step(ctx, caller, id, { event: "message", kind: "message", message: body, detail: () => body });

const meetingOf = (input: MeetingBody, by: SupportMeeting["by"]): SupportMeeting => {
  if (!input.place && !input.videoUrl) throw new AppError("SUPPORT_MEETING_PLACE_REQUIRED");
  return { ...input, startsAt: new Date(input.startsAt).toISOString(), by };
};

/** The adviser proposes a meeting (again, after a counter-proposal, if it likes). */
export function proposeMeeting(
  ctx: AppContext,
  { caller, id, input }: { caller: Caller; id: string; input: MeetingBody },
) {
  const meeting = meetingOf(input, "adviser");
  return step(ctx, caller, id, {
    event: "propose_meeting",
    kind: "meeting_proposed",
    change: { meeting },
    detail: () => meetingText(meeting),
  });
}

/** The asker proposes another date or place. */
export function counterMeeting(
  ctx: AppContext,
  { caller, id, input }: { caller: Caller; id: string; input: MeetingBody },
) {
  const meeting = meetingOf(input, "asker");
  return step(ctx, caller, id, {
    event: "counter_meeting",
    kind: "meeting_countered",
    change: { meeting },
    detail: () => meetingText(meeting),
  });
}

/** The asker accepts the adviser's proposal, or the adviser the asker's counter-proposal. */
export const acceptMeeting = (ctx: AppContext, { caller, id }: { caller: Caller; id: string }) =>
  step(ctx, caller, id, {
    event: "accept_meeting",
    kind: "meeting_agreed",
    detail: (found) => (found.request.meeting ? meetingText(found.request.meeting) : ""),
  });

/** The asker closes the request with its short feedback. */
export const closeRequest = (
  ctx: AppContext,
  { caller, id, feedback }: { caller: Caller; id: string; feedback: string },
) =>
  step(ctx, caller, id, {
    event: "close",
    kind: "closed",
    change: { feedback, closedAt: new Date() },
    detail: () => feedback,
  });

/**
 * A manager gives the request to another adviser: never one of the asker's
 * organisation or group, nor one inactive or full (the topic may differ).
 */
export async function reassignRequest(
  ctx: AppContext,
  {
    caller,
    id,
    adviserOrganisationId,
  }: { caller: Caller; id: string; adviserOrganisationId: string },
) {
  const { found, side } = await loadRequestFor(ctx, caller, id);
  if (side !== "manager") throw new AppError("FORBIDDEN");
  const from = found.request.state;
  const to = nextSupportState(from, "assign", side);
  if (!to) throw new AppError("SUPPORT_NOT_ALLOWED_NOW");
  const asker = await askerOf(ctx, found.asker);
  await ctx.db.transaction(async (tx) => {
    await lockAdvisers(tx);
    const target = (await listAdviserProfiles(tx)).find(
      (a) => a.adviser.organisationId === adviserOrganisationId,
    );
    if (!target) throw new AppError("NOT_FOUND");
    const profile = { ...target.adviser, parentId: target.parentId, openCount: target.openCount };
    const problems = adviserProblems(profile, asker, found.request, { ignoreMatch: true });
    if (problems.some((p) => p !== "INACTIVE" && p !== "AT_CAPACITY"))
      throw new AppError("SUPPORT_ADVISER_CONFLICTED");
    if (problems.length > 0 && found.request.adviserOrganisationId !== adviserOrganisationId)
      throw new AppError("SUPPORT_ADVISER_UNAVAILABLE");
    const moved = await transitionSupportRequest(tx, {
      id,
      from,
      to,
      change: { adviserOrganisationId, assignedAt: new Date(), meeting: null },
    });
    if (!moved) throw new AppError("SUPPORT_STATE_CHANGED");
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "support.reassigned",
      targetType: "support_request",
      targetId: id,
      data: { organisation: found.asker.name, from: found.adviser?.name ?? null, to: target.name },
    });
    await tellOrganisation(ctx, tx, {
      to: target,
      kind: "assigned",
      requestId: id,
      organisation: found.asker.name,
      from: found.asker.name,
      detail: found.request.question,
    });
  });
}
