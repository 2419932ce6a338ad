import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, organisations } from "../../src/db/schema";
import { addMonths } from "../../src/lib/dates";
import { issueCredential } from "../../src/modules/credentials/issuance.service";
import { repoRoot } from "../../src/paths";
import { catalogueBadges } from "../support/factories";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/**
 * The CFA renews a badge that ends soon (Ressources): the form opens with
 * the last granted answers, asks the renewal's own question (level 2 or 3),
 * refuses to send without it, and the file goes to the next open session.
 * The manager composes a panel: a reviewer with a conflict of interest is
 * not offered.
 */
let world: BrowserWorld;
const ROUEN = "contact@cfa-industrie-rouen.example";
const MANAGER = "gestion@region-normandie.example";
const PREVIOUS = "Un espace Moodle par filière, classé par compétence.";
const screenshots = path.join(repoRoot, "docs/screenshots");

beforeAll(async () => {
  world = await startBrowserWorld();
  const { ctx } = world.platform;
  const ressources = (await catalogueBadges(ctx)).find((b) => b.name === "Ressources")!;
  const [rouen] = await ctx.db
    .select()
    .from(organisations)
    .where(eq(organisations.contactEmail, ROUEN));
  // Granted three years and nine months ago, for four years.
  const grantedAt = addMonths(new Date(), 3 - ressources.validityMonths);
  await ctx.db.insert(applications).values({
    organisationId: rouen!.id,
    badgeClassId: ressources.id,
    state: "granted",
    answers: {
      "0": { answer: PREVIOUS, links: [] },
      "1": { answer: "Accès depuis l'ENT, y compris à distance.", links: [] },
    },
    submittedAt: grantedAt,
    decidedAt: grantedAt,
  });
  await issueCredential(ctx, {
    grantKey: `test:renewal:${rouen!.id}`,
    badgeClassId: ressources.id,
    subjectOrgId: rouen!.id,
    validFrom: grantedAt,
  });
});
afterAll(() => world?.close());

/** The label programme's next session open to new files, read from its public calendar. */
async function nextOpenSession() {
  const today = new Date().toISOString().slice(0, 10);
  const res = await fetch(`${world.baseUrl}/api/programmes/label-cfa/sessions`);
  const { sessions } = (await res.json()) as {
    sessions: { name: string; deadline: string; revisionsOnly: boolean }[];
  };
  const open = sessions
    .filter((x) => !x.revisionsOnly && x.deadline >= today)
    .sort((x, y) => x.deadline.localeCompare(y.deadline));
  return open[0]!.name;
}

describe("renewing a badge", () => {
  it("opens pre-filled, requires the renewal extra and lands in the next open session", async () => {
    const cfa = await world.signedIn(ROUEN);
    await cfa.goto("/demandes");
    await cfa.getByLabel("Badge", { exact: true }).selectOption({ label: "Ressources" });
    await cfa.getByLabel("Type de demande").selectOption({ label: "Renouvellement" });
    await cfa.getByRole("button", { name: "Commencer la demande" }).click();
    await cfa.waitForURL(/\/demandes\/[0-9a-f-]{36}$/);
    await expect.poll(() => cfa.locator("p.chip").first().textContent()).toBe("Renouvellement");

    // Pre-filled from the last granted file.
    const first = cfa.getByRole("group", { name: "Critère 1" });
    await expect.poll(() => first.getByLabel("Votre réponse").inputValue()).toBe(PREVIOUS);
    // The renewal's own question, empty.
    const extra = cfa.getByRole("group", { name: "Complément pour le renouvellement" });
    await expect.poll(() => extra.textContent()).toMatch(/niveau 2 .* ou 3/i);
    expect(await extra.getByLabel("Votre réponse").inputValue()).toBe("");
    await expectAccessible(cfa, "renewal form");
    await extra.screenshot({ path: path.join(screenshots, "renewal-extra.png") });

    // Sending without it is refused, in words.
    await cfa.getByRole("button", { name: "Envoyer la demande" }).click();
    await cfa.getByRole("button", { name: "Oui, envoyer" }).click();
    await expect
      .poll(() => cfa.getByRole("alert").first().textContent())
      .toContain("question propre au renouvellement");
    await expectAccessible(cfa, "renewal refused");

    await extra
      .getByLabel("Votre réponse")
      .fill("Niveau 2 : 40 ressources produites par l'équipe.");
    const id = cfa.url().split("/").pop()!;
    await expect
      .poll(async () => {
        const [row] = await world.platform.ctx.db
          .select({ answers: applications.answers })
          .from(applications)
          .where(eq(applications.id, id));
        return row?.answers.renewal?.answer ?? "";
      })
      .toMatch(/^Niveau 2/);
    await cfa.getByRole("button", { name: "Envoyer la demande" }).click();
    await cfa.getByRole("button", { name: "Oui, envoyer" }).click();
    const session = await nextOpenSession();
    await expect.poll(() => cfa.locator("main").textContent()).toContain(`Session : ${session}`);
    await expectAccessible(cfa, "renewal sent");
    await cfa.context().close();
  }, 60_000);
});

describe("the reviewer panel", () => {
  it("does not offer Rouen's own reviewer for Rouen's application, and says why", async () => {
    const [application] = await world.platform.ctx.db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(and(eq(organisations.contactEmail, ROUEN), eq(applications.state, "under_review")));
    const manager = await world.signedIn(MANAGER);
    await manager.goto(`/demandes/${application!.id}`);
    const panel = manager.getByRole("region", { name: "Relecteurs" });
    const peers = panel.getByRole("group", { name: "Groupe des pairs" });
    await peers.getByRole("checkbox").first().waitFor();
    expect(await peers.getByRole("checkbox", { name: /Hugo Martin/ }).count()).toBe(0);
    expect(await peers.getByRole("checkbox", { name: /Claire Petit/ }).count()).toBe(1);
    const excluded = panel.getByRole("list", { name: "Non proposés pour ce panel" });
    await expect
      .poll(() => excluded.textContent())
      .toContain("Hugo Martin travaille dans cette organisation.");
    await expectAccessible(manager, "reviewer panel");
    await panel.screenshot({ path: path.join(screenshots, "review-panel.png") });
    await manager.context().close();
  }, 60_000);
});
