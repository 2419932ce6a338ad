import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/modules/demo/seed";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/**
 * The catalogue as managers edit it, badge ideas from a CFA, and the past
 * collections as the public sees them: in a real browser, with axe.
 */
let world: BrowserWorld;
const screenshots = path.join(repoRoot, "docs/screenshots");
beforeAll(async () => {
  world = await startBrowserWorld();
});
afterAll(() => world?.close());

async function signIn(email: string): Promise<Page> {
  const page = await world.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL("**/accueil");
  return page;
}

describe("the catalogue, edited in the browser", () => {
  it("a manager drafts a new version, edits a badge, publishes, and the public catalogue changes", async () => {
    const manager = await signIn("gestion@region-normandie.example");
    await manager.getByRole("link", { name: "Catalogue du label" }).click();
    await manager.getByRole("heading", { name: "Versions de la collection" }).waitFor();
    await manager.getByLabel("Version", { exact: true }).fill("2030");
    await manager
      .getByLabel("Nom de la collection")
      .fill("Label CFA Innovant et Durable — collection 2030");
    await manager.getByRole("button", { name: "Créer le brouillon" }).click();
    await manager.getByRole("heading", { name: "Brouillon 2030" }).waitFor();
    await manager.getByText("Le brouillon peut être publié.").waitFor();

    const first = manager.locator(".badge-editor").first();
    await first.locator("summary").click();
    await first.getByLabel("Nom du badge").fill("Veille et prospective");
    await first.getByRole("button", { name: /^Enregistrer le badge/ }).click();
    await first.getByText("Enregistré").waitFor();
    await expectAccessible(manager, "catalogue editor");
    await manager.getByRole("heading", { name: "Brouillon 2030" }).scrollIntoViewIfNeeded();
    await manager.mouse.wheel(0, -80);
    await manager.screenshot({
      path: path.join(screenshots, "catalogue-editor.png"),
      fullPage: false,
    });

    await manager.getByRole("button", { name: "Publier la collection 2030" }).click();
    const publishDialog = manager.getByRole("dialog", { name: /Publier la collection 2030 \?/ });
    await publishDialog.waitFor();
    await expectAccessible(manager, "the dialog before publishing");
    await publishDialog.getByRole("button", { name: "Oui, publier" }).click();
    await expect
      .poll(async () => {
        const response = await fetch(`${world.baseUrl}/api/public/programmes/label-cfa/badges`);
        return ((await response.json()) as { collection: { version: string } }).collection.version;
      })
      .toBe("2030");
    await manager.goto("/programmes/label-cfa");
    await manager
      .getByRole("link", { name: /Veille et prospective/ })
      .first()
      .waitFor();
    await manager.context().close();
  });

  it("a CFA proposes a badge idea; the manager takes it up into the next draft", async () => {
    const cfa = await signIn("qualite@cfa-calvados.example");
    await cfa.goto("/idees");
    await cfa.getByLabel("Nom du badge proposé").fill("Mobilité internationale");
    await cfa
      .getByLabel("Ce qu'il reconnaîtrait")
      .fill("Le CFA organise des périodes de formation à l'étranger pour ses apprentis.");
    await cfa.getByRole("button", { name: "Envoyer l'idée" }).click();
    await cfa.getByText("Idée envoyée à la Région.").waitFor();
    await expectAccessible(cfa, "ideas (CFA)");

    const manager = await signIn("gestion@region-normandie.example");
    await manager.goto("/idees");
    const idea = manager.locator("li.card", { hasText: "Mobilité internationale" });
    await idea
      .getByLabel("Votre réponse au CFA")
      .fill("Retenue : elle entre dans la prochaine collection.");
    await expectAccessible(manager, "ideas (manager)");
    await manager.screenshot({ path: path.join(screenshots, "ideas.png"), fullPage: false });
    await idea.getByRole("button", { name: /^Retenir pour la prochaine collection/ }).click();
    await expect.poll(() => idea.locator(".chip").textContent()).toBe("Retenue");
    await cfa.reload();
    await expect
      .poll(() =>
        cfa
          .locator("li.card", { hasText: "Mobilité internationale" })
          .locator(".chip")
          .textContent(),
      )
      .toBe("Retenue");
    await manager.goto("/gestion/catalogue");
    await manager.getByRole("heading", { name: /^Brouillon/ }).waitFor();
    await manager.locator(".badge-editor", { hasText: "Mobilité internationale" }).waitFor();
    await cfa.context().close();
    await manager.context().close();
  });

  it("the past collections page is readable and accessible in French and English", async () => {
    const page = await world.newPage();
    await page.goto("/programmes/label-cfa/historique");
    await page.getByRole("heading", { name: /collection 2018/ }).waitFor();
    expect(
      await page.getByText("Compte aujourd'hui comme « Veille » (collection 2022)").count(),
    ).toBe(1);
    await expectAccessible(page, "history (fr)");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Past collections" }).waitFor();
    await expectAccessible(page, "history (en)");
    await page.context().close();
  });

  it("a person's competence badges page is accessible, and says why a handed-in badge does not count", async () => {
    const page = await signIn("qualite@cfa-calvados.example");
    await page.getByRole("link", { name: "Mes badges de compétences" }).click();
    await page.getByRole("heading", { name: "Mes badges de compétences", level: 1 }).waitFor();
    await page.getByLabel("Adresse du badge, ou son contenu (JSON ou JWT)").fill('{"type":"rien"}');
    await page.getByRole("button", { name: "Vérifier et ajouter" }).click();
    await page.getByText("Ce badge est enregistré mais ne compte pas").waitFor();
    await expect.poll(() => page.locator("li.card .chip--warning").count()).toBe(1);
    await expectAccessible(page, "my badges (fr)");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "My competence badges", level: 1 }).waitFor();
    await expectAccessible(page, "my badges (en)");
    await page.context().close();
  });
});
