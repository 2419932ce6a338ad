import fs from "node:fs";
import path from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, credentials, organisations } from "../../src/db/schema";
import { demoSiret } from "../../src/modules/demo/seed";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/**
 * What the screens say must be true, in a real browser with axe: the
 * programme a badge belongs to and how it is awarded, a holder who does not
 * show their name, what the verifier checked and who holds the badge, a
 * partner's request in the managers' queue, and English pages in English.
 */
let world: BrowserWorld;
const screenshots = path.join(repoRoot, "docs/screenshots");
const ids = { regional: "", own: "", ownBadge: "", regionalBadge: "", cfa: "" };

beforeAll(async () => {
  world = await startBrowserWorld();
  fs.mkdirSync(screenshots, { recursive: true });
  const db = world.platform.ctx.db;
  const [regionalBadge] = await db
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.slug, "organiser-1"));
  const [ownBadge] = await db
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.name, "S'adapter à un nouveau poste"));
  const [regional] = await db
    .select()
    .from(credentials)
    .where(
      and(
        eq(credentials.badgeClassId, regionalBadge!.id),
        isNotNull(credentials.subjectUserId),
        eq(credentials.claimState, "pending"),
      ),
    );
  const [own] = await db
    .select()
    .from(credentials)
    .where(eq(credentials.badgeClassId, ownBadge!.id));
  const [calvados] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.contactEmail, "contact@cfa-calvados.example"));
  const [cfa] = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.subjectOrgId, calvados!.id), eq(credentials.claimState, "accepted")));
  Object.assign(ids, {
    regional: regional!.id,
    own: own!.id,
    ownBadge: ownBadge!.id,
    regionalBadge: regionalBadge!.id,
    cfa: cfa!.id,
  });
});
afterAll(() => world?.close());

const main = (page: Page) => page.locator("main").innerText();
const toEnglish = (page: Page) => page.getByRole("button", { name: "Switch to English" }).click();

describe("a regional badge and a partner's own badge, in public (16, 21)", () => {
  it("each names its own programme or its partner, and says how it is awarded", async () => {
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/credentials/${ids.regional}`);
    await page.getByRole("link", { name: "La Normandie badge les compétences" }).waitFor();
    expect(await main(page)).not.toContain("Label CFA");
    await expectAccessible(page, "a regional badge's page");

    await page.goto(`/badges/${ids.regionalBadge}`);
    await page.getByText(/^Délivré automatiquement par la Région/).waitFor();
    expect(await main(page)).not.toMatch(/décision de la commission|Collection 2022/);
    await page.screenshot({ path: path.join(screenshots, "regional-badge.png"), fullPage: true });
    await expectAccessible(page, "a regional badge class");

    await page.goto(`/credentials/${ids.own}`);
    await page.getByRole("link", { name: "Badge délivré par Atelier Emploi Rouen" }).waitFor();
    expect(await main(page)).not.toMatch(/Label CFA|Collection 1/);
    await page.getByRole("link", { name: "Badge délivré par Atelier Emploi Rouen" }).click();
    await page.getByRole("heading", { name: "Les badges de Atelier Emploi Rouen" }).waitFor();
    expect(await main(page)).not.toMatch(/badge régional|Collection/);
    await expectAccessible(page, "a partner's own catalogue");

    await page.goto(`/badges/${ids.ownBadge}`);
    await page
      .getByText("Délivré par Atelier Emploi Rouen. Valable 3 ans à compter de sa délivrance.")
      .waitFor();
    await toEnglish(page);
    await page
      .getByText("Issued by Atelier Emploi Rouen. Valid for 3 years from its issue.")
      .waitFor();
    await page.goto(`/badges/${ids.regionalBadge}`);
    await page.getByText(/^Issued automatically by the Region/).waitFor();
    expect(await main(page)).not.toContain("commission's decision");
    await expectAccessible(page, "a regional badge class (en)");
    await page.context().close();
  });
});

describe("a holder who does not show their name (17)", () => {
  it("gets a sentence of its own, in French and in English", async () => {
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/credentials/${ids.regional}`);
    await page
      .getByText("Délivré par Région Normandie à une personne qui n'affiche pas son nom.")
      .waitFor();
    expect(await main(page)).not.toContain("Titulaire non affiché");
    expect(await page.locator(".facts").innerText()).toContain(
      "Une personne qui n'affiche pas son nom",
    );
    await page.screenshot({ path: path.join(screenshots, "hidden-holder.png"), fullPage: false });
    await expectAccessible(page, "a hidden holder's badge (fr)");
    await toEnglish(page);
    await page
      .getByText("Awarded by Région Normandie to a person who does not show their name.")
      .waitFor();
    await expectAccessible(page, "a hidden holder's badge (en)");
    await page.context().close();
  });
});

describe("the verifier (20)", () => {
  const step = (page: Page, name: string) =>
    page
      .locator(".step")
      .filter({ has: page.locator(".step__name", { hasText: new RegExp(`^${name}$`) }) })
      .locator(".step__status");
  const verify = async (page: Page, text: string, holder = "") => {
    await page.getByLabel("Lien ou contenu du badge").fill(text);
    await page.getByLabel("Titulaire attendu").fill(holder);
    await page.getByRole("button", { name: "Vérifier", exact: true }).click();
  };

  it("fails the format of a document that is not a badge", async () => {
    const page = await world.newPage();
    await page.goto("/verify");
    await verify(page, '{"hello":"world"}');
    await expect.poll(() => step(page, "Format").textContent()).toBe("échouée");
    expect(await page.locator(".verdict").innerText()).toContain("n'est pas un badge");
    await page.context().close();
  });

  it("says how the holder is identified, checks the one it is told, and says who issued it", async () => {
    const json = await (await fetch(`${world.baseUrl}/credentials/${ids.cfa}.json`)).text();
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/verify");
    await verify(page, json);
    await expect
      .poll(() => page.locator("#verify-verdict").textContent())
      .toBe("Badge authentique");
    const facts = page.locator(".facts");
    expect(await facts.innerText()).toMatch(
      /Identifié par un identifiant \(SIRET, UAI…\) et une adresse e-mail, sous forme chiffrée/,
    );
    expect(await facts.innerText()).toMatch(/Région Normandie\s+did:web:/);

    await verify(page, json, "contact@cfa-industrie-rouen.example");
    await expect.poll(() => step(page, "Titulaire").textContent()).toBe("échouée");

    await verify(page, json, demoSiret(2));
    await expect.poll(() => step(page, "Titulaire").textContent()).toBe("réussie");
    expect(await facts.innerText()).toContain(`${demoSiret(2)}, confirmé par le badge`);
    await verify(page, json, "contact@cfa-calvados.example");
    await expect
      .poll(() => facts.innerText())
      .toContain("contact@cfa-calvados.example, confirmé par le badge");
    await page.screenshot({ path: path.join(screenshots, "verifier-holder.png"), fullPage: true });
    await expectAccessible(page, "the verifier with an expected holder");

    await verify(page, json, "9100000250001");
    const field = page.getByLabel("Titulaire attendu");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".field--error").innerText()).toContain("Ce SIRET n'est pas valide");
    await expectAccessible(page, "the verifier with a mistyped holder");
    await page.context().close();
  });
});

describe("a partner's Participant request in the managers' queue (22)", () => {
  it("is listed as a request decided as it comes, and its decision goes to the organisation", async () => {
    const page = await world.signedIn("gestion@region-normandie.example");
    await page.goto("/demandes");
    const group = page
      .locator("tbody tr")
      .filter({ hasText: "Au fil de l'eau (structures partenaires)" });
    await group.getByRole("cell", { name: "Mission Locale du Bessin" }).waitFor();
    expect(await page.getByText("Brouillon", { exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(screenshots, "participant-request.png") });
    await expectAccessible(page, "the managers' queue");
    await group.getByRole("link", { name: /^Participant/ }).click();
    await page.getByRole("heading", { name: "Décision de la Région" }).waitFor();
    await page
      .getByText("Elle est envoyée à la structure partenaire. Pour une révision", { exact: false })
      .waitFor();
    expect(await main(page)).not.toContain("envoyée au CFA");
    await expectAccessible(page, "a Participant request (manager)");
    await page.context().close();
  });
});

describe("English pages in English (25)", () => {
  it("the calendar and the queue name sessions in English", async () => {
    const page = await world.signedIn("gestion@region-normandie.example");
    await toEnglish(page);
    await page.goto("/programmes/label-cfa");
    const calendar = page.locator("section").filter({
      has: page.getByRole("heading", { name: "The commission calendar" }),
    });
    await calendar.locator("tbody tr").first().waitFor();
    const text = await calendar.innerText();
    expect(text).toMatch(/[A-Z][a-z]+ \d{4} commission/);
    expect(text).toMatch(/[A-Z][a-z]+ \d{4} revisions — revised applications only/);
    expect(text).not.toMatch(/Commission d|Révisions d/);
    await calendar.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, "sessions-en.png") });
    await expectAccessible(page, "the calendar (en)");
    await page.goto("/demandes");
    await page.getByRole("cell", { name: "As it comes (partner organisations)" }).first().waitFor();
    const queue = await main(page);
    expect(queue).toMatch(/[A-Z][a-z]+ \d{4} commission/);
    expect(queue).not.toMatch(/Commission d|Révisions d|Brouillons/);
    await page.context().close();
  });
});
