import type { AppContext } from "../../context";
import { appendAudit } from "../audit/audit.repo";
import { insertUser } from "../auth/auth.repo";
import { hashPassword } from "../auth/passwords";
import { luhnValid, uaiCheckLetter } from "../organisations/identifiers";
import { insertOrganisation, upsertMembership } from "../organisations/organisations.repo";
import { slugify } from "../organisations/organisations.service";
import { seedDemoCompetences } from "./competences-demo";
import { countUsers } from "./demo.repo";
import { demoOrganisations, demoUsers } from "./demo-people";
import { seedDemoEndorsements } from "./endorsements-demo";
import { seedDemoCredentials, seedDemoSessions } from "./label-demo";
import { seedDemoMentoring } from "./mentoring-demo";
import { seedDemoSupport } from "./support-demo";

export { demoUsers } from "./demo-people";

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

/** Fills an empty database with the demo organisations and accounts. Returns false when data exists. */
export async function seedDemo(ctx: AppContext): Promise<boolean> {
  if ((await countUsers(ctx.db)) > 0) return false;
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
  await seedDemoMentoring(ctx);
  await seedDemoEndorsements(ctx, passwordHash);
  await seedDemoSupport(ctx);
  return true;
}
