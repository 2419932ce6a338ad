import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    expect(body.programmes).toEqual([
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
    ]);
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
