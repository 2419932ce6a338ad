import type { VerifyInput } from "@blason/openbadges";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import type { PartnerBadgeChannel } from "../../db/schema";
import { AppError } from "../../errors";
import { credentialUrl } from "../../lib/urls";
import { assertStorable, verifyInWorkers } from "../../lib/verify";
import type { UserRow } from "../auth/auth.repo";
import { credentialStatus } from "../credentials/credentials.service";
import { issuerDid } from "../credentials/issuer.service";
import { enqueueOnceEach, handle } from "../jobs/queues";
import { factsFromReport, receivedKey } from "./badge-facts";
import {
  findCredentialById,
  findOrCreateEarners,
  findPartnerOrganisationBySlug,
  type PartnerBadgeValues,
  participationsOf,
  partnerBadgesOf,
  provenApprovedRegistrations,
  provenRegistrantsOfIssuer,
  upsertPartnerBadges,
} from "./competences.repo";
import { evaluatePartnerBadge, type Mapping, pushRefusal } from "./competences.rules";
import { heldCredentials, passportOf } from "./passport.service";

// Kept where other modules and the platform import them from.

/**
 * The organisations an issuer belongs to: the partner it is on Blason (its
 * did:web), and those that proved it controls it when registering one of its
 * badge classes. A registration without a proof gives no say.
 */
async function issuerOwners(ctx: AppContext, issuerIri: string): Promise<string[]> {
  const registered = await provenRegistrantsOfIssuer(ctx.db, issuerIri);
  const slug = issuerIri.split(":").pop() ?? "";
  const onBlason =
    issuerIri === issuerDid(ctx.config, slug)
      ? await findPartnerOrganisationBySlug(ctx.db, slug)
      : undefined;
  return [...new Set([...(onBlason ? [onBlason.id] : []), ...registered])];
}

type Incoming = {
  email: string;
  name?: string;
  badge: unknown;
  /** The bytes the badge arrived as, when the caller kept them (the OB 3.0 API does). */
  source?: string;
  /** Refuse, before any write, a badge that does not verify (the OB 3.0 API's upsert). */
  requireVerified?: boolean;
  now?: Date;
} & (
  | {
      channel: "api";
      /** The key that pushed it (none for the demo's own pushes). */
      pushedBy: { organisationId: string; apiClientId: string | null };
    }
  | { channel: "upload" | "blason" }
);

/**
 * What a badge's judgement reads of the database, kept for the length of one
 * push: a batch of a thousand badges of one issuer asks once.
 */
export type JudgeMemo = Map<string, Promise<unknown>>;

function memoised<T>(memo: JudgeMemo | undefined, key: string, load: () => Promise<T>) {
  if (!memo) return load();
  if (!memo.has(key)) memo.set(key, load());
  return memo.get(key) as Promise<T>;
}

/**
 * A badge verified (in the worker pool) and judged by the rules, ready to be
 * stored; nothing is written. A push with a partner's key is refused (an
 * AppError) unless the badge verifies, its issuer is the key's
 * organisation's and it was issued to the address given.
 */
export async function judgePartnerBadge(ctx: AppContext, input: Incoming, memo?: JudgeMemo) {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AppError("VALIDATION_FAILED", { "recipient.email": "" });
  const report = await verifyInWorkers(ctx, input.badge as VerifyInput, {
    recipient: { email },
    now,
  });
  assertStorable(report, "badge");
  if (input.requireVerified && !report.verified)
    throw new AppError("OB3_CREDENTIAL_NOT_VERIFIED", { badge: "" });
  const facts = factsFromReport(report);
  const key = receivedKey(facts, report, input.badge);
  const issuerIri = key.issuerIri;
  const owners = issuerIri
    ? await memoised(memo, `owners ${issuerIri}`, () => issuerOwners(ctx, issuerIri))
    : [];
  const pushedBy = input.channel === "api" ? input.pushedBy : null;
  if (pushedBy) {
    const refusal = pushRefusal(facts, owners, pushedBy.organisationId);
    if (refusal) throw new AppError(refusal, { badge: "" });
  }
  // Only proven registrations of this very issuer, by an organisation it
  // belongs to (the key's, for a push): the signature proves who issued it,
  // the registration's proof whose issuer it is.
  const badgeClassIri = facts.badgeClassIri;
  const organisationIds = pushedBy ? [pushedBy.organisationId] : owners;
  const registrations =
    badgeClassIri && issuerIri && owners.length > 0
      ? await memoised(
          memo,
          `registrations ${badgeClassIri} ${issuerIri} ${organisationIds.join(",")}`,
          () => provenApprovedRegistrations(ctx.db, { badgeClassIri, issuerIri, organisationIds }),
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
        await memoised(memo, `participations ${partnerOrgId}`, () =>
          participationsOf(ctx.db, partnerOrgId),
        )
      ).map((p) => ({
        partnerOrgId: p.organisationId,
        from: p.validFrom,
        until: p.validUntil,
      }))
    : [];
  const evaluation = evaluatePartnerBadge(
    { ...facts, assertionKey: key.assertionKey, partnerOrgId },
    mappings,
    participations,
    now,
  );
  const values: Omit<PartnerBadgeValues, "earnerId"> = {
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
    source: sourceOf(input),
    apiClientId: pushedBy?.apiClientId ?? null,
    checkedAt: now,
  };
  return { email, ...(input.name ? { name: input.name } : {}), values, evaluation };
}

export type JudgedBadge = Awaited<ReturnType<typeof judgePartnerBadge>>;

/**
 * Judged badges stored in one transaction, in bulk: their earners found or
 * created, each badge kept once per earner, issuer and assertion (`fresh`
 * says whether it is new), and each earner's regional badges re-evaluated by
 * one job, queued once while one waits.
 */
export async function storeJudgedBadges(tx: Queryable, judged: JudgedBadge[]) {
  const earners = await findOrCreateEarners(tx, judged);
  const rows = await upsertPartnerBadges(
    tx,
    judged.map((j) => ({ ...j.values, earnerId: earners.get(j.email)!.id })),
  );
  await enqueueOnceEach(
    tx,
    "competences.evaluate",
    [...new Set(rows.map((r) => r.row.earnerId))].map((earnerId) => ({ earnerId })),
    "earnerId",
  );
  return rows.map((stored, i) => ({ ...stored, evaluation: judged[i]!.evaluation }));
}

/**
 * A partner badge reaches Blason (pushed by a partner's system, uploaded by
 * its earner, or issued on Blason): verified by the engine, judged by the
 * rules, kept once per earner, verified issuer and assertion, and the
 * earner's regional badges re-evaluated as a job. A refused push writes
 * nothing and creates no account.
 */
export async function receivePartnerBadge(ctx: AppContext, input: Incoming) {
  const judged = await judgePartnerBadge(ctx, input);
  const [stored] = await ctx.db.transaction((tx) => storeJudgedBadges(tx, [judged]));
  return stored!;
}

/** What is kept to give the badge back unchanged: a JWT as its compact string, JSON as sent. */
function sourceOf(input: { badge: unknown; source?: string }): string | null {
  if (input.source !== undefined) return input.source;
  if (typeof input.badge === "string") return input.badge.trim();
  if (input.badge && typeof input.badge === "object" && !(input.badge instanceof Uint8Array))
    return JSON.stringify(input.badge);
  return null;
}

/** A person hands in a badge they hold: only with a verified address, which is what proves it is theirs. */
export async function uploadPartnerBadge(
  ctx: AppContext,
  { caller, badge }: { caller: Pick<UserRow, "email" | "emailVerifiedAt">; badge: unknown },
) {
  if (!caller.emailVerifiedAt) throw new AppError("EMAIL_NOT_VERIFIED");
  return receivePartnerBadge(ctx, { channel: "upload", email: caller.email, badge });
}

/** A badge a partner issued on Blason is received like any other, through the verifier. */
export async function receiveBlasonBadge(ctx: AppContext, credentialId: string) {
  const credential = await findCredentialById(ctx.db, credentialId);
  if (!credential?.subjectUserId) return;
  await receivePartnerBadge(ctx, {
    channel: "blason",
    email: credential.recipientEmail,
    badge: credential.document,
  });
}

/** The handler of "competences.blason". */
export function blasonChannelJobHandler(ctx: AppContext) {
  return handle("competences.blason", ({ credentialId }) => receiveBlasonBadge(ctx, credentialId));
}

/** What a person sees of their badges: each partner badge with its verdict, and their regional badges. */
export async function earnerBadges(ctx: AppContext, userId: string) {
  const partner = await partnerBadgesOf(ctx.db, userId, "newest");
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
