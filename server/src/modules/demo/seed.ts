import { asc, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import {
  applicationMessages,
  applications,
  type badgeClasses,
  calendarSessions,
  credentials,
  jobs,
  type MemberRole,
  type OrgKind,
  organisations,
  type PlatformRole,
  programmes,
  reviewAssignments,
  users,
} from "../../db/schema";
import { appendAudit } from "../audit/audit.repo";
import { insertUser, listUsersWithRole } from "../auth/auth.repo";
import { hashPassword } from "../auth/passwords";
import { badgesInForce } from "../catalogue/catalogue.repo";
import { revokeCredential } from "../credentials/credentials.service";
import { issueCredential, issueJobHandler } from "../credentials/issuance.service";
import { createLabelRequest, decideLabelRequest } from "../label/label-requests.service";
import { luhnValid, uaiCheckLetter } from "../organisations/identifiers";
import { insertOrganisation, upsertMembership } from "../organisations/organisations.repo";
import { slugify } from "../organisations/organisations.service";
import { seedDemoCompetences } from "./competences-demo";

export const DEMO_PASSWORD = "Blason-demo-2026";

/** Appends the digit that makes `digits` pass the Luhn check. */
function withLuhn(digits: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(digits + d)) return digits + d;
  throw new Error("unreachable");
}

/** A fictitious but well-formed SIRET: a valid SIREN then a valid whole. */
export function demoSiret(seed: number): string {
  const siren = withLuhn(String(91_000_000 + seed).padStart(8, "0"));
  return withLuhn(`${siren}0001`);
}

export function demoUai(seed: number): string {
  const digits = String(1_400_000 + seed).padStart(7, "0");
  return digits + uaiCheckLetter(digits);
}

type DemoOrg = {
  key: string;
  name: string;
  kind: OrgKind;
  parent?: string;
  city: string;
  email: string;
  siret?: number;
  uai?: number;
};
type DemoUser = {
  email: string;
  name: string;
  roles: PlatformRole[];
  org?: string;
  orgRole?: MemberRole;
  label: string;
};

const demoOrganisations: DemoOrg[] = [
  {
    key: "region",
    name: "Région Normandie",
    kind: "region",
    city: "Caen",
    email: "badges@region-normandie.example",
    siret: 1,
  },
  {
    key: "caen",
    name: "CFA des Métiers du Calvados",
    kind: "cfa",
    city: "Caen",
    email: "contact@cfa-calvados.example",
    siret: 2,
    uai: 11,
  },
  {
    key: "lisieux",
    name: "UFA de Lisieux",
    kind: "ufa",
    parent: "caen",
    city: "Lisieux",
    email: "lisieux@cfa-calvados.example",
    uai: 12,
  },
  {
    key: "vire",
    name: "UFA de Vire",
    kind: "ufa",
    parent: "caen",
    city: "Vire Normandie",
    email: "vire@cfa-calvados.example",
    uai: 13,
  },
  {
    key: "rouen",
    name: "CFA de l'Industrie de Rouen",
    kind: "cfa",
    city: "Rouen",
    email: "contact@cfa-industrie-rouen.example",
    siret: 3,
    uai: 21,
  },
  {
    key: "auge",
    name: "CFA du Pays d'Auge",
    kind: "cfa",
    city: "Pont-l'Évêque",
    email: "contact@cfa-pays-auge.example",
    siret: 5,
    uai: 31,
  },
  {
    key: "maritime",
    name: "CFA Maritime du Cotentin",
    kind: "cfa",
    city: "Cherbourg-en-Cotentin",
    email: "contact@cfa-maritime-cotentin.example",
    siret: 6,
    uai: 41,
  },
  {
    key: "atelier-rouen",
    name: "Atelier Emploi Rouen",
    kind: "partner",
    city: "Rouen",
    email: "contact@atelier-emploi-rouen.example",
    siret: 7,
  },
  {
    key: "bessin",
    name: "Mission Locale du Bessin",
    kind: "partner",
    city: "Bayeux",
    email: "contact@mission-bessin.example",
    siret: 8,
  },
  {
    key: "partner",
    name: "Association Compétences Cotentin",
    kind: "partner",
    city: "Cherbourg-en-Cotentin",
    email: "contact@competences-cotentin.example",
    siret: 4,
  },
];

export const demoUsers: DemoUser[] = [
  {
    email: "admin@blason.example",
    name: "Camille Admin",
    roles: ["platform_admin"],
    label: "administration de la plateforme",
  },
  {
    email: "gestion@region-normandie.example",
    name: "Nadia Lefèvre",
    roles: ["programme_manager"],
    org: "region",
    orgRole: "admin",
    label: "gestionnaire de programme (Région)",
  },
  {
    email: "pair@cfa-industrie-rouen.example",
    name: "Hugo Martin",
    roles: ["reviewer"],
    org: "rouen",
    orgRole: "member",
    label: "membre du groupe des pairs",
  },
  {
    email: "pair@region-normandie.example",
    name: "Claire Petit",
    roles: ["reviewer"],
    org: "region",
    orgRole: "member",
    label: "membre du groupe des pairs (Région)",
  },
  {
    email: "evaluation@cfa-calvados.example",
    name: "Marc Leroy",
    roles: ["reviewer"],
    org: "caen",
    orgRole: "member",
    label: "membre du groupe des pairs, salarié du CFA du Calvados",
  },
  {
    email: "direction@cfa-calvados.example",
    name: "Sophie Durand",
    roles: [],
    org: "caen",
    orgRole: "admin",
    label: "administratrice du CFA des Métiers du Calvados",
  },
  {
    email: "qualite@cfa-calvados.example",
    name: "Julien Morel",
    roles: [],
    org: "caen",
    orgRole: "member",
    label: "membre du CFA des Métiers du Calvados",
  },
  {
    email: "contact@cfa-industrie-rouen.example",
    name: "Élodie Bernard",
    roles: [],
    org: "rouen",
    orgRole: "admin",
    label: "administratrice du CFA de l'Industrie de Rouen",
  },
  {
    email: "direction@cfa-maritime-cotentin.example",
    name: "Léa Marchand",
    roles: [],
    org: "maritime",
    orgRole: "admin",
    label: "administratrice d'un CFA labellisé (CFA Maritime du Cotentin)",
  },
  {
    email: "partenaire@competences-cotentin.example",
    name: "Karim Haddad",
    roles: [],
    org: "partner",
    orgRole: "admin",
    label: "structure partenaire",
  },
  {
    email: "direction@atelier-emploi-rouen.example",
    name: "Julien Lebrun",
    roles: [],
    org: "atelier-rouen",
    orgRole: "admin",
    label: "structure partenaire qui délivre ses badges sur Blason (Atelier Emploi Rouen)",
  },
  {
    email: "direction@mission-bessin.example",
    name: "Sophie Marie",
    roles: [],
    org: "bessin",
    orgRole: "admin",
    label: "structure partenaire qui demande à participer (Mission Locale du Bessin)",
  },
];

/** Fills an empty database with the demo organisations and accounts. Returns false when data exists. */
type BadgeRow = typeof badgeClasses.$inferSelect;
type OrgRow = typeof organisations.$inferSelect;

export async function seedDemo(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const o of demoOrganisations) {
      const org = await insertOrganisation(tx, {
        slug: slugify(o.name),
        name: o.name,
        kind: o.kind,
        parentId: o.parent ? ids.get(o.parent)! : null,
        siret: o.siret ? demoSiret(o.siret) : null,
        uai: o.uai ? demoUai(o.uai) : null,
        contactEmail: o.email,
        city: o.city,
      });
      ids.set(o.key, org.id);
    }
    for (const u of demoUsers) {
      const user = await insertUser(tx, {
        email: u.email,
        name: u.name,
        passwordHash,
        platformRoles: u.roles,
        emailVerifiedAt: new Date(),
      });
      if (u.org && u.orgRole) await upsertMembership(tx, ids.get(u.org)!, user.id, u.orgRole);
    }
    await appendAudit(tx, {
      actor: { kind: "system", label: "demo" },
      action: "demo.seeded",
      targetType: "platform",
      data: { organisations: demoOrganisations.length, users: demoUsers.length },
    });
  });
  await seedDemoSessions(ctx);
  await seedDemoCredentials(ctx);
  await seedDemoCompetences(ctx);
  return true;
}

/** A calendar that stays current: sessions placed relative to the day the demo starts. */
async function seedDemoSessions(ctx: AppContext) {
  const [programme] = await ctx.db
    .select()
    .from(programmes)
    .where(eq(programmes.slug, "label-cfa"));
  if (!programme) return;
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const named = (offset: number) =>
    new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric" }).format(
      new Date(Date.now() + offset * 86_400_000),
    );
  await ctx.db.insert(calendarSessions).values([
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
async function seedDemoCredentials(ctx: AppContext) {
  const orgs = await ctx.db.select().from(organisations);
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
    if (accepted)
      await ctx.db
        .update(credentials)
        .set({ claimState: "accepted", claimedAt: validFrom })
        .where(eq(credentials.id, credential.id));
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
  const [job] = await ctx.db
    .select()
    .from(jobs)
    .where(eq(jobs.uniqueKey, `issue:label-request:${request.id}`));
  if (job) await issueJobHandler(ctx)(job.payload as Record<string, unknown>);
  await ctx.db
    .update(credentials)
    .set({ claimState: "accepted", claimedAt: monthsAgo(6) })
    .where(eq(credentials.grantKey, `label-request:${request.id}`));
}

async function seedDemoApplications(
  ctx: AppContext,
  orgs: { caen: string; rouen: string },
  b: (i: number) => BadgeRow,
) {
  const [session] = await ctx.db
    .select()
    .from(calendarSessions)
    .orderBy(asc(calendarSessions.deadline));
  const people = await ctx.db.select().from(users);
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
    state: string,
    extra: Partial<typeof applications.$inferInsert> = {},
  ) => {
    const [row] = await ctx.db
      .insert(applications)
      .values({
        organisationId: org,
        badgeClassId: badge.id,
        state,
        answers: state === "draft" ? {} : answers(badge),
        ...(state === "draft" ? {} : { sessionId: session?.id ?? null, submittedAt: monthsAgo(0) }),
        ...extra,
      })
      .returning();
    return row!;
  };
  await insert(orgs.caen, b(9), "submitted");
  await insert(orgs.caen, b(10), "draft");
  const reviewed = await insert(orgs.rouen, b(9), "under_review");
  await ctx.db.insert(reviewAssignments).values([
    { applicationId: reviewed.id, reviewerId: person("pair@region-normandie.example").id },
    { applicationId: reviewed.id, reviewerId: person("evaluation@cfa-calvados.example").id },
  ]);
  await ctx.db.insert(applicationMessages).values({
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
