import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { AppError } from "../../errors";
import { currentLabel, holdings } from "../label/label.service";
import { listMembers } from "../organisations/organisations.repo";
import { type Action, authorize, can, type Principal } from "../policy/policy";
import { findPairing, type LoadedPairing } from "./mentoring.repo";
import { type PairingStatus, pairingStatus, sharedWithMentor } from "./mentoring.rules";

/** When the organisation's current label was obtained; null without one (or a revoked one). */
export async function labelObtainedAt(q: Queryable, organisationId: string) {
  const { labels } = await holdings(q, organisationId);
  const label = currentLabel(labels);
  return label && !label.revokedAt ? label.validFrom : null;
}

export type ReadPairing = LoadedPairing & { status: PairingStatus; shared: string[] };

/** The policy's view of a pairing: the mentee's organisation, the mentor and what it sees now. */
export const subjectOf = (found: ReadPairing) => ({
  org: found.mentee,
  mentoring: { mentor: found.mentor, shared: found.shared },
});

/**
 * Loads a pairing for `action`: NOT_FOUND to whoever may not read it (the
 * same as a missing one), FORBIDDEN to a reader who may not take the action
 * (a mentor asking for what the mentee does not share).
 */
export async function loadPairingFor(
  ctx: AppContext,
  principal: Principal,
  id: string,
  action: Action,
  now = new Date(),
): Promise<ReadPairing> {
  const found = await findPairing(ctx.db, id);
  if (!found) throw new AppError(principal ? "NOT_FOUND" : "UNAUTHENTICATED");
  const status = pairingStatus(found.pairing, await labelObtainedAt(ctx.db, found.mentee.id), now);
  const read: ReadPairing = { ...found, status, shared: sharedWithMentor(status, found.pairing) };
  authorize(principal, action, subjectOf(read), "mentoring.read");
  return read;
}

/** Which side the principal reads a pairing from. */
export function sideOf(
  principal: NonNullable<Principal>,
  found: ReadPairing,
): "mentee" | "mentor" | "manager" {
  const member = (orgId: string) => principal.memberships.some((m) => m.organisationId === orgId);
  if (member(found.mentee.id) || member(found.mentee.parentId ?? "")) return "mentee";
  if (member(found.mentor.id) || member(found.mentor.parentId ?? "")) return "mentor";
  return "manager";
}

/** Where an organisation hears of its pairing: its members, else its contact address. */
export async function addressesOf(q: Queryable, org: { id: string; contactEmail: string }) {
  const members = await listMembers(q, org.id);
  return members.length > 0 ? members.map((m) => m.email) : [org.contactEmail];
}

export const pairingUrl = (ctx: AppContext, id: string) =>
  `${ctx.config.publicUrl}/parrainage/${id}`;

/** What the reader may do with the pairing, as the page offers it. */
export function permissionsOf(principal: NonNullable<Principal>, found: ReadPairing) {
  const subject = subjectOf(found);
  const open = found.status === "active" || found.status === "upcoming";
  return {
    share: open && can(principal, "mentoring.request", subject),
    end: open && can(principal, "mentoring.manage"),
    write: found.status === "active",
    readProgress: can(principal, "mentoring.progress.read", subject),
    readDrafts: can(principal, "mentoring.drafts.read", subject),
  };
}
