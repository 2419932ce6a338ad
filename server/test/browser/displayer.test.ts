import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { badgeImageSvg, bakePng, bakeSvg, renderSvgToPng } from "@blason/openbadges";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations } from "../../src/db/schema";
import { revokeCredential } from "../../src/modules/credentials/credentials.service";
import { issueCredential } from "../../src/modules/credentials/issuance.service";
import { repoRoot } from "../../src/paths";
import { catalogueBadges } from "../support/factories";
import {
  type IndependentBadge,
  independentIssuer,
  type VcVersion,
} from "../support/independent-issuer";
import {
  type BrowserWorld,
  expectAccessible,
  startBrowserWorld,
  uploadToVerifier,
} from "./harness";

/**
 * 1EdTech's displayer checklist: "Open Badges 3.0 Displayer Service
 * Conformance" in the Open Badges 3.0 Conformance and Certification Guide
 * (1EdTech/openbadges-specification, ob_v3p0/cert/displayer.md). For three
 * badges, one neither expired nor revoked, one expired but not revoked, one
 * revoked but not expired, a viewer sees:
 *   1. the image (for a baked badge: here each badge's achievement image, a
 *      data: URI or an https address, and the baked file itself when that
 *      address does not answer);
 *   2. the name;
 *   3. the description;
 *   4. the issuer's name;
 *   5. the issue date (issuedOn; VC 1.1 issuanceDate, VC 2.0 validFrom), in
 *      the page's language;
 *   6. the status, in words (valid, expired, revoked);
 * and 7. can trigger the verification and read that the badge is not expired
 * and not revoked (the validity and status steps).
 * Played on /verify with six credentials from an issuer outside Blason
 * (Digital Bazaar's stack, did:key, eddsa-rdfc-2022; StatusList2021 under
 * VC 1.1, Bitstring Status List under VC 2.0, served from another port), each
 * uploaded as JSON or as a baked PNG or SVG; and on /credentials/{id} with
 * three credentials the running server issues. In French and in English,
 * with axe.
 */

type State = "valid" | "expired" | "revoked";
type Case = IndependentBadge & {
  state: State;
  upload: "json" | "png" | "svg";
  issuedFr: string;
  issuedEn: string;
};

const IMAGES = "https://images.atelier.example";
const at = (day: string) => new Date(`${day}T10:00:00Z`);
const svgOf = (title: string, color: string) =>
  badgeImageSvg({ title, subtitle: "Atelier des Possibles", color });
const pngOf = (title: string, color: string) => renderSvgToPng(svgOf(title, color), { width: 240 });
const dataUri = (type: string, bytes: Uint8Array | string) =>
  `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;
// An SVG that would run a script if it were ever put inline on our origin.
const scriptedSvg = svgOf("Conduite de chariot", "#7a2e0e").replace(
  "</svg>",
  "<script>document.title='pwned'</script></svg>",
);

/** Images the issuer publishes at https addresses, answered by the browser test itself. */
const published: Record<string, { type: string; body: Buffer }> = {
  "/lecture-de-plans.png": {
    type: "image/png",
    body: Buffer.from(pngOf("Lecture de plans", "#1f3a8a")),
  },
  "/accueil.svg": {
    type: "image/svg+xml",
    body: Buffer.from(svgOf("Accueil du public", "#0b5c6b")),
  },
  "/habilitation.png": {
    type: "image/png",
    body: Buffer.from(pngOf("Habilitation électrique", "#5b2a86")),
  },
};

const cases: Case[] = [
  {
    vc: "2.0",
    state: "valid",
    upload: "json",
    name: "Soudure à l'arc",
    description: "Soude des pièces d'acier en sécurité, de la préparation au contrôle du cordon.",
    image: dataUri("image/png", pngOf("Soudure à l'arc", "#14245c")),
    issuedOn: at("2025-03-04"),
    validUntil: at("2030-03-04"),
    statusIndex: 11,
    issuedFr: "4 mars 2025",
    issuedEn: "4 March 2025",
  },
  {
    vc: "2.0",
    state: "expired",
    upload: "png",
    name: "Lecture de plans",
    description: "Lit un plan d'ensemble et en tire la liste des pièces.",
    image: `${IMAGES}/lecture-de-plans.png`,
    issuedOn: at("2023-09-18"),
    validUntil: at("2025-09-18"),
    statusIndex: 12,
    issuedFr: "18 septembre 2023",
    issuedEn: "18 September 2023",
  },
  {
    vc: "2.0",
    state: "revoked",
    upload: "json",
    name: "Conduite de chariot",
    description: "Conduit un chariot élévateur en respectant le plan de circulation.",
    image: dataUri("image/svg+xml", scriptedSvg),
    issuedOn: at("2025-11-05"),
    validUntil: at("2029-11-05"),
    statusIndex: 13,
    issuedFr: "5 novembre 2025",
    issuedEn: "5 November 2025",
  },
  {
    vc: "1.1",
    state: "valid",
    upload: "svg",
    name: "Accueil du public",
    description: "Accueille et oriente le public d'un établissement.",
    image: `${IMAGES}/accueil.svg`,
    issuedOn: at("2024-06-12"),
    validUntil: at("2030-06-12"),
    statusIndex: 21,
    issuedFr: "12 juin 2024",
    issuedEn: "12 June 2024",
  },
  {
    vc: "1.1",
    state: "expired",
    upload: "json",
    name: "Gestes de premiers secours",
    description: "Protège, alerte et secourt en attendant l'arrivée des secours.",
    image: dataUri("image/png", pngOf("Premiers secours", "#8a1c1c")),
    issuedOn: at("2022-01-27"),
    validUntil: at("2024-01-27"),
    statusIndex: 22,
    issuedFr: "27 janvier 2022",
    issuedEn: "27 January 2022",
  },
  {
    vc: "1.1",
    state: "revoked",
    upload: "png",
    name: "Habilitation électrique",
    description: "Intervient sur une installation hors tension après consignation.",
    image: `${IMAGES}/habilitation.png`,
    issuedOn: at("2026-02-09"),
    validUntil: at("2030-02-09"),
    statusIndex: 23,
    issuedFr: "9 février 2026",
    issuedEn: "9 February 2026",
  },
];
const ISSUER = "Atelier des Possibles";

const words = {
  fr: {
    switch: "Switch to English",
    badge: "Badge",
    description: "Description",
    issuer: "Émetteur",
    issued: "Délivré le",
    status: "Statut",
    states: { valid: "✓ Valide", expired: "! Expiré", revoked: "! Révoqué" },
    verified: "Badge authentique",
    notVerified: "Ce badge n'est pas vérifié",
    dates: "Dates de validité",
    revocation: "Statut (révocation, suspension)",
    passed: "réussie",
    failed: "échouée",
  },
  en: {
    switch: "Passer en français",
    badge: "Badge",
    description: "Description",
    issuer: "Issuer",
    issued: "Awarded on",
    status: "Status",
    states: { valid: "✓ Valid", expired: "! Expired", revoked: "! Revoked" },
    verified: "Authentic badge",
    notVerified: "This badge is not verified",
    dates: "Validity dates",
    revocation: "Status (revocation, suspension)",
    passed: "passed",
    failed: "failed",
  },
} as const;
type Lang = keyof typeof words;

let world: BrowserWorld;
let statusServer: http.Server;
let dir: string;
let issuer: Awaited<ReturnType<typeof independentIssuer>>;
const files = new Map<Case, string>();
const shots = path.join(repoRoot, "docs/screenshots");

beforeAll(async () => {
  const lists: Record<string, unknown> = {};
  statusServer = http.createServer((request, response) => {
    const list = lists[request.url ?? ""];
    response.writeHead(list ? 200 : 404, { "content-type": "application/json" });
    response.end(JSON.stringify(list ?? { error: "not found" }));
  });
  await new Promise<void>((resolve) => statusServer.listen(0, "127.0.0.1", resolve));
  const port = (statusServer.address() as AddressInfo).port;
  issuer = await independentIssuer({
    name: ISSUER,
    statusBase: `http://127.0.0.1:${port}/status`,
  });
  const signed = await issuer.statusLists(
    cases.filter((c) => c.state === "revoked").map((c) => c.statusIndex),
  );
  for (const version of ["1.1", "2.0"] as VcVersion[])
    lists[new URL(issuer.listUrl[version]).pathname] = signed[version];
  world = await startBrowserWorld({ config: { FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1" } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-displayer-"));
  for (const c of cases) {
    const json = JSON.stringify(await issuer.badge(c));
    const file = path.join(dir, `${c.vc}-${c.state}.${c.upload}`);
    if (c.upload === "json") fs.writeFileSync(file, json);
    if (c.upload === "png")
      fs.writeFileSync(file, bakePng(pngOf(c.name, "#333333"), json, { version: "3.0" }));
    if (c.upload === "svg")
      fs.writeFileSync(file, bakeSvg(svgOf(c.name, "#333333"), json, { version: "3.0" }));
    files.set(c, file);
  }
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await world?.close();
  await new Promise((resolve) => statusServer?.close(resolve));
});

/** A page whose browser answers the issuer's https images (the internet is out of reach). */
async function pageWithIssuerImages() {
  const page = await world.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.context().route(`${IMAGES}/**`, (route) => {
    const image = published[new URL(route.request().url()).pathname];
    return image
      ? route.fulfill({ status: 200, contentType: image.type, body: image.body })
      : route.fulfill({ status: 404, body: "" });
  });
  return page;
}

/** The facts of a badge as a viewer reads them: each term with its text. */
const factsOf = async (page: Page, scope: string) => {
  const list = page.locator(`${scope} .facts`);
  const terms = await list.locator("dt").allTextContents();
  const values = await list.locator("dd").allTextContents();
  return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? ""]));
};

const stepStatus = (page: Page, name: string) =>
  page
    .locator(".step")
    .filter({ has: page.locator(".step__name", { hasText: name }) })
    .locator(".step__status")
    .textContent();

/** The image shows, loaded (a CSP refusal or a broken address leaves it empty). */
async function renderedImage(page: Page, selector: string) {
  const image = page.locator(selector);
  await expect
    .poll(() =>
      image.evaluate((i) => {
        const img = i as unknown as { complete: boolean; naturalWidth: number };
        return img.complete ? img.naturalWidth : 0;
      }),
    )
    .toBeGreaterThan(0);
  return image.getAttribute("src");
}

async function expectVerifierShows(page: Page, c: Case, lang: Lang) {
  const w = words[lang];
  await expect
    .poll(() => page.locator("#verify-verdict").textContent())
    .toBe(c.state === "valid" ? w.verified : w.notVerified);
  const facts = await factsOf(page, ".report__summary");
  expect(facts[w.badge]).toBe(c.name);
  expect(facts[w.description]).toBe(c.description);
  expect(facts[w.issuer]).toBe(`${ISSUER}${issuer.did}`);
  expect(facts[w.issued]).toBe(lang === "fr" ? c.issuedFr : c.issuedEn);
  expect(facts[w.status]).toBe(w.states[c.state]);
  expect(await renderedImage(page, ".report__image")).toBe(c.image);
  expect(await stepStatus(page, w.dates)).toBe(c.state === "expired" ? w.failed : w.passed);
  expect(await stepStatus(page, w.revocation)).toBe(c.state === "revoked" ? w.failed : w.passed);
}

describe("the displayer checklist on the verifier page", () => {
  it("keeps the CSP strict: scripts from our origin only, images also from data:, blob: and https", async () => {
    const csp = (await fetch(`${world.baseUrl}/verify`)).headers.get("content-security-policy");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob: https:");
    expect(csp).toContain("object-src 'none'");
  });

  for (const c of cases)
    it(`OB 3.0 under VC ${c.vc}, ${c.state}, uploaded as ${c.upload}: image, name, description, issuer, issue date and status, in French and English`, async () => {
      const page = await pageWithIssuerImages();
      await uploadToVerifier(page, files.get(c)!);
      await expectVerifierShows(page, c, "fr");
      // An SVG from a credential goes into an <img>, never into the page.
      expect(await page.locator(".report svg").count()).toBe(0);
      expect(await page.title()).not.toBe("pwned");
      await expectAccessible(page, `/verify, VC ${c.vc} ${c.state} (fr)`);
      if (c.vc === "2.0" && c.state === "valid")
        await page
          .locator(".report")
          .screenshot({ path: path.join(shots, "displayer-verify-valid.png") });
      if (c.vc === "1.1" && c.state === "revoked")
        await page
          .locator(".report")
          .screenshot({ path: path.join(shots, "displayer-verify-revoked.png") });
      await page.getByRole("button", { name: words.fr.switch }).click();
      await expectVerifierShows(page, c, "en");
      await expectAccessible(page, `/verify, VC ${c.vc} ${c.state} (en)`);
      await page.context().close();
    });

  it("a baked badge whose image address does not answer shows the baked image itself", async () => {
    const page = await pageWithIssuerImages();
    const badge = await issuer.badge({
      ...cases[0]!,
      image: `${IMAGES}/retired.png`,
    });
    const file = path.join(dir, "retired-image.png");
    const baked = bakePng(pngOf("Soudure à l'arc", "#14245c"), JSON.stringify(badge), {
      version: "3.0",
    });
    fs.writeFileSync(file, baked);
    await uploadToVerifier(page, file);
    expect(await renderedImage(page, ".report__image")).toMatch(/^blob:/);
    await page.context().close();
  });
});

describe("the displayer checklist on the credential page, for badges Blason issues", () => {
  type Issued = { id: string; state: State; issuedFr: string; issuedEn: string };
  const issued: Issued[] = [];

  beforeAll(async () => {
    const ctx = world.platform.ctx;
    const [caen] = await ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.contactEmail, "contact@cfa-calvados.example"));
    const badges = await catalogueBadges(ctx);
    const plan: [State, string, string, string][] = [
      ["valid", "2026-09-14", "14 septembre 2026", "14 September 2026"],
      // Past the badge's validity (four years): expired today.
      ["expired", "2021-05-17", "17 mai 2021", "17 May 2021"],
      ["revoked", "2026-10-05", "5 octobre 2026", "5 October 2026"],
    ];
    for (const [i, [state, day, issuedFr, issuedEn]] of plan.entries()) {
      const { credential } = await issueCredential(ctx, {
        grantKey: `test:displayer:${state}`,
        badgeClassId: badges[i + 3]!.id,
        subjectOrgId: caen!.id,
        validFrom: new Date(`${day}T08:00:00Z`),
      });
      if (state === "revoked")
        await revokeCredential(ctx, credential.id, "Le contrôle sur place ne l'a pas confirmé.", {
          kind: "system",
          label: "test",
        });
      issued.push({ id: credential.id, state, issuedFr, issuedEn });
    }
  });

  /** What the credential itself says: the page must show exactly that. */
  async function documentOf(id: string) {
    const document = (await (await fetch(`${world.baseUrl}/credentials/${id}.json`)).json()) as {
      name: string;
      issuer: { name: string };
      credentialSubject: { achievement: { name: string; description: string } };
    };
    return document;
  }

  async function expectCredentialPageShows(page: Page, c: Issued, lang: Lang) {
    const w = words[lang];
    const document = await documentOf(c.id);
    await expect.poll(() => page.locator("h1").textContent()).toBe(document.name);
    expect(document.credentialSubject.achievement.name).toBe(document.name);
    const description = document.credentialSubject.achievement.description;
    expect(await page.locator(".badge-page").textContent()).toContain(description);
    const facts = await factsOf(page, ".badge-page");
    expect(facts[w.issuer]).toBe(document.issuer.name);
    expect(facts[w.issued]).toBe(lang === "fr" ? c.issuedFr : c.issuedEn);
    expect(await page.locator(".badge-page .chip").first().textContent()).toBe(w.states[c.state]);
    expect(await renderedImage(page, ".badge-page__image img")).toBe(`/credentials/${c.id}.svg`);
  }

  it("valid, expired and revoked: image, name, description, issuer, issue date and status, then their verification, in French and English", async () => {
    for (const c of issued) {
      const page = await world.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/credentials/${c.id}`);
      await expectCredentialPageShows(page, c, "fr");
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, `/credentials/{id}, ${c.state} (fr)`);
      if (c.state === "expired")
        await page.screenshot({
          path: path.join(shots, "displayer-credential-expired.png"),
          fullPage: true,
        });
      await page.getByRole("button", { name: words.fr.switch }).click();
      await expectCredentialPageShows(page, c, "en");
      await expectAccessible(page, `/credentials/{id}, ${c.state} (en)`);
      await page.getByRole("button", { name: words.en.switch }).click();

      // The viewer triggers the verification from the page and reads its result.
      await page
        .getByRole("link", { name: "Vérifier ce badge : signature, dates et statut" })
        .click();
      const w = words.fr;
      await expect
        .poll(() => page.locator("#verify-verdict").textContent())
        .toBe(c.state === "valid" ? w.verified : w.notVerified);
      expect(await stepStatus(page, w.dates)).toBe(c.state === "expired" ? w.failed : w.passed);
      expect(await stepStatus(page, w.revocation)).toBe(
        c.state === "revoked" ? w.failed : w.passed,
      );
      const facts = await factsOf(page, ".report__summary");
      expect(facts[w.status]).toBe(w.states[c.state]);
      expect(facts[w.issued]).toBe(c.issuedFr);
      await page.context().close();
    }
  });
});
