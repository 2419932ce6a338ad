import { createHash, randomBytes } from "node:crypto";
import type { VerificationReport, VerifyInput } from "@blason/openbadges";
import { and, desc, eq, inArray, isNotNull, isNull, like, sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import {
  badgeClasses,
  badgeEquivalences,
  collections,
  credentials,
  earners,
  organisations,
  type PartnerBadgeChannel,
  partnerBadges,
  partnerParticipations,
  partnerRegistrations,
  programmes,
  users,
} from "../../db/schema";
import { AppError } from "../../errors";
import { stableStringify } from "../../lib/stable-json";
import { assertStorable, verifyInWorkers } from "../../lib/verify";
import { appendAudit } from "../audit/audit.repo";
import { credentialStatus, forgetCredential } from "../credentials/credentials.service";
import { credentialUrl, enqueueEvaluation, issueCredential } from "../credentials/issuance.service";
import { issuerDid } from "../credentials/issuer.service";
import { generatedReasons } from "../credentials/reasons";
import { forgetStatusLists } from "../credentials/status-lists.service";
import { queueEmail } from "../email/mailer";
import {
  type CountingBadge,
  evaluatePartnerBadge,
  type Mapping,
  type PartnerBadgeFacts,
  pushRefusal,
  type RegionalRule,
  type RegionalState,
  regionalBadgesEarned,
  regionalChanges,
} from "./competences.rules";
import { heldCredentials, passportOf } from "./passport.service";

export { EVALUATE_QUEUE } from "../credentials/issuance.service";

const PROGRAMME = "competences";

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const idOf = (v: unknown) =>
  str(v) ?? (v && typeof v === "object" ? str((v as { id?: unknown }).id) : null);
const dateOf = (v: unknown) => {
  const s = str(v);
  const d = s ? new Date(s) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

/**
 * What the verifier's report says, as the facts the rules need. Failures of
 * status and dates are kept apart from the others: a revoked or expired
 * badge is authentic, and the earner is told which.
 */
export function factsFromReport(report: VerificationReport): Omit<
  PartnerBadgeFacts,
  "partnerOrgId"
> & {
  issuerIri: string | null;
  name: string | null;
} {
  const doc = (report.credential ?? {}) as Record<string, unknown>;
  const failed = report.steps.filter((s) => s.status === "failed");
  const statusFailure = failed.find((s) => s.id === "status");
  const statusCode = statusFailure?.details?.code;
  const revoked = statusCode === "REVOKED" || statusCode === "SUSPENDED";
  const otherFailures = failed.filter(
    (s) =>
      s.id !== "recipient_match" && s.id !== "validity_period" && !(s.id === "status" && revoked),
  );
  const ob2 = report.format === "ob2-hosted" || report.format === "ob2-signed";
  const subject = (doc.credentialSubject ?? {}) as Record<string, unknown>;
  const assertionId = str(doc.id);
  return {
    assertionKey:
      assertionId ?? `sha256:${createHash("sha256").update(stableStringify(doc)).digest("hex")}`,
    verified: report.format !== "unknown" && otherFailures.length === 0,
    recipientMatches: report.steps.some((s) => s.id === "recipient_match" && s.status === "passed"),
    revoked,
    expiresAt: ob2 ? dateOf(doc.expires) : (dateOf(doc.validUntil) ?? dateOf(doc.expirationDate)),
    issuedOn: ob2 ? dateOf(doc.issuedOn) : (dateOf(doc.validFrom) ?? dateOf(doc.issuanceDate)),
    badgeClassIri: ob2 ? idOf(doc.badge) : idOf(subject.achievement),
    issuerIri: report.summary.issuerId ?? null,
    name: report.summary.achievementName ?? report.summary.name ?? null,
  };
}

/** The earner behind an email address: created the first time a badge arrives for it. */
export async function findOrCreateEarner(q: Queryable, email: string, name?: string) {
  const address = email.trim().toLowerCase();
  const [existing] = await q.select().from(users).where(eq(users.email, address));
  const user =
    existing ??
    (
      await q
        .insert(users)
        .values({ email: address, name: name?.trim() || address.split("@")[0]! })
        .onConflictDoNothing()
        .returning()
    )[0] ??
    (await q.select().from(users).where(eq(users.email, address)))[0]!;
  await q
    .insert(earners)
    .values({ userId: user.id, passportSlug: randomBytes(9).toString("base64url") })
    .onConflictDoNothing();
  return user;
}

/**
 * The organisations an issuer belongs to: the partner it is on Blason (its
 * did:web), and those that proved it controls it when registering one of its
 * badge classes. A registration without a proof gives no say.
 */
async function issuerOwners(ctx: AppContext, issuerIri: string): Promise<string[]> {
  const registered = await ctx.db
    .selectDistinct({ id: partnerRegistrations.organisationId })
    .from(partnerRegistrations)
    .where(
      and(
        eq(partnerRegistrations.issuerIri, issuerIri),
        isNotNull(partnerRegistrations.issuerProof),
      ),
    );
  const slug = issuerIri.split(":").pop() ?? "";
  const [onBlason] =
    issuerIri === issuerDid(ctx.config, slug)
      ? await ctx.db
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.slug, slug), eq(organisations.kind, "partner")))
      : [];
  return [...new Set([...(onBlason ? [onBlason.id] : []), ...registered.map((r) => r.id)])];
}

/** What a received badge is keyed by: its verified issuer and id, else a hash of what came in. */
function receivedKey(
  facts: ReturnType<typeof factsFromReport>,
  report: VerificationReport,
  input: unknown,
) {
  if (facts.verified && facts.issuerIri)
    return { issuerIri: facts.issuerIri, assertionKey: facts.assertionKey };
  const content =
    report.credential !== undefined
      ? stableStringify(report.credential)
      : input instanceof Uint8Array
        ? Buffer.from(input)
        : typeof input === "string"
          ? input
          : stableStringify(input);
  return {
    issuerIri: null,
    assertionKey: `unverified:sha256:${createHash("sha256").update(content).digest("hex")}`,
  };
}

/**
 * A partner badge reaches Blason (pushed by a partner's system, uploaded by
 * its earner, or issued on Blason): verified by the engine, judged by the
 * rules, kept once per earner, verified issuer and assertion, and the
 * earner's regional badges re-evaluated as a job. A push with a partner's key
 * is refused unless the badge verifies, its issuer is the key's
 * organisation's and it was issued to the address given: then nothing is
 * written, no account is created.
 */
export async function receivePartnerBadge(
  ctx: AppContext,
  input: {
    email: string;
    name?: string;
    badge: unknown;
    now?: Date;
  } & (
    | {
        channel: "api";
        /** The key that pushed it (none for the demo's own pushes). */
        pushedBy: { organisationId: string; apiClientId: string | null };
      }
    | { channel: "upload" | "blason" }
  ),
) {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AppError("VALIDATION_FAILED", { "recipient.email": "" });
  const report = await verifyInWorkers(ctx, input.badge as VerifyInput, {
    recipient: { email },
    now,
  });
  assertStorable(report, "badge");
  const facts = factsFromReport(report);
  const key = receivedKey(facts, report, input.badge);
  const owners = key.issuerIri ? await issuerOwners(ctx, key.issuerIri) : [];
  const pushedBy = input.channel === "api" ? input.pushedBy : null;
  if (pushedBy) {
    const refusal = pushRefusal(facts, owners, pushedBy.organisationId);
    if (refusal) throw new AppError(refusal, { badge: "" });
  }
  // Only proven registrations of this very issuer, by an organisation it
  // belongs to (the key's, for a push): the signature proves who issued it,
  // the registration's proof whose issuer it is.
  const registrations =
    facts.badgeClassIri && key.issuerIri && owners.length > 0
      ? await ctx.db
          .select()
          .from(partnerRegistrations)
          .where(
            and(
              eq(partnerRegistrations.badgeClassIri, facts.badgeClassIri),
              eq(partnerRegistrations.issuerIri, key.issuerIri),
              eq(partnerRegistrations.state, "approved"),
              isNotNull(partnerRegistrations.issuerProof),
              inArray(
                partnerRegistrations.organisationId,
                pushedBy ? [pushedBy.organisationId] : owners,
              ),
            ),
          )
      : [];
  const partnerOrgId =
    pushedBy?.organisationId ?? registrations[0]?.organisationId ?? owners[0] ?? null;
  const mappings: Mapping[] = registrations.map((r) => ({
    registrationId: r.id,
    partnerOrgId: r.organisationId,
    badgeClassIri: r.badgeClassIri,
    family: r.target.family,
    level: r.target.level,
    equivalence: r.target.equivalence,
    approvedAt: r.approvedAt!,
  }));
  const participations = partnerOrgId
    ? (
        await ctx.db
          .select()
          .from(partnerParticipations)
          .where(eq(partnerParticipations.organisationId, partnerOrgId))
      ).map((p) => ({ partnerOrgId: p.organisationId, from: p.validFrom, until: p.validUntil }))
    : [];
  const evaluation = evaluatePartnerBadge(
    { ...facts, assertionKey: key.assertionKey, partnerOrgId },
    mappings,
    participations,
    now,
  );
  return ctx.db.transaction(async (tx) => {
    const earner = await findOrCreateEarner(tx, email, input.name);
    const values = {
      earnerId: earner.id,
      channel: input.channel,
      assertionKey: key.assertionKey,
      issuerIri: key.issuerIri,
      partnerOrgId: partnerOrgId,
      badgeClassIri: facts.badgeClassIri,
      registrationId: evaluation.counts ? evaluation.mapping.registrationId : null,
      name: facts.name,
      issuedOn: facts.issuedOn,
      expiresAt: facts.expiresAt,
      revokedAt: facts.revoked ? now : null,
      counts: evaluation.counts,
      refusalCode: evaluation.counts ? null : evaluation.code,
      refusalReason: evaluation.counts ? null : evaluation.fr,
      report: { verified: report.verified, format: report.format, steps: report.steps },
      document: report.credential ?? null,
      apiClientId: pushedBy?.apiClientId ?? null,
      checkedAt: now,
    };
    const [row] = await tx
      .insert(partnerBadges)
      .values(values)
      .onConflictDoUpdate({
        target: [partnerBadges.earnerId, partnerBadges.issuerIri, partnerBadges.assertionKey],
        set: { ...values, receivedAt: sql`${partnerBadges.receivedAt}` },
      })
      .returning();
    await enqueueEvaluation(tx, earner.id);
    return { row: row!, evaluation };
  });
}

/** The regional rules in force, as data from the badge classes. */
async function regionalRules(q: Queryable): Promise<RegionalRule[]> {
  const rows = await q
    .select({ id: badgeClasses.id, rule: badgeClasses.rule })
    .from(badgeClasses)
    .innerJoin(
      collections,
      and(eq(collections.id, badgeClasses.collectionId), eq(collections.inForce, true)),
    )
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(eq(programmes.slug, PROGRAMME));
  return rows.flatMap(({ id, rule }): RegionalRule[] => {
    if (rule?.kind === "level")
      return [
        { badgeId: id, kind: "level", family: String(rule.family), level: Number(rule.level) },
      ];
    if (rule?.kind === "aggregate")
      return [
        {
          badgeId: id,
          kind: "aggregate",
          level: Number(rule.level),
          distinctFamilies: Number(rule.distinctFamilies),
        },
      ];
    return [];
  });
}

/**
 * The earner's regional badges follow their partner badges: newly earned ones
 * are issued (once each, with the partner badges as evidence), those that no
 * longer hold are suspended, and restored when they hold again.
 */
export async function evaluateEarner(ctx: AppContext, earnerId: string, now = new Date()) {
  const counting = await ctx.db
    .select({ badge: partnerBadges, registration: partnerRegistrations })
    .from(partnerBadges)
    .innerJoin(partnerRegistrations, eq(partnerRegistrations.id, partnerBadges.registrationId))
    .where(
      and(
        eq(partnerBadges.earnerId, earnerId),
        eq(partnerBadges.counts, true),
        isNull(partnerBadges.revokedAt),
      ),
    );
  const live = counting.filter(
    ({ badge }) => !badge.expiresAt || badge.expiresAt.getTime() > now.getTime(),
  );
  const input: CountingBadge[] = live.map(({ badge, registration }) => ({
    assertionKey: badge.assertionKey,
    partnerOrgId: registration.organisationId,
    badgeClassIri: registration.badgeClassIri,
    family: registration.target.family,
    level: registration.target.level,
    equivalence: registration.target.equivalence,
  }));
  const earned = regionalBadgesEarned(input, await regionalRules(ctx.db));
  const held = await ctx.db
    .select()
    .from(credentials)
    .where(
      and(
        eq(credentials.subjectUserId, earnerId),
        like(credentials.grantKey, `regional:${earnerId}:%`),
        isNull(credentials.revokedAt),
      ),
    );
  // A badge held from an earlier version of the collection counts as its
  // successor in force (equivalences, as publishing a new version links them):
  // publishing never re-issues nor suspends anyone's badges by itself.
  const successor = new Map(
    (await ctx.db.select().from(badgeEquivalences)).map((e) => [e.fromBadgeId, e.toBadgeId]),
  );
  const current = (badgeId: string) => {
    let id = badgeId;
    for (let hops = 0; successor.has(id) && hops < 20; hops++) id = successor.get(id)!;
    return id;
  };
  const heldNow = held.map((c) => ({ ...c, badgeClassId: current(c.badgeClassId) }));
  const states = new Map<string, RegionalState>(
    heldNow.map((c) => [c.badgeClassId, c.suspendedAt ? "suspended" : "active"]),
  );
  const changes = regionalChanges(states, new Set(earned.keys()));
  const names = new Map(live.map(({ badge }) => [badge.assertionKey, badge.name]));
  for (const badgeId of changes.issue)
    await issueCredential(ctx, {
      grantKey: `regional:${earnerId}:${badgeId}`,
      badgeClassId: badgeId,
      subjectUserId: earnerId,
      validFrom: now,
      evidence: earned.get(badgeId)!.map((key) => ({
        id: /^(https?:|urn:)/.test(key) ? key : `urn:blason:partner-badge:${key}`,
        ...(names.get(key) ? { name: names.get(key)! } : {}),
      })),
    });
  const touched = heldNow.filter(
    (c) => changes.suspend.includes(c.badgeClassId) || changes.restore.includes(c.badgeClassId),
  );
  const [person] = touched.length
    ? await ctx.db.select().from(users).where(eq(users.id, earnerId))
    : [];
  const badgeNames = new Map(
    touched.length
      ? (
          await ctx.db
            .select({ id: badgeClasses.id, name: badgeClasses.name })
            .from(badgeClasses)
            .where(
              inArray(
                badgeClasses.id,
                touched.map((c) => c.badgeClassId),
              ),
            )
        ).map((b) => [b.id, b.name])
      : [],
  );
  if (touched.length)
    await ctx.db.transaction(async (tx) => {
      for (const c of touched) {
        const suspend = changes.suspend.includes(c.badgeClassId);
        await tx
          .update(credentials)
          .set(
            suspend
              ? {
                  suspendedAt: now,
                  suspensionReason: generatedReasons.partnerBadgeLapsed.fr,
                }
              : { suspendedAt: null, suspensionReason: null },
          )
          .where(eq(credentials.id, c.id));
        if (person)
          await queueEmail(tx, {
            to: person.email,
            locale: person.locale === "en" ? "en" : "fr",
            template: {
              name: "regional_badge_changed",
              change: suspend ? "suspended" : "restored",
              person: person.name,
              badge: badgeNames.get(c.badgeClassId) ?? "",
              publicUrl: credentialUrl(ctx.config, c.id),
              passportUrl: `${ctx.config.publicUrl}/mes-badges`,
            },
          });
        await appendAudit(tx, {
          actor: { kind: "system", label: "Blason" },
          action: suspend ? "regional.suspended" : "regional.restored",
          targetType: "credential",
          targetId: c.id,
          data: { earner: earnerId, url: credentialUrl(ctx.config, c.id) },
        });
      }
    });
  for (const c of touched) forgetCredential(c.id);
  if (touched.length) forgetStatusLists();
  return changes;
}

/** A badge a partner issued on Blason is received like any other, through the verifier. */
export function blasonChannelJobHandler(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    const [credential] = await ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.id, String(payload.credentialId)));
    if (!credential?.subjectUserId) return;
    await receivePartnerBadge(ctx, {
      channel: "blason",
      email: credential.recipientEmail,
      badge: credential.document,
    });
  };
}

export function evaluateJobHandler(ctx: AppContext) {
  return async (payload: Record<string, unknown>) => {
    if (typeof payload.earnerId === "string") await evaluateEarner(ctx, payload.earnerId);
  };
}

/** What a person sees of their badges: each partner badge with its verdict, and their regional badges. */
export async function earnerBadges(ctx: AppContext, userId: string) {
  const partner = await ctx.db
    .select()
    .from(partnerBadges)
    .where(eq(partnerBadges.earnerId, userId))
    .orderBy(desc(partnerBadges.receivedAt));
  const held = await heldCredentials(ctx, userId);
  return {
    partnerBadges: partner.map((b) => ({
      id: b.id,
      name: b.name,
      channel: b.channel as PartnerBadgeChannel,
      counts: b.counts,
      refusalCode: b.refusalCode,
      refusalReason: b.refusalReason,
      issuedOn: b.issuedOn?.toISOString() ?? null,
      receivedAt: b.receivedAt.toISOString(),
    })),
    credentials: held.map(({ credential, badge, issuer }) => ({
      credentialId: credential.id,
      name: badge.name,
      issuer: issuer.name,
      regional: issuer.kind === "region",
      status: credentialStatus(credential),
      claimState: credential.claimState as "pending" | "accepted" | "declined",
      shown: credential.shownPublicly,
      validFrom: credential.validFrom.toISOString(),
      url: credentialUrl(ctx.config, credential.id),
      image: `${ctx.config.publicUrl}/api/public/badges/${badge.id}/image.svg`,
    })),
    passport: await passportOf(ctx, userId),
  };
}
