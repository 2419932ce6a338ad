import { layoutWords, renderedLineBoxes, titleLayout } from "@blason/openbadges";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, collections, programmes } from "../src/db/schema";
import { subtitleFor } from "../src/modules/catalogue/badge-image";
import { TestClient } from "./support/client";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Every badge of every programme Blason seeds (the label's 2018, 2022 and
 * 2026 collections, the competences programme, Participant and Ambassadeur)
 * is served with its whole name inside the shield, as resvg draws it.
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(async () => platform?.close());

describe("the generated image of every catalogue badge", () => {
  it("shows the badge's whole name, each line inside the shield's usable width", async () => {
    const rows = await platform.ctx.db
      .select({ badge: badgeClasses, collection: collections, programme: programmes })
      .from(badgeClasses)
      .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
      .innerJoin(programmes, eq(programmes.id, collections.programmeId))
      .orderBy(asc(collections.name), asc(badgeClasses.position));
    const collectionNames = new Set(rows.map((r) => r.collection.name));
    expect([...collectionNames].join(" | ")).toMatch(/2018/);
    expect([...collectionNames].join(" | ")).toMatch(/2022/);
    expect([...collectionNames].join(" | ")).toMatch(/2026/);
    expect(rows.map((r) => r.badge.name)).toEqual(
      expect.arrayContaining([
        "Attractivité et promotion des métiers et formations",
        "Mission accompagnement numérique",
        expect.stringMatching(/^Participant/),
        expect.stringMatching(/^Ambassadeur/),
        expect.stringMatching(/^Organiser, niveau II/),
      ]),
    );
    const client = new TestClient(platform.app);
    for (const { badge, collection } of rows) {
      const served = await client.get(`/api/public/badges/${badge.id}/image.svg`);
      expect(served.statusCode).toBe(200);
      const layout = titleLayout({
        title: badge.name,
        subtitle: subtitleFor({ badge, collection }),
        required: badge.required,
      });
      expect(layoutWords(layout), badge.name).toBe(badge.name);
      const drawn = renderedLineBoxes(served.body).filter((b) => b.kind === "title");
      expect(drawn, badge.name).toHaveLength(layout.lines.length);
      for (const { index, box } of drawn) {
        const line = layout.lines[index]!;
        expect(box, `${badge.name}: ${line.text}`).not.toBeNull();
        expect(box!.x, `${badge.name}: ${line.text}`).toBeGreaterThanOrEqual(
          200 - line.room / 2 - 0.5,
        );
        expect(box!.x + box!.width, `${badge.name}: ${line.text}`).toBeLessThanOrEqual(
          200 + line.room / 2 + 0.5,
        );
      }
    }
    const png = await client.get(`/api/public/badges/${rows[0]!.badge.id}/image.png`);
    expect(png.headers["content-type"]).toBe("image/png");
  });
});
