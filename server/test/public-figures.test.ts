import { verifyCredential } from "@blason/openbadges";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, badgeClasses, credentials, partnerBadges, users } from "../src/db/schema";
import { DEMO_PASSWORD, seedDemo } from "../src/modules/demo/seed";
import { json, TestClient } from "./support/client";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
  await seedDemo(platform.ctx);
});
afterAll(() => platform?.close());

type Passport = {
  label: { count: number; total: number; eligible: boolean } | null;
  badges: { name: string }[];
};

describe("passports and figures", () => {
  it("a CFA's passport shows only the badges it accepted and that still hold", async () => {
    const client = new TestClient(platform.app);
    const passport = json<Passport>(
      await client.get("/api/public/passports/cfa-des-metiers-du-calvados"),
    );
    // The demo CFA holds 8 valid badges, one of them still to be accepted (not shown);
    // a ninth was revoked (neither shown nor counted).
    expect(passport.badges).toHaveLength(7);
    expect(passport.label).toMatchObject({ count: 8, total: 10, eligible: false });
    expect((await client.get("/api/public/passports/region-normandie")).statusCode).toBe(404);
  });

  it("a badge its holder hides leaves the passport but stays verifiable", async () => {
    const anonymous = new TestClient(platform.app);
    const before = json<Passport & { badges: { credentialId: string }[] }>(
      await anonymous.get("/api/public/passports/cfa-des-metiers-du-calvados"),
    );
    const hidden = before.badges[0]!.credentialId;
    const member = new TestClient(platform.app);
    await member.signIn("qualite@cfa-calvados.example", DEMO_PASSWORD);
    const response = await member.post(`/api/credentials/${hidden}/visibility`, { shown: false });
    expect(response.json()).toMatchObject({ shownPublicly: false, status: "valid" });
    const after = json<{ badges: { credentialId: string }[] }>(
      await anonymous.get("/api/public/passports/cfa-des-metiers-du-calvados"),
    );
    expect(after.badges.map((b) => b.credentialId)).not.toContain(hidden);
    expect(after.badges).toHaveLength(before.badges.length - 1);
    const document = await anonymous.request({
      method: "GET",
      url: `/credentials/${hidden}`,
      headers: { accept: "application/ld+json" },
    });
    expect(document.statusCode).toBe(200);
  });

  it("a labelled CFA's passport shows its label, which verifies; an eligible one shows the rule met", async () => {
    const client = new TestClient(platform.app);
    const labelled = json<{ label: { state: string; credentialUrl: string } }>(
      await client.get("/api/public/passports/cfa-maritime-du-cotentin"),
    );
    expect(labelled.label).toMatchObject({ state: "active", eligible: true });
    const document = await client.request({
      method: "GET",
      url: new URL(labelled.label.credentialUrl).pathname,
      headers: { accept: "application/ld+json" },
    });
    const report = await verifyCredential(document.json(), { fetcher: platform.ctx.fetcher });
    expect(report.verified).toBe(true);
    const eligible = json<{ label: { state: string; eligible: boolean } }>(
      await client.get("/api/public/passports/cfa-du-pays-d-auge"),
    );
    expect(eligible.label).toMatchObject({ state: "none", eligible: true });
  });

  it("counts badges per year and per badge, engaged CFAs, and offers them as CSV", async () => {
    const client = new TestClient(platform.app);
    const stats = json<{
      badgesPerYear: { count: number }[];
      badgesPerBadge: { count: number }[];
      organisationsEngaged: number;
      laureates: number;
    }>(await client.get("/api/public/statistics"));
    const perYear = stats.badgesPerYear.reduce((n, r) => n + r.count, 0);
    expect(perYear).toBe(stats.badgesPerBadge.reduce((n, r) => n + r.count, 0));
    // Calvados and Rouen apply; Pays d'Auge meets the rule and asked; the maritime CFA is labelled.
    expect(stats.organisationsEngaged).toBe(4);
    expect(stats.laureates).toBe(1);
    const laureates = json<{ laureates: { name: string }[] }>(
      await client.get("/api/public/laureates"),
    );
    expect(laureates.laureates.map((l) => l.name)).toEqual(["CFA Maritime du Cotentin"]);
    const csv = await client.get("/api/public/statistics.csv");
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body).toContain(
      `"organisations engagées";"CFA ayant envoyé une demande ou obtenu un badge";"4"`,
    );
  });
});

describe("the competences programme in the demo", () => {
  it("shows persons at every stage: one badge short, level I, level II, the general badge", async () => {
    const slugsOf = async (email: string) => {
      const [user] = await platform.ctx.db.select().from(users).where(eq(users.email, email));
      const rows = await platform.ctx.db
        .select({ slug: badgeClasses.slug })
        .from(credentials)
        .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
        .where(eq(credentials.subjectUserId, user!.id));
      return rows.map((r) => r.slug).sort();
    };
    expect(await slugsOf("lea.durand@exemple.fr")).toEqual([]);
    expect(await slugsOf("yanis.benali@exemple.fr")).toEqual(["communiquer-1", "organiser-1"]);
    // Inès also holds the Rouen workshop's own badge, issued on Blason, which gave her "S'adapter" I.
    expect((await slugsOf("ines.moreau@exemple.fr")).filter((s) => !s.includes("-poste-"))).toEqual(
      ["organiser-2", "s-adapter-1"],
    );
    const [blason] = await platform.ctx.db
      .select()
      .from(partnerBadges)
      .where(eq(partnerBadges.channel, "blason"));
    expect(blason).toMatchObject({ counts: true, name: "S'adapter à un nouveau poste" });
    expect(await slugsOf("thomas.leroux@exemple.fr")).toEqual([
      "badge-general",
      "organiser-2",
      "s-adapter-2",
      "s-integrer-2",
    ]);
    // Thomas's badge issued before its registration was approved is kept, and says why it does not count.
    const refused = await platform.ctx.db
      .select()
      .from(partnerBadges)
      .where(eq(partnerBadges.refusalCode, "ISSUED_BEFORE_APPROVAL"));
    expect(refused).toHaveLength(1);
  });

  it("the partners hold their Participant badge, and the one still applying has its request waiting", async () => {
    const [participant] = await platform.ctx.db
      .select()
      .from(badgeClasses)
      .where(eq(badgeClasses.slug, "participant"));
    const held = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.badgeClassId, participant!.id));
    expect(held).toHaveLength(2);
    const waiting = await platform.ctx.db
      .select()
      .from(applications)
      .where(eq(applications.badgeClassId, participant!.id));
    expect(waiting.map((a) => a.state)).toEqual(["submitted"]);
  });
});
