import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

const screenshots = path.join(repoRoot, "docs/screenshots");

/**
 * An address that is no page: the server answers 404 and the app shows its
 * own "page not found", translated, accessible, with where to go next.
 */
let world: BrowserWorld;
beforeAll(async () => {
  world = await startBrowserWorld();
});
afterAll(() => world?.close());

describe("page not found", () => {
  it("an unknown address answers 404 with the app's own page, in French, accessible", async () => {
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const response = await page.goto("/catalogue-2019/badge-disparu");
    expect(response?.status()).toBe(404);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Page introuvable");
    expect(await page.title()).toContain("Page introuvable");
    await expect
      .poll(() => page.getByRole("main").textContent())
      .toContain("Adresse demandée : /catalogue-2019/badge-disparu");
    await expectAccessible(page, "the page not found");
    await page.screenshot({ path: path.join(screenshots, "not-found.png"), fullPage: false });

    // Where to go next, by keyboard.
    await page.getByRole("main").getByRole("link", { name: "Vérifier un badge" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL("**/verify");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .not.toBe("Page introuvable");
    await page.context().close();
  });

  it("in English, and a page address in the wrong case is not a page", async () => {
    const page = await world.newPage("en-GB");
    await page.addInitScript(() => localStorage.setItem("blason.lang", "en"));
    const response = await page.goto("/Connexion");
    expect(response?.status()).toBe(404);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Page not found");
    await expect.poll(() => page.getByRole("link", { name: "The site map" }).count()).toBe(1);
    await expectAccessible(page, "the page not found in English");
    await page.context().close();
  });

  it("known pages still answer 200, and unknown API addresses 404 JSON", async () => {
    const page = await world.newPage();
    expect((await page.goto("/connexion"))?.status()).toBe(200);
    expect((await page.goto("/plan-du-site"))?.status()).toBe(200);
    for (const url of ["/api/nimporte-quoi", "/ims/ob/v3p0/inconnu"]) {
      const api = await page.request.get(url);
      expect(api.status(), url).toBe(404);
      expect(await api.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    await page.context().close();
  });
});
