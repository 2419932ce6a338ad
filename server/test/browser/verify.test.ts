import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Fetcher, runSampleCommand } from "@blason/openbadges";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithFixtures, fixturesDir } from "../../../packages/openbadges/test/fixtures";
import { repoRoot } from "../../src/paths";
import {
  type BrowserWorld,
  expectAccessible,
  startBrowserWorld,
  uploadToVerifier,
} from "./harness";

/** 1EdTech's conformance material lives beside the repository, never in it (or at BLASON_FIXTURES_DIR). */
const fixtures = path.join(fixturesDir, "validator/ob30");

/**
 * The issuers of the 1EdTech examples, as they would answer on the internet:
 * example.com publishes the keys its examples are signed with, dc.1edtech.org
 * its DID document and a revocation list naming its revoked example.
 */
function fixtureInternet(fallback: Fetcher): Fetcher {
  const read = (file: string) => fs.readFileSync(path.join(fixtures, file), "utf8");
  const documents = new Map<string, unknown>();
  const exampleIssuer = "https://example.com/issuers/876543";
  const keys = ["simple.json", "simple-err-proof-value.json"].flatMap((file) =>
    [...read(file).matchAll(/"verificationMethod"\s*:\s*"([^"]+)"/g)].map((m) => m[1]!),
  );
  documents.set(exampleIssuer, {
    id: exampleIssuer,
    type: ["Profile"],
    verificationMethod: keys.map((id) => ({
      id,
      type: "Multikey",
      controller: exampleIssuer,
      publicKeyMultibase: id.split("#")[1],
    })),
    assertionMethod: keys,
  });
  const revoked = JSON.parse(read("credential-status-revoked.json")) as {
    id: string;
    credentialStatus: { id: string };
  };
  const did =
    "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c";
  const multibase = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
  documents.set(
    "https://dc.1edtech.org/wellspring2022/wellspring-portal/org/da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json",
    {
      "@context": ["https://www.w3.org/ns/did/v1"],
      id: did,
      verificationMethod: [
        {
          id: `${did}#${multibase}`,
          type: "Ed25519VerificationKey2020",
          controller: did,
          publicKeyMultibase: multibase,
        },
      ],
      assertionMethod: [`${did}#${multibase}`],
    },
  );
  documents.set(revoked.credentialStatus.id, {
    id: revoked.credentialStatus.id,
    issuer: did,
    revokedCredentials: [{ id: revoked.id, revoked: true, revocationReason: "Exemple révoqué" }],
  });
  return async (url, options) => {
    const doc = documents.get(url.split("#")[0] ?? "");
    if (!doc) return fallback(url, options);
    const text = JSON.stringify(doc);
    return {
      ok: true,
      status: 200,
      url,
      finalUrl: url,
      contentType: "application/json",
      body: new TextEncoder().encode(text),
      text,
    };
  };
}

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

/** The line of the report for one check, e.g. "Signature". */
const stepLine = (page: Page, name: string) =>
  page.locator(".step").filter({ has: page.locator(".step__name", { hasText: name }) });

describe("the verifier page", () => {
  it("reports Blason's own baked badge as authentic, and is accessible in both languages", async () => {
    const page = await world.newPage();
    await uploadToVerifier(page, path.join(sampleDir, "credential.png"));
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
    await uploadToVerifier(page, path.join(sampleDir, "tampered.json"));
    expect(await page.locator("#verify-verdict").textContent()).toBe("Ce badge n'est pas vérifié");
    expect(await stepLine(page, "Signature").locator(".step__status").textContent()).toBe(
      "échouée",
    );
    await page.context().close();
  });

  it("says a file that is not a badge could not be read", async () => {
    const page = await world.newPage();
    await uploadToVerifier(page, path.join(sampleDir, "broken.png"));
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

  describeWithFixtures("1EdTech's conformance examples, uploaded through the page", () => {
    // The server's fetcher answers for the fixtures' issuers (the internet
    // cannot be reached from here); everything else goes through as usual.
    beforeAll(() => {
      world.platform.ctx.fetcher = fixtureInternet(world.platform.ctx.fetcher);
    });
    const cases: [file: string, verdict: string, step: string][] = [
      ["simple-did-key-method.json", "Badge authentique", "Signature"],
      // Valid, tampered and revoked, their issuers played by fixtureInternet().
      ["simple.json", "Badge authentique", "Signature"],
      ["simple-err-proof-value.json", "Ce badge n'est pas vérifié", "Signature"],
      [
        "credential-status-revoked.json",
        "Ce badge n'est pas vérifié",
        "Statut (révocation, suspension)",
      ],
      ["simple-err-expired.json", "Ce badge n'est pas vérifié", "Dates de validité"],
      ["simple-err-issued.json", "Ce badge n'est pas vérifié", "Dates de validité"],
      ["simple-err-context.json", "Ce badge n'est pas vérifié", "Contextes JSON-LD"],
      ["simple-err-type.json", "Ce badge n'est pas vérifié", "Structure"],
    ];
    for (const [file, verdict, step] of cases) {
      it(`${file}: ${verdict}, ${step}`, async () => {
        const page = await world.newPage();
        await uploadToVerifier(page, path.join(fixtures, file));
        expect(await page.locator("#verify-verdict").textContent()).toBe(verdict);
        const status = await stepLine(page, step).locator(".step__status").textContent();
        expect(status).toBe(verdict === "Badge authentique" ? "réussie" : "échouée");
        await page.context().close();
      });
    }
  });
});
