import fs from "node:fs";
import path from "node:path";
import { verifyCredential } from "@blason/openbadges";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, credentials, organisations } from "../../src/db/schema";
import { repoRoot } from "../../src/paths";
import { catalogueBadges } from "../support/factories";
import { type BrowserWorld, catchMail, expectAccessible, startBrowserWorld } from "./harness";

/**
 * The label's whole journey through the browser, with real emails captured
 * by an SMTP server: draft, evidence, submission, a refused conflicted
 * reviewer, a question and its answer, reviews, a revision for a later
 * session, the grant, the badge accepted and its baked PNG verified.
 */
let mails: Awaited<ReturnType<typeof catchMail>>;
let world: BrowserWorld;
const screenshots = path.join(repoRoot, "docs/screenshots");

beforeAll(async () => {
  mails = await catchMail();
  world = await startBrowserWorld({ config: { SMTP_URL: mails.url } });
});
afterAll(async () => {
  await world?.close();
  await mails?.close();
});

const mail = (to: string, subject: string) => mails.mail(to, subject);

/** The double-submit token a signed-in page holds, for API calls made beside the page. */
async function csrf(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === "blason_csrf")?.value ?? "";
}

const CFA = "direction@cfa-calvados.example";
const CFA_MAILBOX = "contact@cfa-calvados.example";
const MANAGER = "gestion@region-normandie.example";
const REVIEWERS = ["pair@cfa-industrie-rouen.example", "pair@region-normandie.example"];

async function stateIs(page: Page, state: string) {
  await expect.poll(() => page.locator(".lead .chip").textContent()).toBe(state);
}

async function reviewAs(email: string, url: string, recommendation: string) {
  const page = await world.signedIn(email);
  await page.goto(url);
  await page.getByRole("heading", { name: "Votre relecture" }).waitFor();
  await page.waitForLoadState("networkidle");
  const criteria = await page.locator("fieldset.rating").count();
  for (let i = 0; i < criteria; i++)
    await page.locator("fieldset.rating").nth(i).getByLabel("Atteint", { exact: true }).check();
  await page.getByLabel("Votre recommandation").selectOption({ label: recommendation });
  await page.getByLabel("Votre avis argumenté").fill("Dossier lu en entier ; avis motivé.");
  await page.getByRole("button", { name: "Enregistrer ma relecture" }).click();
  await expect
    .poll(() => page.locator(".reviews li", { hasText: recommendation }).count())
    .toBeGreaterThan(0);
  return page;
}

async function assignPanel(page: Page, names: string[]) {
  await page.getByLabel("Claire Petit", { exact: false }).waitFor();
  for (const box of await page.locator("input[name=reviewer]").all()) await box.uncheck();
  for (const name of names) await page.getByLabel(name, { exact: false }).check();
  await page.getByRole("button", { name: "Désigner les relecteurs" }).click();
}

describe("the label journey, in the browser", () => {
  it("goes from a draft to an accepted badge whose baked PNG verifies", async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    // A badge the demo CFA neither holds nor applies for.
    const badge = (await catalogueBadges(world.platform.ctx))[13];
    const badgeName = badge!.name;

    // 1. The CFA drafts, answers every criterion, uploads evidence, sends.
    const cfa = await world.signedIn(CFA);
    await cfa.goto("/demandes");
    await cfa
      .getByLabel("Badge", { exact: true })
      .selectOption({ label: badge!.required ? `${badgeName} (Obligatoire)` : badgeName });
    await cfa.getByRole("button", { name: "Commencer la demande" }).click();
    await cfa.waitForURL(/\/demandes\/[0-9a-f-]{36}$/);
    const url = new URL(cfa.url()).pathname;
    const answers = cfa.getByLabel("Votre réponse");
    await answers.first().waitFor();
    const count = await answers.count();
    expect(count).toBe(badge!.criteria.length);
    for (let i = 0; i < count; i++)
      await answers
        .nth(i)
        .fill(`Notre dispositif pour le critère ${i + 1}, décrit avec ses preuves.`);
    await expect
      .poll(() => cfa.getByText("Enregistré automatiquement.").count(), { timeout: 10_000 })
      .toBe(count);
    const evidence = path.join(world.platform.ctx.config.dataDir, "plan-de-formation.pdf");
    fs.writeFileSync(evidence, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    await cfa.getByLabel("Ajouter un fichier de preuve").first().setInputFiles(evidence);
    await expect
      .poll(() => cfa.getByRole("link", { name: "plan-de-formation.pdf" }).count())
      .toBe(1);
    // A trainer's badge as evidence too: verified by the engine as soon as it is pasted.
    const [trainerBadge] = await world.platform.ctx.db
      .select({ id: credentials.id })
      .from(credentials)
      .limit(1);
    const trainerJson = await (
      await fetch(`${world.baseUrl}/credentials/${trainerBadge!.id}.json`)
    ).text();
    const firstCriterion = cfa.locator("fieldset.criterion").first();
    await firstCriterion.getByText("Ajouter un badge détenu par un membre de l'équipe").click();
    await firstCriterion.getByLabel("Qui le détient (nom, fonction)").fill("Léa Roux, formatrice");
    await firstCriterion
      .getByLabel("Adresse du badge, ou son contenu (JSON ou JWT)")
      .fill(trainerJson);
    await firstCriterion.getByRole("button", { name: "Vérifier et ajouter" }).click();
    await expect
      .poll(() => firstCriterion.locator(".staff-badges .chip--ok").count(), { timeout: 15_000 })
      .toBe(1);
    await expectAccessible(cfa, "application form");
    await cfa.screenshot({ path: path.join(screenshots, "application-form.png"), fullPage: true });
    await cfa.getByRole("button", { name: "Envoyer la demande" }).click();
    await cfa.getByRole("button", { name: "Oui, envoyer" }).click();
    await stateIs(cfa, "Envoyée");
    await mail(CFA_MAILBOX, `Demande envoyée : ${badgeName}`);

    // 2. The manager is not offered the conflicted reviewer (told why), and
    // assigns two others.
    const manager = await world.signedIn(MANAGER);
    await manager.goto(url);
    await expect
      .poll(() => manager.getByRole("list", { name: "Non proposés pour ce panel" }).textContent())
      .toContain("Marc Leroy travaille dans cette organisation.");
    expect(await manager.getByRole("checkbox", { name: /Marc Leroy/ }).count()).toBe(0);
    await assignPanel(manager, ["Hugo Martin", "Claire Petit"]);
    await stateIs(manager, "En relecture");
    for (const reviewer of REVIEWERS) await mail(reviewer, "Nouvelle demande à relire");

    // 3. A reviewer asks a question; the CFA answers; each side is emailed.
    const hugo = await world.signedIn(REVIEWERS[0]!);
    await hugo.goto(url);
    await hugo
      .getByLabel("Votre message")
      .fill("Comment le plan est-il déployé sur le site de Lisieux ?");
    await hugo.getByRole("button", { name: "Envoyer le message" }).click();
    const question = await mail(CFA_MAILBOX, "Nouveau message sur la demande");
    expect(question.text).toContain("site de Lisieux");
    await cfa.goto(url);
    await cfa
      .getByLabel("Votre message")
      .fill("Il y est déployé depuis la rentrée, avec le même calendrier.");
    await cfa.getByRole("button", { name: "Envoyer le message" }).click();
    await expect.poll(() => cfa.locator(".message").count()).toBe(2);
    expect((await mail(REVIEWERS[1]!, "Nouveau message sur la demande")).text).toContain(
      "même calendrier",
    );

    // 4. Both review; the commission asks for a revision.
    const reviewerPage = await reviewAs(REVIEWERS[0]!, url, "Demander une révision");
    await expectAccessible(reviewerPage, "reviewer screen");
    await reviewerPage.screenshot({ path: path.join(screenshots, "reviewer.png"), fullPage: true });
    await reviewAs(REVIEWERS[1]!, url, "Demander une révision");
    await manager.goto(url);
    await manager.getByLabel("Révision demandée").check();
    await manager
      .getByLabel("Motivation")
      .fill("Joignez le calendrier de déploiement sur le site de Lisieux.");
    await manager.screenshot({ path: path.join(screenshots, "commission.png"), fullPage: true });
    await manager.getByRole("button", { name: "Enregistrer la décision" }).click();
    await manager.getByRole("button", { name: "Oui, enregistrer" }).click();
    await stateIs(manager, "Révision demandée");
    expect((await mail(CFA_MAILBOX, "Demande à compléter")).text).toContain(
      "calendrier de déploiement",
    );

    // 5. The CFA revises; the file goes to a later session.
    await cfa.goto(url);
    const firstSession = await cfa.getByText(/^Session :/).textContent();
    await cfa
      .getByLabel("Votre réponse")
      .first()
      .fill("Calendrier de déploiement à Lisieux : septembre à décembre.");
    await expect
      .poll(() => cfa.getByText("Enregistré automatiquement.").count())
      .toBeGreaterThan(0);
    await cfa.getByRole("button", { name: "Envoyer la demande" }).click();
    await cfa.getByRole("button", { name: "Oui, envoyer" }).click();
    await stateIs(cfa, "Envoyée");
    const secondSession = await cfa.getByText(/^Session :/).textContent();
    expect(secondSession).not.toBe(firstSession);

    // 6. Reviewed again, granted; the badge is issued and the CFA accepts it.
    await manager.goto(url);
    // The panel stays as it was: both reviewers are already ticked.
    await expect
      .poll(() => manager.getByLabel("Hugo Martin", { exact: false }).isChecked())
      .toBe(true);
    await manager.getByRole("button", { name: "Désigner les relecteurs" }).click();
    await stateIs(manager, "En relecture");
    for (const reviewer of REVIEWERS)
      await (await reviewAs(reviewer, url, "Attribuer le badge")).context().close();
    await manager.goto(url);
    await manager.getByLabel("Badge attribué").check();
    await manager.getByLabel("Motivation").fill("Dispositif complet, déployé sur tous les sites.");
    await manager.getByRole("button", { name: "Enregistrer la décision" }).click();
    await manager.getByRole("button", { name: "Oui, enregistrer" }).click();
    await stateIs(manager, "Attribuée");
    await mail(CFA_MAILBOX, `Badge attribué : ${badgeName}`);
    const awarded = await mail(CFA_MAILBOX, `Badge obtenu : ${badgeName}`);
    const claimPath = new URL(awarded.text.match(/https?:\/\/\S+\/badges\b/)![0]).pathname;
    await cfa.goto(claimPath);
    await cfa.getByRole("button", { name: `Accepter « ${badgeName} »` }).click();
    const row = cfa.locator(".credential-row", { hasText: badgeName }).first();
    await expect.poll(() => row.getByRole("link", { name: "Image PNG" }).count()).toBe(1);
    const href = await row.getByRole("link", { name: "Image PNG" }).getAttribute("href");
    const png = await cfa.request.get(href!);
    const report = await verifyCredential(new Uint8Array(await png.body()), {
      fetcher: world.platform.ctx.fetcher,
    });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.summary.name).toBe(badgeName);
    for (const page of [cfa, manager, hugo]) await page.context().close();
  });

  it("draws the CFA's progress towards the label: held, to renew, pending, missing", async () => {
    const cfa = await world.signedIn("qualite@cfa-calvados.example");
    const me = await (await cfa.request.get("/api/me")).json();
    const orgId = me.memberships[0].organisation.id;
    await cfa.goto(`/organisations/${orgId}/label`);
    await cfa.locator(".tile").first().waitFor();
    const caption = await cfa.locator("#rings-caption").textContent();
    expect(caption).toMatch(/^\d+ badges valides sur les 10 demandés ; \d obligatoires sur 5\.$/);
    for (const state of ["held", "expiring", "pending", "missing"])
      expect(await cfa.locator(`.tile--${state}`).count(), state).toBeGreaterThan(0);
    await expectAccessible(cfa, "label progress");
    await cfa.screenshot({ path: path.join(screenshots, "label-progress.png"), fullPage: true });
    await cfa.context().close();
  });

  it("a manager confirms a label request; a revoked badge suspends a label and the CFA is told what to renew", async () => {
    const db = world.platform.ctx.db;
    const orgs = await db.select().from(organisations);
    const auge = orgs.find((o) => o.contactEmail === "contact@cfa-pays-auge.example")!;
    const maritime = orgs.find((o) => o.contactEmail === "contact@cfa-maritime-cotentin.example")!;

    // 1. The manager's queue: the request, the automatic check redone today, a decision.
    const manager = await world.signedIn(MANAGER);
    await manager.getByRole("link", { name: "Demandes de label" }).click();
    const request = manager.locator("article", { hasText: auge.name });
    await request.waitFor();
    expect(await request.textContent()).toContain("Règle remplie aujourd'hui : 10 badges valides");
    await expectAccessible(manager, "label requests");
    await manager.screenshot({
      path: path.join(screenshots, "label-requests.png"),
      fullPage: true,
    });
    await request.getByLabel("Motivation").fill("Collection complète ; preuves vérifiées.");
    await request.getByRole("button", { name: /^Confirmer et délivrer le label/ }).click();
    const labelDialog = manager.getByRole("dialog", { name: `Délivrer le label à ${auge.name} ?` });
    await labelDialog.waitFor();
    await expectAccessible(manager, "the dialog before awarding a label");
    await labelDialog.getByRole("button", { name: "Oui, délivrer le label" }).click();
    await expect
      .poll(() => manager.getByRole("cell", { name: "Confirmée" }).count())
      .toBeGreaterThan(0);
    await mail(auge.contactEmail, "Badge obtenu : Label CFA Innovant et Durable");
    await manager.goto(`/organisations/${auge.id}/label`);
    await manager.getByRole("heading", { name: "Label CFA Innovant et Durable obtenu" }).waitFor();

    // 2. A labelled CFA loses a required badge: the label is suspended, everywhere.
    const lea = await world.signedIn("direction@cfa-maritime-cotentin.example");
    await lea.goto(`/organisations/${maritime.id}/label`);
    await lea.getByRole("heading", { name: "Label CFA Innovant et Durable obtenu" }).waitFor();
    const [veille] = await db
      .select({ id: credentials.id, badge: badgeClasses.name })
      .from(credentials)
      .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
      .where(
        and(
          eq(credentials.subjectOrgId, maritime.id),
          eq(badgeClasses.kind, "badge"),
          eq(badgeClasses.required, true),
        ),
      )
      .limit(1);
    const revoked = await manager.request.post(`/api/credentials/${veille!.id}/revoke`, {
      data: { reason: "Le dispositif n'était plus en place lors du contrôle." },
      headers: { "x-csrf-token": await csrf(manager) },
    });
    expect(revoked.status()).toBe(200);
    const told = await mail(maritime.contactEmail, "Label suspendu");
    expect(told.text).toContain(`À renouveler : ${veille!.badge}`);
    await lea.reload();
    await lea.getByRole("heading", { name: "Label suspendu" }).waitFor();
    expect(await lea.locator(".label-panel").textContent()).toContain(veille!.badge);
    await expectAccessible(lea, "suspended label");
    await lea.screenshot({ path: path.join(screenshots, "label-suspended.png"), fullPage: true });
    for (const page of [manager, lea]) await page.context().close();
  });
});
