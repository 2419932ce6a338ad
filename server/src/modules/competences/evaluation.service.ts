import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import { credentialUrl } from "../../lib/urls";
import { appendAudit } from "../audit/audit.repo";
import { findUserById } from "../auth/auth.repo";
import { forgetCredential } from "../credentials/credentials.service";
import { issueCredential } from "../credentials/issuance.service";
import { generatedReasons } from "../credentials/reasons";
import { forgetStatusLists } from "../credentials/status-lists.service";
import { queueEmail } from "../email/mailer";
import { handle } from "../jobs/queues";
import {
  badgeEquivalenceLinks,
  badgeNamesByIds,
  badgeRulesInForce,
  countingPartnerBadgesOf,
  heldRegionalCredentials,
  setCredentialSuspension,
} from "./competences.repo";
import {
  type CountingBadge,
  type RegionalRule,
  type RegionalState,
  regionalBadgesEarned,
  regionalChanges,
} from "./competences.rules";

const PROGRAMME = "competences";

/** The regional rules in force, as data from the badge classes. */
async function regionalRules(q: Queryable): Promise<RegionalRule[]> {
  const rows = await badgeRulesInForce(q, PROGRAMME);
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
  const counting = await countingPartnerBadgesOf(ctx.db, earnerId);
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
  const held = await heldRegionalCredentials(ctx.db, earnerId);
  // A badge held from an earlier version of the collection counts as its
  // successor in force (equivalences, as publishing a new version links them):
  // publishing never re-issues nor suspends anyone's badges by itself.
  const successor = new Map(
    (await badgeEquivalenceLinks(ctx.db)).map((e) => [e.fromBadgeId, e.toBadgeId]),
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
  if (touched.length === 0) return changes;
  const person = await findUserById(ctx.db, earnerId);
  const badgeNames = new Map(
    (
      await badgeNamesByIds(
        ctx.db,
        touched.map((c) => c.badgeClassId),
      )
    ).map((b) => [b.id, b.name]),
  );
  await ctx.db.transaction(async (tx) => {
    for (const c of touched) {
      const suspend = changes.suspend.includes(c.badgeClassId);
      await setCredentialSuspension(
        tx,
        c.id,
        suspend ? { at: now, reason: generatedReasons.partnerBadgeLapsed.fr } : null,
      );
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
  forgetStatusLists();
  return changes;
}

/** The handler of "competences.evaluate": the earner's regional badges follow their partner badges. */
export function evaluateJobHandler(ctx: AppContext) {
  return handle("competences.evaluate", async ({ earnerId }) => {
    await evaluateEarner(ctx, earnerId);
  });
}
