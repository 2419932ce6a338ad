import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, badgeEquivalences, collections, programmes } from "../src/db/schema";
import { ensureCatalogue } from "../src/modules/catalogue/catalogue.seed";
import { json, TestClient } from "./support/client";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

type Badge = {
  id: string;
  name: string;
  required: boolean;
  validityMonths: number;
  url: string;
  image: string;
  criteria: unknown[];
};

describe("public catalogue", () => {
  it("lists the label programme with its 2026 collection", async () => {
    const body = json<{ programmes: { slug: string; collection: Record<string, unknown> }[] }>(
      await new TestClient(platform.app).get("/api/public/programmes"),
    );
    expect(body.programmes.find((p) => p.slug === "label-cfa")).toEqual(
      expect.objectContaining({
        slug: "label-cfa",
        collection: {
          version: "2026",
          name: expect.any(String),
          labelTotal: 10,
          badgeCount: 19,
          requiredCount: 5,
        },
      }),
    );
  });

  it("gives each badge its id, name, required flag, validity, public URL and image", async () => {
    const response = await new TestClient(platform.app).get(
      "/api/public/programmes/label-cfa/badges",
    );
    expect(response.headers["cache-control"]).toContain("public");
    const { badges } = json<{ badges: Badge[] }>(response);
    expect(badges).toHaveLength(19);
    expect(badges[0]).toMatchObject({
      name: "Veille",
      required: true,
      validityMonths: 48,
      url: `http://localhost:3000/badges/${badges[0]!.id}`,
    });
    const image = await new TestClient(platform.app).get(new URL(badges[0]!.image).pathname);
    expect(image.headers["content-type"]).toContain("image/svg+xml");
    expect(image.body).toContain("<title>Veille</title>");
  });

  it("answers 404 for an unknown programme or badge", async () => {
    const client = new TestClient(platform.app);
    expect((await client.get("/api/public/programmes/inconnu/badges")).statusCode).toBe(404);
    expect(
      (await client.get("/api/public/badges/00000000-0000-4000-8000-000000000000")).statusCode,
    ).toBe(404);
  });

  it("seeding again changes nothing", async () => {
    expect(await ensureCatalogue(platform.ctx)).toBe(false);
    const { badges } = json<{ badges: Badge[] }>(
      await new TestClient(platform.app).get("/api/public/programmes/label-cfa/badges"),
    );
    expect(badges).toHaveLength(19);
  });
});

describe("the past collections in the database", () => {
  it("are published, not in force, and chain their equivalences 2018 -> 2022 -> 2026", async () => {
    await ensureCatalogue(platform.ctx);
    const [label] = await platform.ctx.db
      .select()
      .from(programmes)
      .where(eq(programmes.slug, "label-cfa"));
    const rows = await platform.ctx.db
      .select()
      .from(collections)
      .where(eq(collections.programmeId, label!.id));
    const byVersion = Object.fromEntries(rows.map((c) => [c.version, c]));
    expect(byVersion["2026"]).toMatchObject({ inForce: true, status: "published" });
    expect(byVersion["2018"]).toMatchObject({ inForce: false, status: "published" });
    expect(byVersion["2022"]).toMatchObject({ inForce: false, status: "published" });
    const badges = await platform.ctx.db.select().from(badgeClasses);
    const id = (version: string, slug: string) =>
      badges.find((b) => b.collectionId === byVersion[version]!.id && b.slug === slug)!.id;
    const links = await platform.ctx.db.select().from(badgeEquivalences);
    const next = (from: string) => links.find((l) => l.fromBadgeId === from)?.toBadgeId;
    expect(next(id("2018", "veille-numerique"))).toBe(id("2022", "veille"));
    expect(next(id("2022", "veille"))).toBe(id("2026", "veille"));
    const count = links.length;
    await ensureCatalogue(platform.ctx);
    expect(await platform.ctx.db.select().from(badgeEquivalences)).toHaveLength(count);
    expect(
      await platform.ctx.db
        .select()
        .from(collections)
        .where(eq(collections.programmeId, label!.id)),
    ).toHaveLength(rows.length);
  });
});

describe("the history page's data", () => {
  it("lists the published collections newest first, each old badge with what it counts as", async () => {
    const client = new TestClient(platform.app);
    const history = json<{
      collections: {
        version: string;
        inForce: boolean;
        badges: {
          id: string;
          name: string;
          successor: { name: string; collection: string } | null;
        }[];
      }[];
    }>(await client.get("/api/public/programmes/label-cfa/collections"));
    expect(history.collections.map((c) => [c.version, c.inForce])).toEqual([
      ["2026", true],
      ["2022", false],
      ["2018", false],
    ]);
    const veille2018 = history.collections[2]!.badges.find((b) => b.name === "Veille numérique")!;
    expect(veille2018.successor).toEqual(
      expect.objectContaining({ name: "Veille", collection: "2022" }),
    );
    const old = json<{ inForce: boolean; successor: { collection: string } }>(
      await client.get(`/api/public/badges/${veille2018.id}`),
    );
    expect(old).toMatchObject({ inForce: false, successor: { collection: "2022" } });
  });
});
