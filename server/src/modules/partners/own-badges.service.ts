import { randomBytes } from "node:crypto";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { appendAudit } from "../audit/audit.repo";
import type { Criterion } from "../catalogue/catalogue.types";
import { actorOf, slugify } from "../organisations/organisations.service";
import type { Caller, Principal } from "../policy/policy";
import { loadPartner, requireParticipant } from "./own-badges.access";
import {
  applicationsOf,
  findCollectionInForce,
  findOwnedProgramme,
  insertBadgeClass,
  insertCollection,
  insertProgramme,
  nextBadgePosition,
  ownBadgesWithAwardCounts,
  participationBadgesInForce,
} from "./own-badges.repo";
import { ownProgrammeTexts } from "./own-badges.texts";
import { participationOf } from "./participation";
import { isParticipant, participationHistory } from "./participation.repo";

export type OwnBadgeInput = {
  name: string;
  recognises: string;
  criteria: Criterion[];
  validityMonths: number;
  color: string;
};

/** The partner's own catalogue on Blason: a programme it owns, with one collection in force. */
async function ownCollection(q: Queryable, org: { id: string; slug: string; name: string }) {
  const programme =
    (await findOwnedProgramme(q, org.id)) ??
    (await insertProgramme(q, {
      slug: `partenaire-${org.slug}`,
      ...ownProgrammeTexts(org.name),
      ownerOrgId: org.id,
    }));
  const collection = await findCollectionInForce(q, programme.id);
  if (collection) return collection;
  return insertCollection(q, {
    programmeId: programme.id,
    version: "1",
    name: programme.name,
    labelTotal: 1,
    inForce: true,
    publishedAt: new Date(),
  });
}

/** The partner's badges, each with how many people hold it. */
export async function listOwnBadges(ctx: AppContext, principal: Principal, organisationId: string) {
  const org = await loadPartner(ctx, principal, organisationId);
  const rows = await ownBadgesWithAwardCounts(ctx.db, org.id);
  return {
    participant: await isParticipant(ctx.db, org.id),
    onboarding: await onboardingFor(ctx.db, org.id),
    badges: rows.map(({ badge, awarded }) => ({
      id: badge.id,
      name: badge.name,
      recognises: badge.recognises,
      criteria: badge.criteria,
      validityMonths: badge.validityMonths,
      color: badge.color,
      awarded: Number(awarded),
      image: `${ctx.config.publicUrl}/api/public/badges/${badge.id}/image.svg`,
      url: `${ctx.config.publicUrl}/badges/${badge.id}`,
    })),
  };
}

/**
 * Where the partner stands with the Participant and Ambassadeur badges: the
 * badge to request, its latest request, and the participation it gave.
 */
async function onboardingFor(q: Queryable, organisationId: string) {
  const badges = await participationBadgesInForce(q);
  const requests = await applicationsOf(q, organisationId);
  const held = await participationHistory(q, organisationId);
  return badges.flatMap((b) => {
    const kind = participationOf(b);
    if (!kind) return [];
    const request = requests.find((r) => r.badgeClassId === b.id);
    const now = Date.now();
    const current = held.find(
      (p) =>
        p.kind === kind &&
        p.validFrom.getTime() <= now &&
        (!p.validUntil || p.validUntil.getTime() > now),
    );
    return [
      {
        kind,
        badgeClassId: b.id,
        request: request ? { id: request.id, state: request.state } : null,
        validUntil: current ? (current.validUntil?.toISOString() ?? null) : null,
        active: !!current,
      },
    ];
  });
}

export async function createOwnBadge(
  ctx: AppContext,
  {
    caller,
    organisationId,
    badge: input,
  }: { caller: Caller; organisationId: string; badge: OwnBadgeInput },
) {
  const org = await loadPartner(ctx, caller.principal, organisationId);
  await requireParticipant(ctx.db, org.id);
  return ctx.db.transaction(async (tx) => {
    const badge = await createOwnBadgeIn(tx, org, input);
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "own_badge.created",
      targetType: "badge_class",
      targetId: badge.id,
      data: { organisation: org.name, name: input.name },
    });
    return badge;
  });
}

/** Adds a badge to the partner's own catalogue (created on its first badge). */
export async function createOwnBadgeIn(
  q: Queryable,
  org: { id: string; slug: string; name: string },
  input: OwnBadgeInput,
) {
  const collection = await ownCollection(q, org);
  return insertBadgeClass(q, {
    collectionId: collection.id,
    slug: `${slugify(input.name)}-${randomBytes(3).toString("hex")}`,
    name: input.name,
    recognises: input.recognises,
    criteria: input.criteria,
    required: false,
    validityMonths: input.validityMonths,
    alignments: [],
    color: input.color,
    position: await nextBadgePosition(q, collection.id),
  });
}

// Awarding a badge lives in awards.service.ts; the platform and the tests import these from here.
export {
  AWARD_BATCH_QUEUE,
  awardBatchJobHandler,
  awardOwnBadge,
  listAwards,
  readAwardBatch,
  revokeAward,
  startAwardBatch,
} from "./awards.service";
