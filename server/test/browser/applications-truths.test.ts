import fs from "node:fs";
import path from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applications,
  badgeClasses,
  calendarSessions,
  organisations,
  reviewAssignments,
  users,
} from "../../src/db/schema";
import { repoRoot } from "../../src/paths";
import { catalogueBadges } from "../support/factories";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/**
 * What the applications screens say is true: a reviewer's home lists what
 * they were given to review, a CFA is not offered a first award for a badge
 * it holds (and is offered its renewal when due), the CFA reads its
 * reviewers as "Relecteur 1", and a submitted review is reopened only by a
 * manager.
 */
let world: BrowserWorld;
const screenshots = path.join(repoRoot, "docs/screenshots");

beforeAll(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  world = await startBrowserWorld();
});
afterAll(() => world?.close());

const CFA = "direction@cfa-calvados.example";
const ROUEN = "contact@cfa-industrie-rouen.example";
const MANAGER = "gestion@region-normandie.example";
const CLAIRE = "pair@region-normandie.example";
const HUGO = "pair@cfa-industrie-rouen.example";

/** A date as the French pages write it (22 novembre 2026). */
const formatDateFr = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(iso));

/** The applications of a demo CFA a demo reviewer sits on, with what their home should say of each. */
async function assignmentsOf(email: string, cfaMailbox: string) {
  const { db } = world.platform.ctx;
  const [reviewer] = await db.select().from(users).where(eq(users.email, email));
  return db
    .select({
      id: applications.id,
      badge: badgeClasses.name,
      organisation: organisations.name,
      session: calendarSessions.name,
      deadline: calendarSessions.deadline,
      commissionDate: calendarSessions.commissionDate,
    })
    .from(reviewAssignments)
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(calendarSessions, eq(calendarSessions.id, applications.sessionId))
    .where(
      and(
        eq(reviewAssignments.reviewerId, reviewer!.id),
        eq(organisations.contactEmail, cfaMailbox),
      ),
    );
}

/** The row of the reviewer's home table that names this application's badge and CFA. */
async function homeRow(page: Page, application: { badge: string; organisation: string }) {
  const section = page.getByRole("region", { name: "Mes demandes à instruire" });
  const row = section
    .getByRole("row")
    .filter({ hasText: application.badge })
    .filter({ hasText: application.organisation });
  await row.waitFor();
  return row;
}

describe("a reviewer's home", () => {
  it("lists the applications assigned to them, with their session and deadline", async () => {
    // The demo assigns Claire Petit to the Rouen CFA's application under review.
    const [assigned] = await assignmentsOf(CLAIRE, ROUEN);
    const claire = await world.signedIn(CLAIRE);
    const row = await homeRow(claire, assigned!);
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells).toEqual([
      assigned!.badge,
      assigned!.organisation,
      `${assigned!.session}dépôts jusqu'au ${formatDateFr(assigned!.deadline)}`,
      formatDateFr(assigned!.commissionDate),
      "À relire",
    ]);
    expect(await claire.getByText("Aucune demande ne vous est assignée").count()).toBe(0);

    // A manager gives the Calvados CFA's sent application to Hugo Martin and Claire Petit...
    const [sent] = await world.platform.ctx.db
      .select({ id: applications.id, badge: badgeClasses.name, organisation: organisations.name })
      .from(applications)
      .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(
        and(
          eq(applications.state, "submitted"),
          eq(organisations.contactEmail, "contact@cfa-calvados.example"),
          isNotNull(applications.sessionId),
        ),
      );
    const manager = await world.signedIn(MANAGER);
    await manager.goto(`/demandes/${sent!.id}`);
    await manager.getByLabel("Claire Petit", { exact: false }).check();
    await manager.getByLabel("Hugo Martin", { exact: false }).check();
    await manager.getByRole("button", { name: "Désigner les relecteurs" }).click();
    await expect.poll(() => manager.locator(".lead .chip").textContent()).toBe("En relecture");
    await manager.context().close();

    // ...and right away it is on their homes.
    const hugo = await world.signedIn(HUGO);
    await homeRow(hugo, sent!);
    await hugo.context().close();
    await claire.reload();
    await homeRow(claire, sent!);
    await homeRow(claire, assigned!);
    await expectAccessible(claire, "reviewer home");
    await claire
      .getByRole("region", { name: "Mes demandes à instruire" })
      .screenshot({ path: path.join(screenshots, "reviewer-home.png") });
    await claire.context().close();
  });
});

describe("a badge the CFA already holds", () => {
  async function startApplication(page: Page, badge: { name: string; required: boolean }) {
    await page.goto("/demandes");
    await page
      .getByLabel("Badge", { exact: true })
      .selectOption({ label: badge.required ? `${badge.name} (Obligatoire)` : badge.name });
    await page.getByLabel("Type de demande").selectOption({ label: "Première demande" });
    await page.getByRole("button", { name: "Commencer la demande" }).click();
  }

  it("is refused a first award with a clear message, and offered the renewal in its last months", async () => {
    const badges = await catalogueBadges(world.platform.ctx);
    const cfa = await world.signedIn(CFA);

    // Awarded five months ago, valid for years: nothing to apply for.
    await startApplication(cfa, badges[0]!);
    const held = cfa.getByRole("alert");
    await expect
      .poll(() => held.textContent())
      .toContain(
        "Votre organisation détient déjà ce badge et il est encore valable : une nouvelle demande ne sera possible qu'en renouvellement, dans les six mois qui précèdent son échéance.",
      );
    await expect.poll(() => held.textContent()).toMatch(/est valable jusqu'au \d{1,2} \S+ \d{4}\./);
    expect(await held.getByRole("button", { name: "Demander le renouvellement" }).count()).toBe(0);
    expect(cfa.url()).toMatch(/\/demandes$/);

    // Forty-five months into four years: the renewal is offered instead.
    await startApplication(cfa, badges[2]!);
    await expect
      .poll(() => cfa.getByRole("alert").textContent())
      .toContain(
        "Votre organisation détient ce badge et il arrive à échéance : demandez son renouvellement plutôt qu'une première attribution.",
      );
    const renew = cfa.getByRole("button", { name: "Demander le renouvellement" });
    await renew.waitFor();
    await expectAccessible(cfa, "already held");
    await cfa
      .locator("form.inline-form")
      .screenshot({ path: path.join(screenshots, "already-held.png") });
    await renew.click();
    await cfa.waitForURL(/\/demandes\/[0-9a-f-]{36}$/);
    await expect.poll(() => cfa.locator("p.chip").first().textContent()).toBe("Renouvellement");
    await cfa.context().close();
  });
});

describe("the dialogue and the reviews", () => {
  it("the CFA reads 'Relecteur 1'; a submitted review is final until a manager reopens it", async () => {
    const [assigned] = await assignmentsOf(CLAIRE, ROUEN);
    const url = `/demandes/${assigned!.id}`;
    const rouen = await world.signedIn(ROUEN);
    await rouen.goto(url);
    const message = rouen.locator(".message").first();
    await expect
      .poll(() => message.locator(".message__meta strong").textContent())
      .toBe("Relecteur 1");
    expect(await rouen.getByText("Claire Petit").count()).toBe(0);
    await expectAccessible(rouen, "application seen by the CFA");
    await rouen.context().close();

    // Claire reviews; her form is then gone.
    const claire = await world.signedIn(CLAIRE);
    await claire.goto(url);
    await claire.getByRole("heading", { name: "Votre relecture" }).waitFor();
    const criteria = await claire.locator("fieldset.rating").count();
    for (let i = 0; i < criteria; i++)
      await claire.locator("fieldset.rating").nth(i).getByLabel("Atteint", { exact: true }).check();
    await claire.getByLabel("Votre recommandation").selectOption({ label: "Attribuer le badge" });
    await claire.getByLabel("Votre avis argumenté").fill("Premier avis, à revoir.");
    await claire.getByRole("button", { name: "Enregistrer ma relecture" }).click();
    await expect
      .poll(() => claire.getByRole("heading", { name: "Votre relecture" }).count())
      .toBe(0);

    // The manager reopens it, saying why.
    const manager = await world.signedIn(MANAGER);
    await manager.goto(url);
    await manager.getByText("Rouvrir la relecture de Claire Petit").click();
    await manager
      .getByLabel("Motif de la réouverture")
      .fill("Le CFA a joint le compte rendu demandé.");
    await expectAccessible(manager, "manager screen with a reopenable review");
    await manager.getByRole("button", { name: "Rouvrir la relecture" }).click();
    await expect
      .poll(() => manager.locator(".reviews li", { hasText: "Claire Petit" }).textContent())
      .toContain("relecture en attente");
    await manager.context().close();

    // Claire has her form back, starting from what she wrote.
    await claire.reload();
    await claire.getByRole("heading", { name: "Votre relecture" }).waitFor();
    expect(await claire.getByLabel("Votre avis argumenté").inputValue()).toBe(
      "Premier avis, à revoir.",
    );
    await claire.context().close();
  });
});
