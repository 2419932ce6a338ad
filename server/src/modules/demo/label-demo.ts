import type { AppContext } from "../../context";
import type { ApplicationState, badgeClasses, organisations, PlatformRole } from "../../db/schema";
import { listUsersWithRole } from "../auth/auth.repo";
import { badgesInForce } from "../catalogue/catalogue.repo";
import { revokeCredential } from "../credentials/credentials.service";
import { issueCredential, issueJobHandler } from "../credentials/issuance.service";
import { createLabelRequest, decideLabelRequest } from "../label/label-requests.service";
import {
  allOrganisations,
  allUsers,
  earliestCalendarSession,
  findJobByUniqueKey,
  findProgrammeBySlug,
  insertApplication,
  insertApplicationMessage,
  insertCalendarSessions,
  insertReviewAssignments,
  markCredentialAccepted,
  markGrantAccepted,
} from "./demo.repo";

type BadgeRow = typeof badgeClasses.$inferSelect;
type OrgRow = typeof organisations.$inferSelect;

/** A calendar that stays current: sessions placed relative to the day the demo starts. */
export async function seedDemoSessions(ctx: AppContext) {
  const programme = await findProgrammeBySlug(ctx.db, "label-cfa");
  if (!programme) return;
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const named = (offset: number) =>
    new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric" }).format(
      new Date(Date.now() + offset * 86_400_000),
    );
  await insertCalendarSessions(ctx.db, [
    {
      programmeId: programme.id,
      name: `Commission de ${named(24)}`,
      deadline: day(10),
      commissionDate: day(24),
    },
    {
      programmeId: programme.id,
      name: `Révisions de ${named(47)}`,
      deadline: day(40),
      commissionDate: day(47),
      revisionsOnly: true,
    },
    {
      programmeId: programme.id,
      name: `Commission de ${named(134)}`,
      deadline: day(120),
      commissionDate: day(134),
    },
  ]);
}

const monthsAgo = (months: number) => {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
};

/**
 * Badges and applications in every state a user meets: the Calvados CFA on
 * its way to the label (badges held, one to renew, one waiting to be
 * accepted, one revoked, applications in progress), and the Rouen CFA's
 * applications at each step of review.
 */
export async function seedDemoCredentials(ctx: AppContext) {
  const orgs = await allOrganisations(ctx.db);
  const caen = orgs.find((o) => o.contactEmail === "contact@cfa-calvados.example");
  const rouen = orgs.find((o) => o.contactEmail === "contact@cfa-industrie-rouen.example");
  const badges = await badgesInForce(ctx.db, "label-cfa");
  if (!caen || !rouen || badges.length < 13) return;
  const b = (i: number) => badges[i]!;
  const issue = async (org: OrgRow, badge: BadgeRow, validFrom: Date, accepted: boolean) => {
    const { credential } = await issueCredential(ctx, {
      grantKey: `demo:${org.slug}:${badge.slug}`,
      badgeClassId: badge.id,
      subjectOrgId: org.id,
      validFrom,
    });
    if (accepted) await markCredentialAccepted(ctx.db, credential.id, validFrom);
    return credential;
  };
  for (const [i, months] of [
    [0, 5],
    [1, 5],
    [3, 11],
    [5, 17],
    [6, 17],
    [8, 2],
  ] as const)
    await issue(caen, b(i), monthsAgo(months), true);
  // Forty-five months into four years: time to renew.
  await issue(caen, b(2), monthsAgo(45), true);
  await issue(caen, b(4), monthsAgo(0), false);
  const revoked = await issue(caen, b(7), monthsAgo(8), true);
  await revokeCredential(
    ctx,
    revoked.id,
    "Le dispositif décrit dans le dossier n'était plus en place lors du contrôle.",
    { kind: "system", label: "demo" },
  );
  await seedDemoApplications(ctx, { caen: caen.id, rouen: rouen.id }, b);
  await seedDemoLabels(ctx, orgs, badges, issue);
}

/**
 * The label in its states: the Pays d'Auge CFA meets the rule and has asked
 * for the label (a request waits in the managers' queue); the Cotentin
 * maritime CFA holds it, confirmed last spring.
 */
async function seedDemoLabels(
  ctx: AppContext,
  orgs: OrgRow[],
  badges: BadgeRow[],
  issue: (org: OrgRow, badge: BadgeRow, validFrom: Date, accepted: boolean) => Promise<unknown>,
) {
  const auge = orgs.find((o) => o.contactEmail === "contact@cfa-pays-auge.example");
  const maritime = orgs.find((o) => o.contactEmail === "contact@cfa-maritime-cotentin.example");
  const [manager] = await listUsersWithRole(ctx.db, "programme_manager");
  if (!auge || !maritime || !manager) return;
  const ruleOrder = [...badges.filter((b) => b.required), ...badges.filter((b) => !b.required)];
  for (const [i, badge] of ruleOrder.slice(0, 10).entries())
    await issue(auge, badge, monthsAgo(2 + i), true);
  const system = { id: null, actor: { kind: "system", label: "demo" } as const };
  await createLabelRequest(ctx, auge, system);

  for (const [i, badge] of ruleOrder.slice(0, 12).entries())
    await issue(maritime, badge, monthsAgo(9 + (i % 4)), true);
  const request = await createLabelRequest(ctx, maritime, system, monthsAgo(6));
  const roles = { userId: manager.id, platformRoles: manager.platformRoles as PlatformRole[] };
  await decideLabelRequest(ctx, {
    caller: { principal: { ...roles, memberships: [] }, user: manager },
    requestId: request.id,
    decision: "confirm",
    motivation: "Collection complète, preuves vérifiées par la commission.",
    now: monthsAgo(6),
  });
  // Issued now rather than by the worker, so that the demo starts complete.
  const job = await findJobByUniqueKey(ctx.db, `issue:label-request:${request.id}`);
  if (job) await issueJobHandler(ctx)(job.payload as Record<string, unknown>);
  await markGrantAccepted(ctx.db, `label-request:${request.id}`, monthsAgo(6));
}

async function seedDemoApplications(
  ctx: AppContext,
  orgs: { caen: string; rouen: string },
  b: (i: number) => BadgeRow,
) {
  const session = await earliestCalendarSession(ctx.db);
  const people = await allUsers(ctx.db);
  const person = (email: string) => people.find((p) => p.email === email)!;
  const answers = (badge: BadgeRow) =>
    Object.fromEntries(
      badge.criteria.map((c, i) => [
        String(i),
        { answer: `Notre dispositif, avec ses preuves : ${c.statement}`, links: [] },
      ]),
    );
  const insert = async (
    org: string,
    badge: BadgeRow,
    state: ApplicationState,
    extra: Partial<Parameters<typeof insertApplication>[1]> = {},
  ) =>
    insertApplication(ctx.db, {
      organisationId: org,
      badgeClassId: badge.id,
      state,
      answers: state === "draft" ? {} : answers(badge),
      ...(state === "draft" ? {} : { sessionId: session?.id ?? null, submittedAt: monthsAgo(0) }),
      ...extra,
    });
  await insert(orgs.caen, b(9), "submitted");
  await insert(orgs.caen, b(10), "draft");
  const reviewed = await insert(orgs.rouen, b(9), "under_review");
  await insertReviewAssignments(ctx.db, [
    { applicationId: reviewed.id, reviewerId: person("pair@region-normandie.example").id },
    { applicationId: reviewed.id, reviewerId: person("evaluation@cfa-calvados.example").id },
  ]);
  await insertApplicationMessage(ctx.db, {
    applicationId: reviewed.id,
    authorId: person("pair@region-normandie.example").id,
    authorName: "Claire Petit",
    authorRole: "reviewer",
    body: "Pouvez-vous joindre le compte rendu du dernier comité de pilotage ?",
  });
  await insert(orgs.rouen, b(11), "revision_requested", {
    motivation: "Précisez comment les apprentis des deux sites sont associés au dispositif.",
  });
  await insert(orgs.rouen, b(12), "refused", {
    motivation:
      "Le dispositif est prévu mais pas encore déployé : redéposez la demande l'an prochain.",
    decidedAt: monthsAgo(3),
  });
  const granted = await insert(orgs.rouen, b(0), "granted", {
    motivation: "Dispositif complet.",
    decidedAt: monthsAgo(6),
  });
  await issueCredential(ctx, {
    grantKey: `application:${granted.id}`,
    badgeClassId: b(0).id,
    subjectOrgId: orgs.rouen,
    validFrom: monthsAgo(6),
  });
}
