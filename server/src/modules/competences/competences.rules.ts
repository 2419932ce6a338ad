/**
 * Programme 2, "La Normandie badge les compétences", as pure rules: whether a
 * partner badge counts, and which regional badges an earner's counting
 * partner badges give. No database, no clock: everything comes in as data.
 *
 * Decisions, stated once:
 * - Dates are instants. A partner badge counts when it was issued at or after
 *   the approval of its registration (no retroactivity) and while its issuer
 *   was a Participant; an end of participation excludes badges issued from
 *   that instant on, never those issued before.
 * - A level badge is earned by the badges mapped to that very level: level II
 *   does not imply level I (the Region says what the partner badges attest,
 *   nothing more); the general badge asks for level II in distinct families.
 * - "3 pour 1" needs three distinct partner badge classes; the same class
 *   earned twice, or the same badge received twice (by two channels), is one.
 */

import { type RefusalCode, refusalReasons } from "./competences.reasons";

export { type RefusalCode, refusalCodes, refusalReason } from "./competences.reasons";

export type EquivalenceKind = "one_for_one" | "three_for_one";

/** An approved registration: a partner's badge class mapped to a competence and level. */
export type Mapping = {
  registrationId: string;
  partnerOrgId: string;
  badgeClassIri: string;
  family: string;
  level: number;
  equivalence: EquivalenceKind;
  approvedAt: Date;
};

/** A period during which an organisation was a Participant (until null: still is). */
export type Participation = { partnerOrgId: string; from: Date; until: Date | null };

/** What the verifier and the platform know of one partner badge an earner holds. */
export type PartnerBadgeFacts = {
  assertionKey: string;
  /** The engine's verdict on the signature or hosted document, issuer key included. */
  verified: boolean;
  /** The earner is its recipient (email hash or verified email). */
  recipientMatches: boolean;
  revoked: boolean;
  expiresAt: Date | null;
  issuedOn: Date | null;
  /** The partner organisation behind the issuer, when Blason knows it. */
  partnerOrgId: string | null;
  badgeClassIri: string | null;
};

export type Evaluation =
  | { counts: true; mapping: Mapping }
  | { counts: false; code: RefusalCode; fr: string; en: string };

const refuse = (code: RefusalCode): Evaluation => ({
  counts: false,
  code,
  ...refusalReasons[code],
});

/** Whether one partner badge counts, and if not, the first reason, in plain words. */
export function evaluatePartnerBadge(
  facts: PartnerBadgeFacts,
  mappings: readonly Mapping[],
  participations: readonly Participation[],
  now: Date,
): Evaluation {
  if (!facts.verified) return refuse("NOT_VERIFIED");
  if (!facts.recipientMatches) return refuse("RECIPIENT_MISMATCH");
  if (facts.revoked) return refuse("REVOKED");
  if (facts.expiresAt && facts.expiresAt.getTime() <= now.getTime()) return refuse("EXPIRED");
  if (!facts.issuedOn) return refuse("NO_ISSUE_DATE");
  if (!facts.partnerOrgId) return refuse("ISSUER_UNKNOWN");
  const issued = facts.issuedOn.getTime();
  // Credentials carry dates to the second: a start recorded with milliseconds
  // counts from its second, so a badge issued in the same second is not "before".
  const since = (d: Date) => Math.floor(d.getTime() / 1000) * 1000;
  const participant = participations.some(
    (p) =>
      p.partnerOrgId === facts.partnerOrgId &&
      since(p.from) <= issued &&
      (p.until === null || issued < p.until.getTime()),
  );
  if (!participant) return refuse("ISSUER_NOT_PARTICIPANT");
  const candidates = mappings.filter(
    (m) => m.partnerOrgId === facts.partnerOrgId && m.badgeClassIri === facts.badgeClassIri,
  );
  if (candidates.length === 0) return refuse("NOT_REGISTERED");
  const inForce = candidates
    .filter((m) => since(m.approvedAt) <= issued)
    .sort((a, b) => b.approvedAt.getTime() - a.approvedAt.getTime())[0];
  if (!inForce) return refuse("ISSUED_BEFORE_APPROVAL");
  return { counts: true, mapping: inForce };
}

export type PushRefusal =
  | "PARTNER_BADGE_NOT_VERIFIED"
  | "PARTNER_BADGE_ISSUER_NOT_YOURS"
  | "PARTNER_BADGE_RECIPIENT_MISMATCH";

/**
 * Whether a partner's key may push this badge at all. Only a document the
 * verifier accepted, signed by an issuer that belongs to the key's own
 * organisation, and issued to the address pushed: anything else is refused
 * before anything is written (no row, no person account). A revoked or
 * expired badge is authentic, and goes through to be recorded as such.
 */
export function pushRefusal(
  facts: Pick<PartnerBadgeFacts, "verified" | "recipientMatches">,
  issuerOwners: readonly string[],
  keyOrgId: string,
): PushRefusal | null {
  if (!facts.verified) return "PARTNER_BADGE_NOT_VERIFIED";
  if (!issuerOwners.includes(keyOrgId)) return "PARTNER_BADGE_ISSUER_NOT_YOURS";
  if (!facts.recipientMatches) return "PARTNER_BADGE_RECIPIENT_MISMATCH";
  return null;
}

/** A partner badge that counts, with where it aims. */
export type CountingBadge = {
  assertionKey: string;
  partnerOrgId: string;
  badgeClassIri: string;
  family: string;
  level: number;
  equivalence: EquivalenceKind;
};

/** The regional badges, as data: a level of a family, or an aggregate over families. */
export type RegionalRule =
  | { badgeId: string; kind: "level"; family: string; level: number }
  | { badgeId: string; kind: "aggregate"; level: number; distinctFamilies: number };

/** How many distinct "3 pour 1" badges make one. */
export const THREE_FOR_ONE = 3;

/** Each regional badge earned, with the partner badges that support it (its evidence). */
export type Earned = Map<string, string[]>;

const classKey = (b: CountingBadge) => `${b.partnerOrgId}\u0000${b.badgeClassIri}`;

/**
 * Which regional badges a set of counting partner badges gives. The same
 * assertion twice counts once; "3 pour 1" needs three distinct badge
 * classes; the aggregate counts distinct families at its level. The result
 * does not depend on the order of the input (evidence is sorted).
 */
export function regionalBadgesEarned(
  badges: readonly CountingBadge[],
  rules: readonly RegionalRule[],
): Earned {
  // One entry per assertion; should two copies disagree, the same one wins whatever the order.
  const rank = (b: CountingBadge) =>
    `${b.family}\u0000${b.level}\u0000${b.equivalence}\u0000${classKey(b)}`;
  const unique = new Map<string, CountingBadge>();
  for (const b of badges) {
    const kept = unique.get(b.assertionKey);
    if (!kept || rank(b) < rank(kept)) unique.set(b.assertionKey, b);
  }
  const byTarget = new Map<string, CountingBadge[]>();
  for (const b of unique.values()) {
    const key = `${b.family}\u0000${b.level}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), b]);
  }
  const earned: Earned = new Map();
  const levelHolds = new Map<string, string[]>();
  for (const rule of rules) {
    if (rule.kind !== "level") continue;
    const candidates = (byTarget.get(`${rule.family}\u0000${rule.level}`) ?? []).sort((a, b) =>
      a.assertionKey < b.assertionKey ? -1 : 1,
    );
    const whole = candidates.find((b) => b.equivalence === "one_for_one");
    let support: string[] | null = null;
    if (whole) support = [whole.assertionKey];
    else {
      // One badge per distinct class: the first by key, so that the evidence is stable.
      const perClass = new Map<string, CountingBadge>();
      for (const b of candidates.filter((c) => c.equivalence === "three_for_one"))
        if (!perClass.has(classKey(b))) perClass.set(classKey(b), b);
      if (perClass.size >= THREE_FOR_ONE)
        support = [...perClass.values()].map((b) => b.assertionKey).sort();
    }
    if (support) {
      earned.set(rule.badgeId, support);
      levelHolds.set(`${rule.family}\u0000${rule.level}`, support);
    }
  }
  for (const rule of rules) {
    if (rule.kind !== "aggregate") continue;
    const families = rules.filter(
      (r): r is Extract<RegionalRule, { kind: "level" }> =>
        r.kind === "level" && r.level === rule.level && earned.has(r.badgeId),
    );
    const distinct = new Set(families.map((r) => r.family));
    if (distinct.size >= rule.distinctFamilies)
      earned.set(
        rule.badgeId,
        [...new Set(families.flatMap((r) => earned.get(r.badgeId)!))].sort(),
      );
  }
  return earned;
}

export type RegionalState = "active" | "suspended";

/**
 * What to do after a change: issue what is newly earned (once: a badge
 * already issued is never issued again), suspend what no longer holds,
 * restore what holds again.
 */
export function regionalChanges(
  held: ReadonlyMap<string, RegionalState>,
  earned: ReadonlySet<string>,
) {
  const issue: string[] = [];
  const suspend: string[] = [];
  const restore: string[] = [];
  for (const badgeId of earned)
    if (!held.has(badgeId)) issue.push(badgeId);
    else if (held.get(badgeId) === "suspended") restore.push(badgeId);
  for (const [badgeId, state] of held)
    if (state === "active" && !earned.has(badgeId)) suspend.push(badgeId);
  return { issue: issue.sort(), suspend: suspend.sort(), restore: restore.sort() };
}
