import fs from "node:fs";
import path from "node:path";
import { desc, isNotNull } from "drizzle-orm";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, auditLog, calendarSessions } from "../../src/db/schema";
import { auditSentence } from "../../src/modules/audit/audit.text";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/**
 * The manager's lists and the header: the queue filtered to one session with
 * its reviewers and review deadline, the CSV of that filter, the audit log in
 * words; a visitor reaching the competences programme from the home page; a
 * one-row header at 1280 px and a phone menu worked by keyboard.
 */
let world: BrowserWorld;
const screenshots = path.join(repoRoot, "docs/screenshots");
const MANAGER = "gestion@region-normandie.example";

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  world = await startBrowserWorld();
});
afterAll(() => world?.close());

/** Whether the phone menu's button has the keyboard focus. */
const isFocused = async (locator: Locator) =>
  (await locator.page().evaluate("document.activeElement?.className")) === "main-nav__toggle";

async function toEnglish(page: Page) {
  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.locator("html[lang=en]").waitFor();
}

describe("a visitor", () => {
  it("reaches the competences programme from the home page, in French and English", async () => {
    const page = await world.newPage();
    await page.goto("/");
    await expectAccessible(page, "home (fr)");
    await page.getByRole("link", { name: "Découvrir les badges de compétences" }).click();
    await page.waitForURL("**/programmes/competences");
    await page
      .getByRole("heading", { level: 1, name: "La Normandie badge les compétences" })
      .waitFor();
    await page.goto("/");
    await toEnglish(page);
    await expectAccessible(page, "home (en)");
    await page.getByRole("link", { name: "Discover the skills badges" }).click();
    await page.waitForURL("**/programmes/competences");
    // The header names both programmes too.
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await nav.getByRole("link", { name: "CFA label" }).waitFor();
    await nav.getByRole("link", { name: "Skills" }).waitFor();
    await page.context().close();
  });
});

describe("the header", () => {
  it("stays on one row at 1280 px for a manager, the managers' pages in a menu", async () => {
    const page = await world.signedIn(MANAGER);
    const header = page.locator(".site-header__inner");
    const box = (await header.boundingBox())!;
    const brand = (await page.locator(".brand").boundingBox())!;
    const tools = (await page.locator(".site-header__tools").boundingBox())!;
    const nav = (await page.locator(".main-nav").boundingBox())!;
    console.info(`header height at 1280 px for a manager: ${box.height} px`);
    // One row: the navigation and the tools sit beside the brand, not under it.
    for (const part of [nav, tools]) expect(part.y).toBeLessThan(brand.y + brand.height);
    expect(box.height).toBeLessThanOrEqual(brand.height + 40);
    const manage = page.getByRole("button", { name: "Gestion" });
    await expect(manage.getAttribute("aria-expanded")).resolves.toBe("false");
    await manage.click();
    await page.getByRole("link", { name: "Journal", exact: true }).waitFor();
    await page
      .locator(".site-header")
      .screenshot({ path: path.join(screenshots, "header-manager-1280.png") });
    await expectAccessible(page, "manager's home with the Gestion menu open");
    await page.keyboard.press("Escape");
    await expect(manage.getAttribute("aria-expanded")).resolves.toBe("false");
    await page.context().close();
  });

  it("collapses into a Menu button at 375 px, worked by keyboard", async () => {
    const context = await world.browser.newContext({
      locale: "fr-FR",
      baseURL: world.baseUrl,
      viewport: { width: 375, height: 800 },
    });
    const page = await context.newPage();
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "Menu" });
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(
      page.getByRole("link", { name: "Compétences", exact: true }).isVisible(),
    ).resolves.toBe(false);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      if (await isFocused(toggle)) break;
    }
    await expect(isFocused(toggle)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate<string | null>("document.activeElement?.textContent");
    expect(focused).toBe("Compétences");
    await page.screenshot({ path: path.join(screenshots, "menu-375.png") });
    await expectAccessible(page, "the phone menu open");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/programmes/competences");
    // Following a link closes the menu.
    await page.locator('.main-nav__toggle[aria-expanded="false"]').waitFor();
    await toggle.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(isFocused(toggle)).resolves.toBe(true);
    await context.close();
  });
});

describe("the manager's lists", () => {
  it("filters the queue to one session, shows its panel and deadline, exports that filter", async () => {
    const { db } = world.platform.ctx;
    const [sent] = await db
      .select({ sessionId: applications.sessionId, name: calendarSessions.name })
      .from(applications)
      .innerJoin(calendarSessions, isNotNull(applications.sessionId))
      .where(isNotNull(applications.submittedAt))
      .limit(1);
    const session = sent!;
    const page = await world.signedIn(MANAGER);
    await page.goto("/demandes");
    await page.getByLabel("Session", { exact: true }).selectOption({ label: session.name });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/sessionId=/);
    const table = page.getByRole("table", { name: "Demandes envoyées" });
    await table.getByRole("columnheader", { name: "Relecteurs" }).waitFor();
    await table.getByRole("columnheader", { name: "Avis attendus le" }).waitFor();
    const rows = table.locator("tbody tr");
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    for (let i = 0; i < shown; i++)
      await expect(rows.nth(i).textContent()).resolves.toContain(session.name);
    const total = Number((await page.locator(".queue-summary p").textContent())!.match(/\d+/)![0]);
    await page.screenshot({ path: path.join(screenshots, "manager-queue.png"), fullPage: true });
    await expectAccessible(page, "the managers' queue (fr)");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exporter en CSV" }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toContain('"Relecteurs"');
    expect(lines).toHaveLength(total + 1);
    for (const line of lines.slice(1)) expect(line).toContain(session.name);

    // A shared link opens the same filtered list, in English too.
    const shared = page.url();
    await page.goto(shared);
    await toEnglish(page);
    await page.getByRole("table", { name: "Sent applications" }).waitFor();
    await expect(page.getByLabel("Session", { exact: true }).inputValue()).resolves.toBe(
      session.sessionId,
    );
    await expectAccessible(page, "the managers' queue (en)");
    await page.context().close();
  });

  it("lists the issued badges from the Gestion menu, filters them and exports that filter", async () => {
    const page = await world.signedIn(MANAGER);
    // The home is shown (its route committed) before the menu is opened.
    await page.locator("main h1").waitFor();
    await page.getByRole("button", { name: "Gestion" }).click();
    await page.getByRole("link", { name: "Badges délivrés" }).click();
    await page.waitForURL("**/gestion/badges-delivres");
    await page.getByRole("combobox", { name: "État" }).selectOption({ label: "Valide" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/state=valid/);
    const rows = page.getByRole("table", { name: "Badges délivrés" }).locator("tbody tr");
    await rows.first().waitFor();
    for (const text of await rows.allTextContents()) expect(text).toContain("Valide");
    const total = Number((await page.locator(".queue-summary p").textContent())!.match(/\d+/)![0]);
    await page.screenshot({ path: path.join(screenshots, "issued-badges.png"), fullPage: true });
    await expectAccessible(page, "the issued badges (fr)");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exporter en CSV" }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(total + 1);
    for (const line of lines.slice(1)) expect(line).toContain('"Valide"');
    await toEnglish(page);
    await page.getByRole("table", { name: "Issued badges" }).waitFor();
    await expectAccessible(page, "the issued badges (en)");
    await page.context().close();
  });

  it("reads the audit log in words, with a link to the object, in French and English", async () => {
    const { db } = world.platform.ctx;
    const recent = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(25);
    const described = recent.find((row) => auditSentence(row.action, row.data) && row.targetId);
    const words = auditSentence(described!.action, described!.data)!;
    const page = await world.signedIn(MANAGER);
    await page.goto("/admin/journal");
    await page.getByRole("link", { name: words.fr }).first().waitFor();
    await page.screenshot({ path: path.join(screenshots, "audit-in-words.png"), fullPage: true });
    await expectAccessible(page, "the audit log (fr)");
    await toEnglish(page);
    await page.getByRole("link", { name: words.en }).first().waitFor();
    await expectAccessible(page, "the audit log (en)");
    await page.context().close();
  });
});
