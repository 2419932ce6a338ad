import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSampleCommand } from "@blason/openbadges";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/** 1EdTech's conformance material lives beside the repository, never in it. */
const fixtures = path.resolve(repoRoot, "../shared/fixtures/1edtech/validator/ob30");
const haveFixtures = fs.existsSync(fixtures);
if (!haveFixtures)
  console.warn(`1EdTech fixtures not found at ${fixtures}: their upload tests are skipped.`);

let world: BrowserWorld;
let sampleDir: string;
beforeAll(async () => {
  world = await startBrowserWorld();
  sampleDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-verify-page-"));
  await runSampleCommand({ outDir: sampleDir });
  const tampered = JSON.parse(fs.readFileSync(path.join(sampleDir, "credential.json"), "utf8"));
  tampered.validUntil = "2099-12-31T23:59:59Z";
  fs.writeFileSync(path.join(sampleDir, "tampered.json"), JSON.stringify(tampered));
  fs.writeFileSync(path.join(sampleDir, "broken.png"), Buffer.from("not a png at all"));
});
afterAll(() => world?.close());

async function upload(page: Page, file: string) {
  await page.goto("/verify");
  await page
    .getByLabel("Déposez l'image du badge (PNG ou SVG) ou son fichier JSON")
    .setInputFiles(file);
  await page.getByRole("button", { name: "Vérifier", exact: true }).click();
  await page.locator("#verify-verdict").waitFor();
}

/** The line of the report for one check, e.g. "Signature". */
const stepLine = (page: Page, name: string) =>
  page.locator(".step").filter({ has: page.locator(".step__name", { hasText: name }) });

describe("the verifier page", () => {
  it("reports Blason's own baked badge as authentic, and is accessible in both languages", async () => {
    const page = await world.newPage();
    await upload(page, path.join(sampleDir, "credential.png"));
    await expect
      .poll(() => page.locator("#verify-verdict").textContent())
      .toBe("Badge authentique");
    expect(await page.locator(".facts").textContent()).toContain("Compétences numériques");
    expect(await stepLine(page, "Signature").locator(".step__status").textContent()).toBe(
      "réussie",
    );
    await expectAccessible(page, "/verify report (fr)");
    const shots = path.join(repoRoot, "docs/screenshots");
    fs.mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(shots, "verifier.png"), fullPage: true });
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect.poll(() => page.locator("#verify-verdict").textContent()).toBe("Authentic badge");
    await expectAccessible(page, "/verify report (en)");
    await page.context().close();
  });

  it("says a tampered badge fails on its signature", async () => {
    const page = await world.newPage();
    await upload(page, path.join(sampleDir, "tampered.json"));
    expect(await page.locator("#verify-verdict").textContent()).toBe("Ce badge n'est pas vérifié");
    expect(await stepLine(page, "Signature").locator(".step__status").textContent()).toBe(
      "échouée",
    );
    await page.context().close();
  });

  it("says a file that is not a badge could not be read", async () => {
    const page = await world.newPage();
    await upload(page, path.join(sampleDir, "broken.png"));
    expect(await stepLine(page, "Lecture").locator(".step__status").textContent()).toBe("échouée");
    await page.context().close();
  });

  it("verifies pasted JSON, and asks for something when the form is empty", async () => {
    const page = await world.newPage();
    await page.goto("/verify");
    await page.getByRole("button", { name: "Vérifier", exact: true }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Choisissez un fichier");
    await page
      .getByLabel("Lien ou contenu du badge")
      .fill(fs.readFileSync(path.join(sampleDir, "credential.json"), "utf8"));
    await page.getByRole("button", { name: "Vérifier", exact: true }).click();
    await expect
      .poll(() => page.locator("#verify-verdict").textContent())
      .toBe("Badge authentique");
    await page.context().close();
  });

  describe.skipIf(!haveFixtures)(
    "1EdTech's conformance examples, uploaded through the page",
    () => {
      // Those whose outcome needs no network: the others' issuers publish their
      // keys on the internet, which tests cannot reach (the engine's own tests
      // play those issuers).
      const cases: [file: string, verdict: string, step: string][] = [
        ["simple-did-key-method.json", "Badge authentique", "Signature"],
        ["simple-err-expired.json", "Ce badge n'est pas vérifié", "Dates de validité"],
        ["simple-err-issued.json", "Ce badge n'est pas vérifié", "Dates de validité"],
        ["simple-err-context.json", "Ce badge n'est pas vérifié", "Contextes JSON-LD"],
        ["simple-err-type.json", "Ce badge n'est pas vérifié", "Structure"],
      ];
      for (const [file, verdict, step] of cases) {
        it(`${file}: ${verdict}, ${step}`, async () => {
          const page = await world.newPage();
          await upload(page, path.join(fixtures, file));
          expect(await page.locator("#verify-verdict").textContent()).toBe(verdict);
          const status = await stepLine(page, step).locator(".step__status").textContent();
          expect(status).toBe(verdict === "Badge authentique" ? "réussie" : "échouée");
          await page.context().close();
        });
      }
    },
  );
});
