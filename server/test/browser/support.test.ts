import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, catchMail, expectAccessible, startBrowserWorld } from "./harness";

/**
 * A request for advice through the browser, with real emails: the demo CFA
 * asks, the peer CFA of Rouen (the demo adviser) proposes a meeting, the CFA
 * accepts it and closes the request with its feedback.
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

const CFA = "direction@cfa-calvados.example";
const CFA_MAILBOX = "contact@cfa-calvados.example";
const ADVISER = "pair@cfa-industrie-rouen.example";
const ADVISER_MAILBOX = "contact@cfa-industrie-rouen.example";
const QUESTION = "Comment organiser les preuves du badge handicap pour nos sites ?";

const card = (page: Page) => page.locator("li.card", { hasText: QUESTION });

describe("support between CFAs, in the browser", () => {
  it("a CFA asks, the adviser proposes a meeting, the CFA accepts and closes", async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    const cfa = await world.signedIn(CFA);
    await cfa.getByRole("link", { name: "Conseil" }).click();
    await cfa.getByRole("heading", { name: "Conseil entre CFA", level: 1 }).waitFor();
    await expectAccessible(cfa, "support page (CFA)");
    await cfa.getByLabel("Thèmes", { exact: false }).fill("handicap");
    await cfa.getByLabel("Votre question").fill(QUESTION);
    await cfa.getByRole("button", { name: "Envoyer la demande" }).click();
    await card(cfa).getByText("Ouverte").waitFor();
    const asked = await mails.mail(
      ADVISER_MAILBOX,
      "Demande de conseil de CFA des Métiers du Calvados",
    );
    expect(asked.text).toContain(QUESTION);
    const link = asked.text.match(/\/conseil#support-[0-9a-f-]{36}/)?.[0];
    expect(link).toBeTruthy();

    const adviser = await world.signedIn(ADVISER);
    await adviser.goto(link!);
    await card(adviser).waitFor();
    await expectAccessible(adviser, "support page (adviser)");
    await card(adviser).getByLabel("Date et heure").fill("2027-01-12T10:00");
    await card(adviser)
      .getByLabel("Lien de visioconférence", { exact: false })
      .fill("https://visio.example/conseil");
    await card(adviser).getByRole("button", { name: "Proposer ce rendez-vous" }).click();
    await card(adviser).getByText("Rendez-vous proposé").waitFor();
    await adviser.screenshot({
      path: path.join(screenshots, "support-adviser.png"),
      fullPage: true,
    });
    const proposed = await mails.mail(
      CFA_MAILBOX,
      "CFA de l'Industrie de Rouen propose un rendez-vous",
    );
    expect(proposed.text).toContain("https://visio.example/conseil");

    await cfa.reload();
    await card(cfa).getByText("Rendez-vous proposé").waitFor();
    await expectAccessible(cfa, "support page (meeting proposed)");
    await card(cfa).getByRole("button", { name: "Accepter le rendez-vous" }).click();
    await card(cfa).getByText("Rendez-vous confirmé").waitFor();
    const agreed = await mails.mail(
      ADVISER_MAILBOX,
      "Rendez-vous confirmé avec CFA des Métiers du Calvados",
    );
    expect(agreed.text).toContain("https://visio.example/conseil");
    await cfa.screenshot({ path: path.join(screenshots, "support-cfa.png"), fullPage: true });

    await card(cfa).getByLabel("Votre avis, en quelques mots").fill("Très utile, merci.");
    await card(cfa).getByRole("button", { name: "Clore la demande" }).click();
    await card(cfa).getByText("Close", { exact: true }).waitFor();
    const closed = await mails.mail(
      ADVISER_MAILBOX,
      "Demande de conseil close par CFA des Métiers du Calvados",
    );
    expect(closed.text).toContain("Très utile, merci.");
    await expectAccessible(cfa, "support page (closed)");
  });
});
