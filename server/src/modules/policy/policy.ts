import type { MemberRole, PlatformRole } from "../../db/schema";
import { AppError } from "../../errors";
import type { UserRow } from "../auth/auth.repo";

/** Who is asking: nobody, or a signed-in user with their roles. */
export type Principal = {
  userId: string;
  platformRoles: readonly PlatformRole[];
  memberships: readonly { organisationId: string; role: MemberRole }[];
} | null;

/**
 * A signed-in user calling a service: their roles, for the policy, and their
 * row (the audit log names them with `actorOf(caller.user)`). Every service
 * that acts for a user takes this one shape.
 */
export type Caller = { principal: NonNullable<Principal>; user: UserRow };

export type OrgRef = { id: string; parentId: string | null };

/**
 * What a rule may look at: the organisation concerned, an application's active
 * reviewers, and the person who holds a badge (programme 2).
 */
type Subject = {
  org?: OrgRef;
  reviewers?: readonly string[];
  holder?: string;
  /** A mentoring pairing (org is the mentee): its mentor and what the mentee shares now. */
  mentoring?: { mentor: OrgRef; shared: readonly string[] };
};
type Rule = (principal: NonNullable<Principal>, subject: Subject) => boolean;

const hasRole =
  (...roles: PlatformRole[]): Rule =>
  (p) =>
    p.platformRoles.some((r) => roles.includes(r));

/** Membership of the organisation itself or of its parent (a CFA's staff see its UFA). */
const memberOfOrg =
  (...roles: MemberRole[]): Rule =>
  (p, { org }) =>
    !!org &&
    p.memberships.some(
      (m) =>
        (m.organisationId === org.id || m.organisationId === org.parentId) &&
        roles.includes(m.role),
    );

const anyOf =
  (...rules: Rule[]): Rule =>
  (p, s) =>
    rules.some((rule) => rule(p, s));

const signedIn: Rule = () => true;

/** A reviewer assigned to this application (and not recused). */
const isHolder: Rule = (p, { holder }) => !!holder && holder === p.userId;
const assignedReviewer: Rule = (p, { reviewers }) => !!reviewers?.includes(p.userId);
/** A member of the pairing's mentor CFA; with `share`, only while the mentee shares it. */
const pairedMentor =
  (share?: string): Rule =>
  (p, { mentoring }) =>
    !!mentoring &&
    memberOfOrg("member", "admin")(p, { org: mentoring.mentor }) &&
    (!share || mentoring.shared.includes(share));

/**
 * The whole access policy of the foundation, one line per action. Routes name
 * an action; nothing else decides who may do what.
 */
export const policy = {
  "account.read": signedIn,
  "account.update": signedIn,
  "organisation.list": signedIn,
  "organisation.create": hasRole("programme_manager", "platform_admin"),
  "organisation.read": anyOf(
    hasRole("programme_manager", "platform_admin", "reviewer"),
    memberOfOrg("member", "admin"),
  ),
  "organisation.update": anyOf(
    hasRole("programme_manager", "platform_admin"),
    memberOfOrg("admin"),
  ),
  "organisation.members.read": anyOf(
    hasRole("programme_manager", "platform_admin"),
    memberOfOrg("member", "admin"),
  ),
  "organisation.members.manage": anyOf(
    hasRole("programme_manager", "platform_admin"),
    memberOfOrg("admin"),
  ),
  "application.read": anyOf(
    hasRole("programme_manager"),
    memberOfOrg("member", "admin"),
    assignedReviewer,
  ),
  "application.apply": memberOfOrg("member", "admin"),
  "application.manage": hasRole("programme_manager"),
  "application.review": assignedReviewer,
  /** A submitted review is final; only a programme manager gives it back (audited). */
  "review.reopen": hasRole("programme_manager"),
  "application.list.all": hasRole("programme_manager"),
  "credential.claim": anyOf(memberOfOrg("member", "admin"), isHolder),
  "credential.revoke": hasRole("programme_manager"),
  /** Sending a badge to a wallet: its holder, or an administrator of the holding organisation. */
  "credential.wallet": anyOf(memberOfOrg("admin"), isHolder),
  "credential.list.all": hasRole("programme_manager"),
  "admin.users": hasRole("platform_admin"),
  "audit.read": hasRole("platform_admin", "programme_manager"),
  // Programme 2: partners map their badges; managers decide.
  "partner.registrations.manage": memberOfOrg("member", "admin"),
  "partner.registrations.read": anyOf(hasRole("programme_manager"), memberOfOrg("member", "admin")),
  "partner.registrations.decide": hasRole("programme_manager"),
  "partner.apiClients.manage": anyOf(hasRole("programme_manager"), memberOfOrg("admin")),
  "partner.participation.manage": hasRole("programme_manager"),
  /** A participant's own badges on Blason: defined, awarded and revoked by its members. */
  "partner.ownBadges.manage": memberOfOrg("member", "admin"),
  "catalogue.manage": hasRole("programme_manager"),
  "idea.propose": memberOfOrg("member", "admin"),
  "idea.answer": hasRole("programme_manager"),
  // The label: a CFA's staff request it, managers confirm or refuse.
  "label.request": memberOfOrg("member", "admin"),
  "label.decide": hasRole("programme_manager"),
  // OAuth 2.0: a person allows a client to act for them, and revokes what they allowed.
  "oauth.consent": signedIn,
  "oauth.grants.manage": isHolder,
  // Mentoring: managers pair; the mentee chooses what its mentor sees, the API enforces it.
  "mentoring.request": memberOfOrg("member", "admin"),
  "mentoring.manage": hasRole("programme_manager"),
  "mentoring.read": anyOf(
    hasRole("programme_manager"),
    memberOfOrg("member", "admin"),
    pairedMentor(),
  ),
  "mentoring.progress.read": anyOf(memberOfOrg("member", "admin"), pairedMentor("progress")),
  "mentoring.drafts.read": anyOf(memberOfOrg("member", "admin"), pairedMentor("drafts")),
  // Endorsements: managers invite; the endorsing organisation's admins sign; either withdraws.
  "endorsement.invite": hasRole("programme_manager"),
  "endorsement.read": anyOf(hasRole("programme_manager"), memberOfOrg("member", "admin")),
  "endorsement.sign": memberOfOrg("admin"),
  "endorsement.withdraw": anyOf(hasRole("programme_manager"), memberOfOrg("admin")),
  // Support requests (issue 15): CFAs ask, adviser CFAs answer, managers oversee.
  "support.ask": memberOfOrg("member", "admin"),
  "support.advise": memberOfOrg("member", "admin"),
  "support.volunteer": memberOfOrg("admin"),
  "support.manage": hasRole("programme_manager"),
  "programme.texts.edit": hasRole("programme_manager"),
} satisfies Record<string, Rule>;

export type Action = keyof typeof policy;

export function can(principal: Principal, action: Action, subject: Subject = {}): boolean {
  if (!principal) return false;
  return policy[action](principal, subject);
}

/**
 * Throws when the principal may not act. When the principal may not even see
 * the record, the answer is NOT_FOUND, the same as for a record that does not
 * exist, so ids cannot be probed.
 */
export function authorize(
  principal: Principal,
  action: Action,
  subject: Subject = {},
  readAction?: Action,
): asserts principal is NonNullable<Principal> {
  if (!principal) throw new AppError("UNAUTHENTICATED");
  if (can(principal, action, subject)) return;
  if (readAction && !can(principal, readAction, subject)) throw new AppError("NOT_FOUND");
  throw new AppError("FORBIDDEN");
}
