import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials, organisations } from "../../src/db/schema";
import { DEMO_PASSWORD } from "../../src/modules/demo/seed";
import { repoRoot } from "../../src/paths";
import { catalogueBadges } from "../support/factories";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

let world: BrowserWorld;
let valid: string;
let revoked: string;
beforeAll(async () => {
  world = await startBrowserWorld();
  const db = world.platform.ctx.db;
  const [v] = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.claimState, "accepted"), isNull(credentials.revokedAt)));
  const [r] = await db.select().from(credentials).where(isNotNull(credentials.revokedAt));
  valid = v!.id;
  revoked = r!.id;
});
afterAll(() => world?.close());

describe("an awarded badge's public page", () => {
  it("answers its preview tags and content in the raw HTML, without JavaScript", async () => {
    const html = await (await fetch(`${world.baseUrl}/credentials/${valid}`)).text();
    expect(html).toContain(
      `<meta property="og:url" content="${world.baseUrl}/credentials/${valid}"`,
    );
    expect(html).toContain(
      `<meta property="og:image" content="${world.baseUrl}/credentials/${valid}.png"`,
    );
    expect(html).toMatch(/<meta property="og:title" content="[^"]+ — CFA des Métiers du Calvados"/);
    expect(html).toContain('"@type":"EducationalOccupationalCredential"');
    expect(html).toContain("Statut : <strong>Valide</strong>");
    const gone = await (await fetch(`${world.baseUrl}/credentials/${revoked}`)).text();
    expect(gone).toMatch(/Statut : <strong>Révoqué : [^<]+<\/strong>/);
  });

  it("is readable and accessible in French and in English, honest about revocation", async () => {
    const page = await world.newPage();
    await page.goto(`/credentials/${valid}`);
    await expect.poll(() => page.locator(".chip--ok").textContent()).toContain("Valide");
    expect(
      await page.getByRole("link", { name: "Ajouter à LinkedIn" }).getAttribute("href"),
    ).toMatch(/^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME&name=/);
    // Both versions of Open Badges, each list named by the sentence that says whom it suits.
    const ob3 = page.getByRole("list", { name: /^Open Badges 3\.0, recommandé/ });
    expect(await ob3.getByRole("link").allTextContents()).toEqual([
      "Image PNG",
      "Image SVG",
      "Badge signé (JSON)",
    ]);
    const ob2 = page.getByRole("list", { name: /^Open Badges 2\.0, pour les plateformes/ });
    expect(
      await ob2.getByRole("link", { name: "PNG — Open Badges 2.0" }).getAttribute("href"),
    ).toBe(`/ob2/assertions/${valid}.png`);
    expect(
      await ob2.getByRole("link", { name: "SVG — Open Badges 2.0" }).getAttribute("href"),
    ).toBe(`/ob2/assertions/${valid}.svg`);
    await expectAccessible(page, "credential page (fr)");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect.poll(() => page.locator(".chip--ok").textContent()).toContain("Valid");
    expect(
      await page
        .getByRole("list", { name: /^Open Badges 2\.0, for platforms/ })
        .getByRole("link")
        .allTextContents(),
    ).toEqual(["PNG — Open Badges 2.0", "SVG — Open Badges 2.0"]);
    await expectAccessible(page, "credential page (en)");
    await page.goto(`/credentials/${revoked}`);
    await expect.poll(() => page.locator(".chip--danger").textContent()).toContain("Revoked");
    expect(await page.getByRole("link", { name: "PNG image" }).count()).toBe(0);
    await page.context().close();
  });

  it("downloads baked PNGs (3.0 and 2.0) that the verifier page reports authentic; the revoked ones fail on status", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-credential-"));
    for (const [name, file] of [
      ["valid.png", `/credentials/${valid}.png`],
      ["revoked.png", `/credentials/${revoked}.png`],
      ["valid-ob2.png", `/ob2/assertions/${valid}.png`],
      ["revoked-ob2.png", `/ob2/assertions/${revoked}.png`],
    ] as const) {
      const response = await fetch(`${world.baseUrl}${file}`);
      fs.writeFileSync(path.join(dir, name), Buffer.from(await response.arrayBuffer()));
    }
    const page = await world.newPage();
    for (const [file, verdict, status] of [
      ["valid.png", "Badge authentique", "réussie"],
      ["revoked.png", "Ce badge n'est pas vérifié", "échouée"],
      ["valid-ob2.png", "Badge authentique", "réussie"],
      ["revoked-ob2.png", "Ce badge n'est pas vérifié", "échouée"],
    ] as const) {
      await page.goto("/verify");
      await page.locator("input[type=file]").setInputFiles(path.join(dir, file));
      await page.getByRole("button", { name: "Vérifier", exact: true }).click();
      await expect.poll(() => page.locator("#verify-verdict").textContent()).toBe(verdict);
      const line = page
        .locator(".step")
        .filter({ has: page.locator(".step__name", { hasText: "Statut" }) });
      expect(await line.locator(".step__status").textContent()).toBe(status);
    }
    await page.context().close();
  });

  it("passport, laureates and statistics are readable and accessible in both languages", async () => {
    const [caen] = await world.platform.ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.contactEmail, "contact@cfa-calvados.example"));
    const [badge] = await catalogueBadges(world.platform.ctx);
    const shots = path.join(repoRoot, "docs/screenshots");
    fs.mkdirSync(shots, { recursive: true });
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const passportHtml = await (await fetch(`${world.baseUrl}/passports/${caen!.slug}`)).text();
    expect(passportHtml).toContain(
      '<meta property="og:title" content="CFA des Métiers du Calvados — passeport de badges"',
    );
    expect(passportHtml).toContain('"@type":"EducationalOrganization"');
    const [region] = await world.platform.ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.kind, "region"));
    for (const [url, heading, shot] of [
      [`/issuers/${region!.slug}`, "Région Normandie", undefined],
      [`/passports/${caen!.slug}`, "CFA des Métiers du Calvados", "passport.png"],
      ["/laureats", "Les lauréats du label", undefined],
      ["/statistiques", "Statistiques", "statistics.png"],
      [`/credentials/${valid}`, undefined, "credential.png"],
      [`/badges/${badge!.id}`, badge!.name, "badge.png"],
    ] as const) {
      await page.goto(url);
      if (heading) await expect.poll(() => page.locator("h1").textContent()).toBe(heading);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, `${url} (fr)`);
      if (shot) await page.screenshot({ path: path.join(shots, shot), fullPage: true });
      await page.getByRole("button", { name: "Switch to English" }).click();
      await expectAccessible(page, `${url} (en)`);
      await page.getByRole("button", { name: "Passer en français" }).click();
    }
    const csv = await (await fetch(`${world.baseUrl}/api/public/statistics.csv`)).text();
    expect(csv).toContain('"organisations engagées"');
    await page.context().close();
  });

  it("a programme manager revokes a badge with a reason; its page says so at once", async () => {
    const [caen] = await world.platform.ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.contactEmail, "contact@cfa-calvados.example"));
    const page = await world.newPage();
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill("gestion@region-normandie.example");
    await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL("**/accueil");
    await page.goto(`/organisations/${caen!.id}/badges`);
    const row = page
      .locator(".credential-row")
      .filter({ has: page.locator(".chip--ok") })
      .first();
    const name = (await row.locator("h2").textContent()) ?? "";
    await row.getByText("Révoquer ce badge").click();
    await row
      .getByLabel("Motif de la révocation")
      .fill("Le contrôle sur place n'a pas confirmé le dossier.");
    await row.getByRole("button", { name: `Révoquer « ${name} »` }).click();
    const revokedRow = page.locator(".credential-row", { hasText: name }).first();
    await expect.poll(() => revokedRow.locator(".chip--danger").count()).toBe(1);
    const href = await revokedRow.locator("h2 a").getAttribute("href");
    const html = await (await fetch(`${world.baseUrl}${href}`)).text();
    expect(html).toContain("Révoqué : Le contrôle sur place n&#39;a pas confirmé le dossier.");
    await page.context().close();
  });
});
