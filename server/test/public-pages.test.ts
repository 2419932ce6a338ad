import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses } from "../src/db/schema";
import { forgetPublicBadges } from "../src/modules/catalogue/catalogue.repo";
import { catalogueBadges } from "./support/factories";
import { appWithWebApp, createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let app: FastifyInstance;
let badgeId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  app = await appWithWebApp(platform);
  const [badge] = await catalogueBadges(platform.ctx);
  badgeId = badge!.id;
});
afterAll(async () => {
  await app?.close();
  await platform?.close();
});

/** The attribute value of a meta tag in raw HTML, as a link-preview crawler reads it. */
function meta(html: string, key: string): string | undefined {
  return new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
}

describe("badge pages in the first HTML response (no JavaScript)", () => {
  it("say when a badge belongs to a past collection", async () => {
    const [old] = await platform.ctx.db
      .select({ id: badgeClasses.id })
      .from(badgeClasses)
      .where(eq(badgeClasses.slug, "veille-numerique"));
    const html = (await app.inject({ method: "GET", url: `/badges/${old!.id}` })).body;
    expect(html).toContain("2018, collection qui n&#39;est plus en vigueur");
  });

  it("carry the title, description, Open Graph and Twitter tags, and a JSON-LD summary", async () => {
    const response = await app.inject({ method: "GET", url: `/badges/${badgeId}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toContain("public");
    const html = response.body;
    expect(html).toContain("<title>Veille — Label CFA Innovant et Durable — Blason</title>");
    expect(meta(html, "og:title")).toBe("Veille — Label CFA Innovant et Durable");
    expect(meta(html, "og:description")).toMatch(/^Le CFA suit de façon organisée/);
    expect(meta(html, "og:url")).toBe(`http://localhost:3000/badges/${badgeId}`);
    expect(meta(html, "og:image")).toBe(
      `http://localhost:3000/api/public/badges/${badgeId}/image.png`,
    );
    expect(meta(html, "twitter:card")).toBe("summary");
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(jsonLd ?? "{}")).toMatchObject({
      "@type": "EducationalOccupationalCredential",
      name: "Veille",
      validFor: "P48M",
    });
    // Only one title and description remain.
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
  });

  it("are readable without JavaScript: the criteria are in the HTML", async () => {
    const html = (await app.inject({ method: "GET", url: `/badges/${badgeId}` })).body;
    expect(html).toContain("<h1>Veille</h1>");
    expect(html).toContain("Obligatoire pour le label");
    expect(html).toContain("Une veille est organisée");
  });

  it("the preview image is a PNG", async () => {
    const response = await app.inject({
      method: "GET",
      url: `/api/public/badges/${badgeId}/image.png`,
    });
    expect(response.headers["content-type"]).toBe("image/png");
    expect(response.rawPayload.subarray(1, 4).toString()).toBe("PNG");
  });

  it("an unknown badge answers 404 with the app shell", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/badges/00000000-0000-4000-8000-000000000000",
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<div id="root"></div>');
  });

  it("escapes what it writes into the page", async () => {
    await platform.ctx.db
      .update(badgeClasses)
      .set({ name: '<script>alert("x")</script>' })
      .where(eq(badgeClasses.id, badgeId));
    forgetPublicBadges();
    const html = (await app.inject({ method: "GET", url: `/badges/${badgeId}` })).body;
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });
});
