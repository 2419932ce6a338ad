import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials, organisations } from "../../src/db/schema";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

const screenshots = path.join(repoRoot, "docs/screenshots");

let world: BrowserWorld;
let held: string;
beforeAll(async () => {
  world = await startBrowserWorld();
  const [row] = await world.platform.ctx.db
    .select({ id: credentials.id })
    .from(credentials)
    .innerJoin(organisations, eq(organisations.id, credentials.subjectOrgId))
    .where(
      and(
        eq(organisations.name, "CFA des Métiers du Calvados"),
        eq(credentials.claimState, "accepted"),
        isNull(credentials.revokedAt),
        isNull(credentials.suspendedAt),
      ),
    );
  held = row!.id;
});
afterAll(() => world?.close());

describe("a badge to its holder's wallet", () => {
  it("offers a QR code, its link and a transaction code to the holder only", async () => {
    const visitor = await world.newPage();
    await visitor.goto(`/credentials/${held}`);
    await expect.poll(() => visitor.locator(".chip--ok").count()).toBe(1);
    expect(await visitor.getByRole("heading", { name: "Ajouter à mon portefeuille" }).count()).toBe(
      0,
    );
    await visitor.context().close();

    const admin = await world.signedIn("direction@cfa-calvados.example");
    await admin.goto(`/credentials/${held}`);
    const section = admin.getByRole("region", { name: "Ajouter à mon portefeuille" });
    await section.getByRole("button", { name: "Portefeuille européen (OpenID4VCI)" }).click();
    const qr = section.getByRole("img", { name: /^QR code à scanner avec votre portefeuille/ });
    await expect.poll(() => qr.count()).toBe(1);
    expect(
      await section
        .getByRole("link", { name: "Ouvrir dans le portefeuille de cet appareil" })
        .getAttribute("href"),
    ).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
    expect(await section.locator(".wallet-code").textContent()).toMatch(/^\d{6}$/);
    await expectAccessible(admin, "wallet offer (fr)");
    await section.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: path.join(screenshots, "wallet-offer.png"), fullPage: true });

    await section.getByRole("button", { name: "Learner Credential Wallet" }).click();
    await expect
      .poll(() =>
        section
          .getByRole("link", { name: "Ouvrir dans le portefeuille de cet appareil" })
          .getAttribute("href"),
      )
      .toMatch(/^https:\/\/lcw\.app\/request\.html\?request=/);
    expect(await section.locator(".wallet-code").count()).toBe(0);
    await admin.context().close();
  });
});
