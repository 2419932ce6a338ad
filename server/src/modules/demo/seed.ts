import { asc, eq, sql } from "drizzle-orm";
import type { AppContext } from "../../context";
import {
  badgeClasses,
  calendarSessions,
  credentials,
  type MemberRole,
  type OrgKind,
  organisations,
  type PlatformRole,
  programmes,
  users,
} from "../../db/schema";
import { appendAudit } from "../audit/audit.repo";
import { insertUser } from "../auth/auth.repo";
import { hashPassword } from "../auth/passwords";
import { revokeCredential } from "../credentials/credentials.service";
import { issueCredential } from "../credentials/issuance.service";
import { luhnValid, uaiCheckLetter } from "../organisations/identifiers";
import { insertOrganisation, upsertMembership } from "../organisations/organisations.repo";
import { slugify } from "../organisations/organisations.service";

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
    email: "partenaire@competences-cotentin.example",
    name: "Karim Haddad",
    roles: [],
    org: "partner",
    orgRole: "admin",
    label: "structure partenaire",
  },
];

/** Fills an empty database with the demo organisations and accounts. Returns false when data exists. */
type BadgeRow = typeof badgeClasses.$inferSelect;

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

/**
 * Badges already awarded to the Calvados CFA, in every state a holder sees:
 * accepted, waiting to be accepted, revoked.
 */
async function seedDemoCredentials(ctx: AppContext) {
  const [cfa] = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.contactEmail, "contact@cfa-calvados.example"));
  const badges = await ctx.db
    .select()
    .from(badgeClasses)
    .orderBy(asc(badgeClasses.position))
    .limit(4);
  if (!cfa || badges.length < 4) return;
  const [accepted1, accepted2, pending, revoked] = badges as [
    BadgeRow,
    BadgeRow,
    BadgeRow,
    BadgeRow,
  ];
  const issue = (badge: BadgeRow, validFrom: string) =>
    issueCredential(ctx, {
      grantKey: `demo:${badge.slug}`,
      badgeClassId: badge.id,
      subjectOrgId: cfa.id,
      validFrom: new Date(validFrom),
    });
  for (const badge of [accepted1, accepted2]) {
    const { credential } = await issue(badge, "2026-06-18T09:00:00Z");
    await ctx.db
      .update(credentials)
      .set({ claimState: "accepted", claimedAt: new Date("2026-06-20T10:00:00Z") })
      .where(eq(credentials.id, credential.id));
  }
  await issue(pending, "2026-10-15T09:00:00Z");
  const { credential } = await issue(revoked, "2026-03-12T09:00:00Z");
  await revokeCredential(
    ctx,
    credential.id,
    "Le dispositif décrit dans le dossier n'était plus en place lors du contrôle.",
    { kind: "system", label: "demo" },
  );
}
