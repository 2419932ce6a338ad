import { eq } from "drizzle-orm";
import { calendarSessions, type PlatformRole, programmes } from "../../src/db/schema";
import type { UserRow } from "../../src/modules/auth/auth.repo";
import type { OrganisationRow } from "../../src/modules/organisations/organisations.repo";
import { TestClient } from "./client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./factories";
import type { TestPlatform } from "./platform";

/** Every kind of caller a route may meet. */
export const roles = [
  "anonymous",
  "outsider",
  "cfaMember",
  "cfaAdmin",
  "otherCfaAdmin",
  "reviewer",
  "manager",
  "platformAdmin",
] as const;
export type Role = (typeof roles)[number];

/**
 * A region, a CFA ("own" organisation) that some callers belong to and others
 * do not, a neighbouring CFA, one user per role, and an open session of the
 * label programme (whose badges come with the seeded catalogue).
 */
export type World = {
  platform: TestPlatform;
  cfa: OrganisationRow;
  cfaId: string;
  otherCfa: OrganisationRow;
  users: Record<Exclude<Role, "anonymous">, UserRow>;
  /** A second reviewer with no tie to the CFA, so that panels of two can form. */
  extraReviewerId: string;
};

export async function buildWorld(platform: TestPlatform): Promise<World> {
  const { ctx } = platform;
  await buildOrganisation(ctx, { name: "Région Matrice", kind: "region" });
  const cfa = await buildOrganisation(ctx, { name: "CFA Matrice" });
  const otherCfa = await buildOrganisation(ctx, { name: "CFA Voisin" });
  const make = (platformRoles: PlatformRole[] = []) => buildUser(ctx, { platformRoles });
  const users = {
    outsider: await make(),
    cfaMember: await make(),
    cfaAdmin: await make(),
    otherCfaAdmin: await make(),
    reviewer: await make(["reviewer"]),
    manager: await make(["programme_manager"]),
    platformAdmin: await make(["platform_admin"]),
  };
  await addMember(ctx, cfa.id, users.cfaMember.id, "member");
  await addMember(ctx, cfa.id, users.cfaAdmin.id, "admin");
  await addMember(ctx, otherCfa.id, users.otherCfaAdmin.id, "admin");
  // The reviewer works at a CFA too, but not this one.
  await addMember(ctx, otherCfa.id, users.reviewer.id, "member");
  const extraReviewer = await make(["reviewer"]);
  await buildCalendarSession(platform, { name: "Session matrice", deadlineInDays: 30 });
  return { platform, cfa, cfaId: cfa.id, otherCfa, users, extraReviewerId: extraReviewer.id };
}

/** A session of the label programme whose deadline is `deadlineInDays` away, its commission 15 days later. */
export async function buildCalendarSession(
  platform: TestPlatform,
  options: { name: string; deadlineInDays: number },
) {
  const { db } = platform.ctx;
  const [programme] = await db.select().from(programmes).where(eq(programmes.slug, "label-cfa"));
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const [session] = await db
    .insert(calendarSessions)
    .values({
      programmeId: programme!.id,
      name: options.name,
      deadline: inDays(options.deadlineInDays),
      commissionDate: inDays(options.deadlineInDays + 15),
    })
    .returning();
  return session!;
}

/** A client of the world's API as `role` (anonymous: no session at all). */
export async function clientAs(world: World, role: Role): Promise<TestClient> {
  if (role === "anonymous") return new TestClient(world.platform.app);
  return signedInClient(world.platform, world.users[role].id);
}
