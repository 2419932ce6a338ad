import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, badgeClasses, organisations } from "../../src/db/schema";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/**
 * Nothing irreversible happens on one click: sending an application and
 * recording a decision each ask first, in words, in a dialog; Cancel leaves
 * the application as it was, Confirm does it. The decision form starts with
 * no outcome chosen and, sent empty, lists its own errors in French. A
 * partner's revocation takes its reason in the dialog, and needs one.
 */
let world: BrowserWorld;
const screenshots = path.join(repoRoot, "docs/screenshots");

beforeAll(async () => {
  world = await startBrowserWorld();
});
afterAll(async () => {
  await world?.close();
});

const CFA = "direction@cfa-calvados.example";
const MANAGER = "gestion@region-normandie.example";

/** The application's state as the API gives it to the page's user. */
async function stateOf(page: Page, id: string): Promise<string> {
  const response = await page.request.get(`/api/applications/${id}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { state: string }).state;
}

/** The demo organisation's application in this state (the demo has one of each used here). */
async function applicationOf(contactEmail: string, state: "draft" | "submitted") {
  const [found] = await world.platform.ctx.db
    .select({ id: applications.id, criteria: badgeClasses.criteria })
    .from(applications)
    .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(eq(applications.state, state), eq(organisations.contactEmail, contactEmail)));
  return found!;
}

/** The demo CFA's draft, its answers written so that it can be sent. */
async function completeDraft() {
  const draft = await applicationOf("contact@cfa-calvados.example", "draft");
  const answers = Object.fromEntries(
    (draft.criteria as unknown[]).map((_, i) => [
      String(i),
      { answer: `Notre dispositif pour le critère ${i + 1}.`, links: [] },
    ]),
  );
  await world.platform.ctx.db
    .update(applications)
    .set({ answers })
    .where(eq(applications.id, draft.id));
  return draft;
}

describe("confirmations before what cannot be undone", () => {
  it("asks before sending an application: Cancel keeps the draft, Confirm sends it", async () => {
    const draft = await completeDraft();
    const cfa = await world.signedIn(CFA);
    await cfa.goto(`/demandes/${draft.id}`);
    await cfa.getByRole("button", { name: "Envoyer la demande" }).click();
    const dialog = cfa.getByRole("dialog", { name: "Envoyer la demande ?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      "vous ne pourrez plus modifier vos réponses, sauf si une révision vous est demandée",
    );
    await expectAccessible(cfa, "the dialog before sending");
    await cfa.screenshot({ path: path.join(screenshots, "confirm-submit.png") });
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await stateOf(cfa, draft.id)).toBe("draft");

    await cfa.getByRole("button", { name: "Envoyer la demande" }).click();
    await dialog.getByRole("button", { name: "Oui, envoyer" }).click();
    await expect.poll(() => stateOf(cfa, draft.id)).toBe("submitted");
    await expect.poll(() => cfa.locator(".lead .chip").textContent()).toBe("Envoyée");
    await cfa.context().close();
  });

  it("records a decision only once chosen, written and confirmed", async () => {
    const manager = await world.signedIn(MANAGER);
    // The Bessin mission's Participant application, sent, decided as it comes by the Region.
    const { id } = await applicationOf("contact@mission-bessin.example", "submitted");
    await manager.goto(`/demandes/${id}`);
    const outcomes = manager.getByRole("group", { name: "Décision" }).getByRole("radio");
    await outcomes.first().waitFor();
    expect(await outcomes.count()).toBe(3);
    for (const radio of await outcomes.all()) expect(await radio.isChecked()).toBe(false);

    // Sent empty: our summary, in French, focused, each error linking to its field.
    await manager.getByRole("button", { name: "Enregistrer la décision" }).click();
    const summary = manager.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Le formulaire contient des erreurs");
    expect(await summary.getByRole("link").allTextContents()).toEqual([
      "Choisissez une décision.",
      "Écrivez la motivation de la décision.",
    ]);
    await expect.poll(() => manager.locator(".error-summary:focus").count()).toBe(1);
    await summary.getByRole("link", { name: "Écrivez la motivation de la décision." }).click();
    await expect.poll(() => manager.locator(":focus").getAttribute("id")).toBe("motivation");
    await expectAccessible(manager, "the decision form with its errors");
    expect(await stateOf(manager, id)).toBe("submitted");

    await manager.getByLabel("Badge attribué").check();
    await manager.getByLabel("Motivation").fill("Démarche structurée ; engagements acceptés.");
    await manager.getByRole("button", { name: "Enregistrer la décision" }).click();
    const dialog = manager.getByRole("dialog", { name: "Enregistrer cette décision ?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("sera attribué à");
    await expectAccessible(manager, "the dialog before recording a decision");
    fs.mkdirSync(screenshots, { recursive: true });
    await manager.screenshot({ path: path.join(screenshots, "confirm-decision.png") });
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await stateOf(manager, id)).toBe("submitted");

    await manager.getByRole("button", { name: "Enregistrer la décision" }).click();
    await dialog.getByRole("button", { name: "Oui, enregistrer" }).click();
    await expect.poll(() => stateOf(manager, id)).toBe("granted");
    await manager.context().close();
  });

  it("revokes a partner's badge only with a reason written in the dialog", async () => {
    const [rouen] = await world.platform.ctx.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.contactEmail, "contact@atelier-emploi-rouen.example"));
    const partner = await world.signedIn("direction@atelier-emploi-rouen.example");
    await partner.goto(`/organisations/${rouen!.id}/partenaire`);
    // The workshop's own badge, awarded on Blason to one person.
    const card = partner.locator(".card", { hasText: "S'adapter à un nouveau poste" }).first();
    await card.getByText("1 personne détient ce badge", { exact: true }).first().click();
    const revoke = card.getByRole("button", { name: /^Révoquer/ }).first();
    await revoke.click();
    const dialog = partner.getByRole("dialog", { name: /^Révoquer le badge de/ });
    await dialog.waitFor();
    await expectAccessible(partner, "the dialog before revoking a badge");
    await dialog.getByRole("button", { name: "Annuler" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await card.getByRole("cell", { name: "Révoqué" }).count()).toBe(0);

    await revoke.click();
    await dialog.getByRole("button", { name: "Oui, révoquer" }).click();
    await dialog.getByText("Écrivez le motif de la révocation.").waitFor();
    await dialog
      .getByLabel("Pourquoi révoquer ce badge ? (la personne en sera informée)")
      .fill("Délivré par erreur à la mauvaise personne.");
    await dialog.getByRole("button", { name: "Oui, révoquer" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => card.getByRole("cell", { name: "Révoqué" }).count()).toBe(1);
    await partner.context().close();
  });
});
