import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths";
import { browserWorldWithMail, expectAccessible } from "./harness";

/**
 * Mentoring in the browser, with real emails captured by an SMTP server: a
 * manager pairs a mentor; the mentee shares its progress picture but not
 * its drafts; the mentor sees the picture and is refused the drafts, on the
 * page and by the API; they exchange messages and each email arrives.
 */
const env = browserWorldWithMail();
const screenshots = path.join(repoRoot, "docs/screenshots");

const MANAGER = "gestion@region-normandie.example";
const MENTEE = "direction@cfa-calvados.example";
const MENTOR = "direction@cfa-maritime-cotentin.example";
const MENTEE_ORG = "CFA des Métiers du Calvados";
const MENTOR_ORG = "CFA Maritime du Cotentin";

describe("mentoring, in the browser", () => {
  it("pairs a mentor who sees exactly what the mentee shares, and they talk", async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    const { world, mails } = env;

    // 1. The manager pairs the Calvados CFA with the maritime CFA.
    const manager = await world.signedIn(MANAGER);
    await manager.goto("/parrainage");
    await manager.getByRole("heading", { name: "Associer un parrain" }).waitFor();
    // The demo's pair is listed.
    await manager
      .getByRole("link", { name: /CFA de l'Industrie de Rouen, parrainé par/ })
      .waitFor();
    await expectAccessible(manager, "mentoring (manager)");
    await manager.screenshot({
      path: path.join(screenshots, "mentoring-manager.png"),
      fullPage: true,
    });
    await manager.getByLabel("CFA filleul").selectOption({ label: MENTEE_ORG });
    await manager.getByLabel("CFA parrain").selectOption({ label: MENTOR_ORG });
    await manager.getByRole("button", { name: "Associer", exact: true }).click();
    await manager.waitForURL(/\/parrainage\/[0-9a-f-]{36}$/);
    const url = new URL(manager.url()).pathname;
    const id = url.split("/").pop()!;
    await manager
      .getByRole("heading", { name: `${MENTEE_ORG}, parrainé par ${MENTOR_ORG}` })
      .waitFor();
    await expectAccessible(manager, "pairing (manager)");
    const paired = await mails.mail(MENTEE, `Votre parrain : ${MENTOR_ORG}`);
    expect(paired.text).toContain(url);
    await mails.mail(MENTOR, `Vous parrainez ${MENTEE_ORG}`);

    // 2. The mentee shares its progress picture, not its drafts.
    const mentee = await world.signedIn(MENTEE);
    await mentee.goto(url);
    await mentee.getByRole("heading", { name: "Ce que votre parrain voit" }).waitFor();
    await mentee.getByLabel("Notre progression vers le label").check();
    await expect.poll(() => mentee.getByLabel(/Nos demandes en cours/).isChecked()).toBe(false);
    await mentee.getByRole("button", { name: "Enregistrer mon choix" }).click();
    await mentee.getByText("Choix enregistré.").waitFor();
    await expectAccessible(mentee, "pairing (mentee)");
    await mentee.screenshot({
      path: path.join(screenshots, "mentoring-mentee.png"),
      fullPage: true,
    });

    // 3. The mentor sees the picture, and the drafts are refused on the page and by the API.
    const mentor = await world.signedIn(MENTOR);
    await mentor.goto(url);
    await mentor.getByRole("heading", { name: "Progression vers le label" }).waitFor();
    await expect.poll(() => mentor.locator(".tiles li").count()).toBeGreaterThan(0);
    await mentor.getByText(`${MENTEE_ORG} ne partage pas ses brouillons.`).waitFor();
    expect(await mentor.getByRole("heading", { name: "Ce que votre parrain voit" }).count()).toBe(
      0,
    );
    const api = mentor.context().request;
    const drafts = await api.get(`/api/mentoring/pairings/${id}/drafts`);
    expect(drafts.status()).toBe(403);
    expect((await drafts.json()).error.code).toBe("FORBIDDEN");
    expect((await api.get(`/api/mentoring/pairings/${id}/progress`)).status()).toBe(200);
    await expectAccessible(mentor, "pairing (mentor)");
    await mentor.screenshot({
      path: path.join(screenshots, "mentoring-mentor.png"),
      fullPage: true,
    });

    // 4. They exchange a message each; the other side is emailed.
    await mentor
      .getByLabel("Votre message")
      .fill("Bonjour ! Voyons vos badges obligatoires jeudi ?");
    await mentor.getByRole("button", { name: "Envoyer", exact: true }).click();
    await mentor.getByText("Bonjour ! Voyons vos badges obligatoires jeudi ?").waitFor();
    const told = await mails.mail(MENTEE, `Parrainage : nouveau message de ${MENTOR_ORG}`);
    expect(told.text).toContain("Voyons vos badges obligatoires jeudi ?");
    await mentee.reload();
    await mentee.getByText("Bonjour ! Voyons vos badges obligatoires jeudi ?").waitFor();
    await mentee.getByLabel("Votre message").fill("Avec plaisir, jeudi 10 h.");
    await mentee.getByRole("button", { name: "Envoyer", exact: true }).click();
    await mentee.getByText("Avec plaisir, jeudi 10 h.").waitFor();
    const answer = await mails.mail(MENTOR, `Parrainage : nouveau message de ${MENTEE_ORG}`);
    expect(answer.text).toContain("Avec plaisir, jeudi 10 h.");
    expect(
      mails.inbox.filter((m) => m.to === MENTOR && m.subject.startsWith("Parrainage : nouveau")),
    ).toHaveLength(1);
    await expectAccessible(mentee, "pairing thread");

    // 5. The manager ends the pairing: the mentor sees nothing more, the API agrees.
    await manager.reload();
    await manager.getByRole("button", { name: "Mettre fin au parrainage" }).click();
    await manager
      .getByRole("dialog")
      .getByRole("button", { name: "Mettre fin au parrainage" })
      .click();
    await manager.getByText("Terminé", { exact: true }).waitFor();
    await mentor.reload();
    await mentor.getByText("Ce parrainage n'est pas en cours : le fil est fermé.").waitFor();
    expect(await mentor.locator(".tiles li").count()).toBe(0);
    expect((await api.get(`/api/mentoring/pairings/${id}/progress`)).status()).toBe(403);
  });
});
