import path from "node:path";
import { eq } from "drizzle-orm";
import * as oauth from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations } from "../../src/db/schema";
import { OB3_SCOPES } from "../../src/modules/oauth/oauth.scopes";
import { repoRoot } from "../../src/paths";
import { buildUser, PASSWORD } from "../support/factories";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/**
 * A person lets a backpack in, in Chromium: the backpack sends them to
 * Blason, they sign in, read who asks for what on the consent screen, allow
 * it, and later withdraw the access from "Mes applications".
 */
let world: BrowserWorld;
const shots = path.join(repoRoot, "docs/screenshots");
const redirectUri = "https://backpack.example/callback";

beforeAll(async () => {
  world = await startBrowserWorld();
}, 120_000);
afterAll(() => world?.close());

describe("the consent screen and the allowed applications", () => {
  it("names the client and its rights, allows it, then revokes it", async () => {
    const person = await buildUser(world.platform.ctx, { name: "Inès Morel" });
    const config = await oauth.dynamicClientRegistration(
      new URL(`${world.baseUrl}/oauth`),
      {
        client_name: "Sac à dos numérique",
        client_uri: "https://backpack.example",
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
      },
      undefined,
      { algorithm: "oauth2", execute: [oauth.allowInsecureRequests] },
    );
    const verifier = oauth.randomPKCECodeVerifier();
    const url = oauth.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: [OB3_SCOPES.credentialRead, OB3_SCOPES.credentialUpsert, OB3_SCOPES.profileRead].join(
        " ",
      ),
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
    const context = await world.browser.newContext({
      locale: "fr-FR",
      baseURL: world.baseUrl,
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(10_000);
    // The backpack's own site is not on this machine, and Chromium does not let a route
    // answer a redirect's target: the authorization server's last redirect is read here.
    await context.route(
      (u) => u.pathname.startsWith("/oauth/auth/"),
      async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        const location = response.headers().location ?? "";
        if (!location.startsWith(redirectUri)) return route.fulfill({ response });
        return route.fulfill({
          status: 200,
          contentType: "text/html",
          body: `<title>Sac à dos</title><p id="callback">${location}</p>`,
        });
      },
    );
    const page = await context.newPage();
    await page.goto(url.href);
    await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
    await page.waitForURL("**/connexion?retour=**");
    await page.getByLabel("Adresse e-mail").fill(person.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL("**/autorisation/**");
    await expect
      .poll(() => page.getByRole("main").getByRole("heading", { level: 2 }).textContent())
      .toBe("« Sac à dos numérique » demande à accéder à votre compte");
    const rights = await page.getByRole("main").getByRole("listitem").allTextContents();
    expect(rights).toEqual(
      expect.arrayContaining([
        "lire vos badges",
        "ajouter ou remplacer des badges que vous détenez",
        "lire votre profil (nom et adresse électronique)",
      ]),
    );
    await expectAccessible(page, "consent screen");
    await page.screenshot({ path: path.join(shots, "oauth-consent.png"), fullPage: true });
    await page.getByRole("button", { name: "Autoriser" }).click();
    const callback = await page.locator("#callback").textContent();
    const code = new URL(callback ?? "").searchParams.get("code");
    expect(code).toBeTruthy();

    await page.goto("/mes-applications");
    await expect
      .poll(() => page.getByRole("heading", { name: "Sac à dos numérique" }).count())
      .toBe(1);
    await expectAccessible(page, "allowed applications");
    await page.screenshot({ path: path.join(shots, "oauth-clients.png"), fullPage: true });
    await page.getByRole("button", { name: "Retirer l'accès Sac à dos numérique" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Retirer l'accès" }).click();
    await expect
      .poll(() => page.getByText("Vous n'avez autorisé aucune application.").count())
      .toBe(1);
    await context.close();
  }, 60_000);

  it("lets a partner's admin create an OAuth client for its systems, secret shown once", async () => {
    const [atelier] = await world.platform.ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.contactEmail, "contact@atelier-emploi-rouen.example"));
    const page = await world.signedIn("direction@atelier-emploi-rouen.example");
    await page.goto(`/organisations/${atelier!.id}/partenaire`);
    const section = page.getByRole("region", { name: "Clients OAuth 2.0 de vos systèmes" });
    await section.getByLabel("Nom du client (le système qui l'utilise)").fill("Logiciel de suivi");
    await section.getByRole("button", { name: "Créer un client" }).click();
    await expect.poll(() => section.getByRole("status").textContent()).toContain("client_secret");
    await expect
      .poll(() => section.getByText("Logiciel de suivi", { exact: true }).count())
      .toBe(1);
    await expectAccessible(page, "partner OAuth clients");
    await page.context().close();
  }, 60_000);
});
