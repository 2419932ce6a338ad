import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { shieldHalfWidth } from "@blason/openbadges";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations } from "../../src/db/schema";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/**
 * What people see of badges is true: a generated image shows the badge's
 * whole name inside its shield, in a real browser; and a partner's CSV
 * award tells counts that add up, beside a card that says the same.
 */
let world: BrowserWorld;
const screenshots = path.join(repoRoot, "docs/screenshots");
beforeAll(async () => {
  world = await startBrowserWorld();
  fs.mkdirSync(screenshots, { recursive: true });
});
afterAll(() => world?.close());

describe("generated badge images in a browser", () => {
  it("the catalogue's long names are drawn whole, every line inside the shield's border", async () => {
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/programmes/label-cfa");
    const card = page.locator(".badge-card", {
      hasText: "Attractivité et promotion des métiers et formations",
    });
    await card.scrollIntoViewIfNeeded();
    const images = page.locator(".badge-card img");
    await expect.poll(() => images.count(), { timeout: 10_000 }).toBeGreaterThan(15);
    // Every image the page shows has loaded.
    await expect
      .poll(
        () =>
          images.evaluateAll((all) =>
            all.every((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0),
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    const sources = await images.evaluateAll((all) =>
      all.map((i) => (i as unknown as { src: string }).src),
    );
    // Chromium draws each SVG at 1:1: every line's box lies inside the gold border's inner edge.
    const drawing = await world.newPage();
    const outside: string[] = [];
    for (const src of sources) {
      const svg = await (await fetch(src)).text();
      const title = svg.match(/<title>([^<]*)<\/title>/)?.[1] ?? src;
      await drawing.setContent(`<body style="margin:0">${svg}</body>`);
      const lines = drawing.locator("path[data-title-line]");
      expect(await lines.count(), title).toBeGreaterThan(0);
      for (const box of await Promise.all((await lines.all()).map((l) => l.boundingBox()))) {
        if (!box) continue;
        for (const y of [box.y, box.y + box.height]) {
          const half = shieldHalfWidth(y) - 4;
          if (box.x < 200 - half || box.x + box.width > 200 + half)
            outside.push(
              `${title}: ${box.x.toFixed(0)}..${(box.x + box.width).toFixed(0)} at y ${y.toFixed(0)}`,
            );
        }
      }
    }
    await drawing.context().close();
    expect(outside).toEqual([]);
    await expectAccessible(page, "the label's catalogue");
    await page
      .locator(".badge-card", { hasText: "Mission accompagnement numérique" })
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, "badge-images.png") });
    await page.context().close();
  });
});

describe("a partner's CSV award", () => {
  it("4 lines, one already held, one invalid: the summary, the progress and the card add up", async () => {
    const page = await world.signedIn("direction@atelier-emploi-rouen.example");
    const [org] = await world.platform.ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.contactEmail, "contact@atelier-emploi-rouen.example"));
    const orgId = org!.id;
    await page.goto(`/organisations/${orgId}/partenaire`);
    const card = page.locator("li.card", {
      hasText: "S'adapter à un nouveau poste",
      has: page.getByLabel("Fichier CSV"),
    });
    await expect
      .poll(() => card.locator("summary").first().textContent(), { timeout: 10_000 })
      .toMatch(/détient/);
    const before = Number(
      (await card.locator("p.muted").first().textContent())?.match(/(\d+) titulaire/)?.[1],
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "blason-csv-")), "liste.csv");
    fs.writeFileSync(
      file,
      [
        "courriel;nom",
        "camille.petit@exemple.fr;Camille Petit",
        "ines.moreau@exemple.fr;Inès Moreau",
        "pas-une-adresse;Quelqu'un",
        "hugo.lefebvre@exemple.fr;Hugo Lefebvre",
      ].join("\r\n"),
    );
    await card.getByLabel("Fichier CSV").setInputFiles(file);
    await card.getByRole("button", { name: /Envoyer le fichier/ }).click();
    const progress = card.locator("[aria-live=polite]");
    await expect
      .poll(() => progress.textContent(), { timeout: 20_000 })
      .toContain("Terminé : 4 lignes lues.");
    const text = await progress.textContent();
    expect(text).toContain("2 badges délivrés");
    expect(text).toContain("1 personne l'avait déjà (rien n'a changé)");
    expect(text).toContain("1 ligne refusée");
    expect(text).toContain("Ligne 4 — pas-une-adresse : Adresse électronique invalide.");
    expect(await progress.locator("progress").getAttribute("value")).toBe("4");
    // The card and its list of holders say the same number, two more than before.
    await expect
      .poll(() => card.locator("p.muted").first().textContent(), { timeout: 10_000 })
      .toContain(`${before + 2} titulaires`);
    await expect
      .poll(() => card.locator("summary").first().textContent(), { timeout: 10_000 })
      .toContain(`${before + 2} personnes détiennent ce badge`);
    await expectAccessible(page, "the partner's page after a CSV award");
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(screenshots, "csv-award-counts.png") });
    await page.context().close();
  });
});
