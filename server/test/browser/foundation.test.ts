import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoUsers } from "../../src/modules/demo/seed";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

let world: BrowserWorld;
beforeAll(async () => {
  world = await startBrowserWorld();
});
afterAll(() => world?.close());

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL("**/accueil");
}

/** Pages each demo role reaches from its navigation. */
const screensFor = (email: string): string[] => {
  const user = demoUsers.find((u) => u.email === email)!;
  const screens = ["/accueil", "/organisations", "/compte"];
  if (user.roles.includes("platform_admin")) screens.push("/admin/utilisateurs", "/admin/journal");
  if (user.roles.includes("programme_manager")) screens.push("/admin/journal");
  return screens;
};

describe("public pages", () => {
  for (const path of [
    "/programmes/label-cfa",
    "/",
    "/connexion",
    "/mot-de-passe-oublie",
    "/mentions-legales",
    "/donnees-personnelles",
    "/accessibilite",
    "/plan-du-site",
    "/page-qui-n-existe-pas",
  ]) {
    it(`${path} is accessible in French and in English`, async () => {
      const page = await world.newPage();
      await page.goto(path);
      await expect.poll(() => page.locator("h1").count()).toBe(1);
      expect(await page.getAttribute("html", "lang")).toBe("fr");
      await expectAccessible(page, `${path} (fr)`);
      await page.getByRole("button", { name: "Switch to English" }).click();
      expect(await page.getAttribute("html", "lang")).toBe("en");
      await expectAccessible(page, `${path} (en)`);
      await page.context().close();
    });
  }

  it("the catalogue shows the 19 badges as pictures, and each badge page its criteria", async () => {
    const page = await world.newPage();
    await page.goto("/programmes/label-cfa");
    await expect.poll(() => page.locator(".badge-card img").count()).toBe(19);
    expect(await page.locator(".chip--gold", { hasText: "Obligatoire" }).count()).toBe(5);
    await page.getByRole("link", { name: "Ressources" }).click();
    await page.getByRole("heading", { level: 1, name: "Ressources" }).waitFor();
    await expect.poll(() => page.locator(".criteria > li").count()).toBe(2);
    expect(await page.getByText("Atteindre le niveau 2", { exact: false }).count()).toBe(1);
    await expectAccessible(page, "badge page");
    await page.context().close();
  });

  it("the skip link leads to the content", async () => {
    const page = await world.newPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("Tab");
    await expect
      .poll(() => page.locator("a.skip-link:focus").textContent())
      .toBe("Aller au contenu");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#contenu:focus").count()).toBe(1);
    await page.context().close();
  });
});

describe("every demo role signs in and finds an accessible home", () => {
  for (const user of demoUsers) {
    it(`${user.email} (${user.label})`, async () => {
      const page = await world.newPage();
      await signIn(page, user.email);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe(`Bonjour ${user.name}`);
      for (const screen of screensFor(user.email)) {
        await page.goto(screen);
        await expect.poll(() => page.locator("h1").count()).toBe(1);
        await page.waitForLoadState("networkidle");
        await expectAccessible(page, `${screen} as ${user.email}`);
      }
      await page.context().close();
    });
  }

  it("a wrong password is refused in plain French, next to the form", async () => {
    const page = await world.newPage();
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("direction@cfa-calvados.example");
    await page.getByLabel("Mot de passe", { exact: true }).fill("pas le bon mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Adresse e-mail ou mot de passe incorrect.");
    expect(page.url()).toContain("/connexion");
    await expectAccessible(page, "sign-in with an error");
    await page.context().close();
  });
});

describe("an administrator invites a colleague, who joins from the email", () => {
  it("invitation, email in the mailbox, account creation, membership", async () => {
    const admin = await world.newPage();
    await signIn(admin, "direction@cfa-calvados.example");
    await admin.getByRole("link", { name: /Gérer les membres/ }).click();
    await admin.getByRole("heading", { name: "Inviter un membre" }).waitFor();

    // Bad input first: refused with the reason next to the field, nothing sent.
    await admin.getByLabel("Adresse e-mail").fill("pas-une-adresse");
    await admin.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect
      .poll(() => admin.locator(".field__error").first().textContent())
      .toContain("Adresse e-mail invalide.");
    await expectAccessible(admin, "invitation form with an error");

    await admin.getByLabel("Adresse e-mail").fill("nouvelle.formatrice@cfa-calvados.example");
    await admin.getByLabel("Rôle", { exact: true }).selectOption("member");
    await admin.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await expect
      .poll(() => admin.getByRole("status").textContent())
      .toContain("Invitation envoyée à nouvelle.formatrice@cfa-calvados.example");
    await expect
      .poll(() => admin.getByText("nouvelle.formatrice@cfa-calvados.example").count())
      .toBeGreaterThan(0);

    // The email, read in the demo mailbox as a person would.
    await admin.goto("/dev/boite-mail");
    const subject = admin.getByRole("button", {
      name: "Invitation à rejoindre CFA des Métiers du Calvados sur Blason",
    });
    await expect.poll(() => subject.count(), { timeout: 15_000 }).toBe(1);
    // Checked before a message opens: axe cannot enter the sandboxed email frame.
    await expectAccessible(admin, "demo mailbox");
    await subject.click();
    const text = (await admin.locator(".mail__text").textContent()) ?? "";
    expect(text).toContain(
      "Sophie Durand vous invite à rejoindre CFA des Métiers du Calvados sur Blason",
    );
    const link = text.match(/http:\/\/127\.0\.0\.1:\d+\/invitation\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeDefined();

    const newcomer = await world.newPage();
    await newcomer.goto(link!);
    await expect
      .poll(() => newcomer.locator(".lead").textContent())
      .toContain(
        "Sophie Durand vous invite à rejoindre CFA des Métiers du Calvados en tant que membre.",
      );
    await expectAccessible(newcomer, "invitation page");
    await newcomer.getByLabel("Prénom et nom").fill("Inès Leroy");
    await newcomer.getByLabel("Mot de passe", { exact: true }).fill("formatrice du calvados 2026");
    await newcomer.getByRole("button", { name: "Créer mon compte et rejoindre" }).click();
    await newcomer.waitForURL("**/accueil");
    await expect
      .poll(() => newcomer.getByRole("heading", { level: 1 }).textContent())
      .toBe("Bonjour Inès Leroy");
    await expect
      .poll(() => newcomer.getByRole("heading", { name: "CFA des Métiers du Calvados" }).count())
      .toBe(1);

    // The administrator sees the new member; the invitation is gone.
    await admin.goto("/accueil");
    await admin.getByRole("link", { name: /Gérer les membres/ }).click();
    await expect.poll(() => admin.getByRole("row", { name: /Inès Leroy/ }).count()).toBe(1);
    await expect.poll(() => admin.getByText("Aucune invitation en attente.").count()).toBe(1);
    await admin.context().close();
    await newcomer.context().close();
  });
});
