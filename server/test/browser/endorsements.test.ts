import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses } from "../../src/db/schema";
import { findUserByEmail } from "../../src/modules/auth/auth.repo";
import { issueCredential } from "../../src/modules/credentials/issuance.service";
import { DEMO_ENDORSER } from "../../src/modules/demo/endorsements-demo";
import { inviteEndorser } from "../../src/modules/endorsements/endorsements.service";
import { findOrganisationBySlug } from "../../src/modules/organisations/organisations.repo";
import { slugify } from "../../src/modules/organisations/organisations.service";
import { repoRoot } from "../../src/paths";
import { buildUser, catalogueBadges } from "../support/factories";
import {
  type BrowserWorld,
  expectAccessible,
  startBrowserWorld,
  uploadToVerifier,
} from "./harness";

/**
 * The demo's endorsement of a regional badge, as the public sees it: on the
 * badge's page (in Chromium, with axe), and in the verifier's report of a
 * badge issued after it, which embeds it.
 */
let world: BrowserWorld;
const screenshots = path.join(repoRoot, "docs/screenshots");
beforeAll(async () => {
  world = await startBrowserWorld();
});
afterAll(() => world?.close());

describe("endorsements in the browser", () => {
  it("the badge page lists the endorser and its statement", async () => {
    const [badge] = await world.platform.ctx.db
      .select()
      .from(badgeClasses)
      .where(eq(badgeClasses.slug, "organiser-1"));
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/badges/${badge!.id}`);
    const heading = page.getByRole("heading", { name: "Approbations" });
    await heading.waitFor();
    await expect.poll(() => page.getByText(DEMO_ENDORSER.statement).isVisible()).toBe(true);
    await page
      .getByRole("link", { name: `L'approbation signée par ${DEMO_ENDORSER.name} (JSON)` })
      .waitFor();
    await expectAccessible(page, "badge page with endorsements");
    await heading.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, "badge-endorsements.png") });
  });

  it("the verifier reports the endorsement a badge embeds, apart from the badge", async () => {
    const [badge] = await world.platform.ctx.db
      .select()
      .from(badgeClasses)
      .where(eq(badgeClasses.slug, "organiser-1"));
    const person = await buildUser(world.platform.ctx, { email: "ines.morel@exemple.fr" });
    const { credential } = await issueCredential(world.platform.ctx, {
      grantKey: `regional:${person.id}:${badge!.id}`,
      badgeClassId: badge!.id,
      subjectUserId: person.id,
      validFrom: new Date(),
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "endorsed-")), "badge.json");
    fs.writeFileSync(file, JSON.stringify(credential.document));
    const page = await world.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await uploadToVerifier(page, file);
    await page.getByRole("heading", { name: "Badge authentique" }).waitFor();
    const section = page.getByRole("heading", { name: "Approbations du badge" });
    await section.waitFor();
    await page.locator(".endorsement-checks").getByText(DEMO_ENDORSER.name).waitFor();
    await page.locator(".endorsement-checks").getByText("Valide", { exact: true }).waitFor();
    await expectAccessible(page, "verifier with endorsements");
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, "verify-endorsements.png") });
  });

  it("the endorser's admin signs an invitation on /approbations; an external one gets its link", async () => {
    const managerRow = (await findUserByEmail(
      world.platform.ctx.db,
      "gestion@region-normandie.example",
    ))!;
    const manager = {
      principal: {
        userId: managerRow.id,
        platformRoles: ["programme_manager" as const],
        memberships: [],
      },
      user: managerRow,
    };
    const [labelBadge] = await catalogueBadges(world.platform.ctx);
    const institution = (await findOrganisationBySlug(
      world.platform.ctx.db,
      slugify(DEMO_ENDORSER.name),
    ))!;
    await inviteEndorser(world.platform.ctx, {
      caller: manager,
      input: {
        target: "badge_class",
        badgeClassId: labelBadge!.id,
        endorser: { organisationId: institution.id },
      },
    });
    const page = await world.signedIn(DEMO_ENDORSER.email);
    await page.goto("/approbations");
    const card = page.locator("li.card", { hasText: labelBadge!.name });
    await card.getByText("En attente de signature").waitFor();
    await card
      .getByLabel("Déclaration")
      .fill("Nous reconnaissons ce badge du label dans nos branches.");
    await expectAccessible(page, "endorsements, before signing");
    await page.screenshot({ path: path.join(screenshots, "endorsements-sign.png") });
    await card.getByRole("button", { name: "Signer l'approbation" }).click();
    await card.getByText("Publiée").waitFor();
    await card.getByRole("link", { name: /L'approbation signée par/ }).waitFor();

    const { token } = await inviteEndorser(world.platform.ctx, {
      caller: manager,
      input: {
        target: "issuer",
        endorser: {
          issuerId: "did:web:branche-batiment.example",
          name: "Branche du bâtiment",
          email: "contact@branche-batiment.example",
        },
      },
    });
    const external = await world.newPage();
    await external.setViewportSize({ width: 1280, height: 900 });
    await external.goto(`/approbations/invitation/${token}`);
    await external.getByRole("heading", { name: "Invitation à approuver" }).waitFor();
    await external.getByText("Région Normandie").first().waitFor();
    await expectAccessible(external, "an external endorser's invitation");
    await external.screenshot({ path: path.join(screenshots, "endorsement-invitation.png") });
  });

  it("a manager invites an external endorser from /approbations", async () => {
    const page = await world.signedIn("gestion@region-normandie.example");
    await page.goto("/approbations");
    await page.getByRole("heading", { name: "Inviter un approbateur" }).waitFor();
    await page.getByLabel("Approuvé").selectOption({ label: "Organiser, niveau I — Je pratique" });
    await page.getByLabel("Un émetteur externe (did:web, did:key ou https)").check();
    await page.getByLabel("Identifiant d'émetteur").fill("did:web:cci-normandie.example");
    await page.getByLabel("Nom de l'institution").fill("CCI Normandie");
    await page.getByLabel("Adresse e-mail de contact").fill("badges@cci-normandie.example");
    await expectAccessible(page, "a manager's endorsements");
    await page.screenshot({ path: path.join(screenshots, "endorsements-manager.png") });
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await page.getByText("L'invitation est envoyée.").waitFor();
    await page
      .locator("li.card", { hasText: "CCI Normandie" })
      .getByText("En attente de signature")
      .waitFor();
  });
});
