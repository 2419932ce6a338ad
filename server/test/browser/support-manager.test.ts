import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { findOrganisationBySlug } from "../../src/modules/organisations/organisations.repo";
import { slugify } from "../../src/modules/organisations/organisations.service";
import { upsertAdviser } from "../../src/modules/support/support.repo";
import { repoRoot } from "../../src/paths";
import { browserWorldWithMail, expectAccessible } from "./harness";

/**
 * The managers' side of support, in the browser: a manager sees every request,
 * reassigns the demo one to another adviser (a conflicted one is refused), reads the figures and edits the
 * label's mailbox (the programme page shows the new address); then the CFA and
 * its new adviser exchange a message and a counter-proposal of meeting.
 */
const state = browserWorldWithMail();
const screenshots = path.join(repoRoot, "docs/screenshots");

beforeAll(async () => {
  const db = state.world.platform.ctx.db;
  // A peer outside the asking CFA's group, and one of its own sites (conflicted).
  for (const name of ["CFA Maritime du Cotentin", "UFA de Lisieux"]) {
    const org = await findOrganisationBySlug(db, slugify(name));
    await upsertAdviser(db, {
      organisationId: org!.id,
      badges: ["tutorat"],
      themes: [],
      capacity: 2,
      active: true,
    });
  }
});

const MANAGER = "gestion@region-normandie.example";
const CFA = "direction@cfa-calvados.example";
const NEW_ADVISER = "direction@cfa-maritime-cotentin.example";
const DEMO_QUESTION = "quelles preuves le jury attend-il";
const NEW_MAILBOX = "label-cfa@region-normandie.example";

const card = (page: Page) => page.locator("li.card", { hasText: DEMO_QUESTION });

describe("support overseen by managers, in the browser", () => {
  it("a manager reassigns, reads the figures and edits the mailbox; CFA and adviser talk", async () => {
    const { world, mails } = state;
    fs.mkdirSync(screenshots, { recursive: true });
    const manager = await world.signedIn(MANAGER);
    await manager.goto("/conseil");
    const table = manager.getByRole("table", { name: "Toutes les demandes" });
    const row = table.getByRole("row", { name: /CFA des Métiers du Calvados/ });
    await row.getByText("CFA de l'Industrie de Rouen").waitFor();
    await expectAccessible(manager, "support oversight (manager)");

    const choose = (label: string) => row.getByLabel(/Nouveau conseiller/).selectOption({ label });
    await choose("UFA de Lisieux (0 en cours sur 2)");
    await row.getByRole("button", { name: "Réassigner" }).click();
    await manager
      .getByRole("dialog", { name: /UFA de Lisieux/ })
      .getByRole("button", { name: "Réassigner" })
      .click();
    await row.getByText("Ce conseiller appartient au CFA demandeur ou à son groupe").waitFor();
    await expectAccessible(manager, "support reassign refused");
    await choose("CFA Maritime du Cotentin (0 en cours sur 2)");
    await row.getByRole("button", { name: "Réassigner" }).click();
    const dialog = manager.getByRole("dialog", { name: /CFA Maritime du Cotentin/ });
    await expectAccessible(manager, "support reassign dialog");
    await dialog.getByRole("button", { name: "Réassigner" }).click();
    await row.getByRole("cell", { name: "CFA Maritime du Cotentin" }).waitFor();

    const figures = manager.getByRole("table", { name: /Demandes par mois/ });
    const month = new Date().toISOString().slice(0, 7);
    const monthRow = figures.getByRole("row", { name: new RegExp(month) });
    await monthRow.waitFor();
    expect(Number(await monthRow.getByRole("cell").nth(0).textContent())).toBeGreaterThanOrEqual(1);

    await manager.getByLabel("Boîte de contact du label").fill(NEW_MAILBOX);
    await manager.getByLabel("Texte d'aide (français)").fill("Besoin d'aide ? Un CFA pair répond.");
    await manager.getByRole("button", { name: "Enregistrer les textes" }).click();
    await manager.getByText("Textes enregistrés.").waitFor();
    await expectAccessible(manager, "support texts saved");
    await manager.screenshot({
      path: path.join(screenshots, "support-manager.png"),
      fullPage: true,
    });
    await manager.goto("/programmes/label-cfa");
    await manager.getByRole("link", { name: NEW_MAILBOX }).waitFor();

    const cfa = await world.signedIn(CFA);
    await cfa.goto("/conseil");
    await cfa.getByText("Besoin d'aide ? Un CFA pair répond.").waitFor();
    await card(cfa)
      .getByLabel("Votre message")
      .fill("Nous avons aussi des attestations de tuteurs.");
    await card(cfa).getByRole("button", { name: "Envoyer le message" }).click();
    await card(cfa).getByText("Nous avons aussi des attestations de tuteurs.").waitFor();

    const adviser = await world.signedIn(NEW_ADVISER);
    await adviser.goto("/conseil");
    await card(adviser).getByText("Nous avons aussi des attestations de tuteurs.").waitFor();
    await expectAccessible(adviser, "support thread (new adviser)");
    await card(adviser).getByLabel("Votre message").fill("Oui, c'est une bonne preuve.");
    await card(adviser).getByRole("button", { name: "Envoyer le message" }).click();
    await card(adviser).getByText("Oui, c'est une bonne preuve.").waitFor();
    await card(adviser).getByLabel("Date et heure").fill("2027-02-03T14:00");
    await card(adviser).getByLabel("Lieu", { exact: false }).fill("Cherbourg, salle 2");
    await card(adviser).getByRole("button", { name: "Proposer ce rendez-vous" }).click();
    await card(adviser).getByText("Rendez-vous proposé").waitFor();

    await cfa.reload();
    await card(cfa).getByText("Oui, c'est une bonne preuve.").waitFor();
    const counter = card(cfa).locator("form", { hasText: "Proposer une autre date" });
    await counter.getByLabel("Date et heure").fill("2027-02-05T09:30");
    await counter
      .getByLabel("Lien de visioconférence", { exact: false })
      .fill("https://visio.example/cotentin");
    await counter.getByRole("button", { name: "Envoyer ma contre-proposition" }).click();
    await card(cfa).getByText("Autre date proposée").waitFor();
    const countered = await mails.mail(
      "contact@cfa-maritime-cotentin.example",
      "CFA des Métiers du Calvados propose une autre date",
    );
    expect(countered.text).toContain("https://visio.example/cotentin");
    await expectAccessible(cfa, "support counter-proposal (CFA)");

    await adviser.reload();
    await card(adviser).getByText("https://visio.example/cotentin").waitFor();
    await card(adviser).getByRole("button", { name: "Accepter la contre-proposition" }).click();
    await card(adviser).getByText("Rendez-vous confirmé").waitFor();
  });
});
