import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../src/modules/demo/seed";
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
    expect(stats.organisationsEngaged).toBe(2);
    expect(stats.laureates).toBe(0);
    const csv = await client.get("/api/public/statistics.csv");
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body).toContain(
      `"organisations engagées";"CFA ayant envoyé une demande ou obtenu un badge";"2"`,
    );
  });
});
