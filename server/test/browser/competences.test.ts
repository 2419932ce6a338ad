import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import {
  badgeImageSvg,
  bakePng,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  createBitstring,
  encodeBitstring,
  generateIssuerKey,
  hashedIdentifier,
  MIN_STATUS_LIST_LENGTH,
  renderSvgToPng,
  setStatus,
  signCredential,
  statusEntry,
} from "@blason/openbadges";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials, earners, organisations, users } from "../../src/db/schema";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, catchMail, expectAccessible, startBrowserWorld } from "./harness";

/**
 * "La Normandie badge les compétences" through the browser, with real emails:
 * the Mission Locale du Bessin becomes a Participant, issues a badge of its
 * own on Blason and maps it "3 pour 1", maps a badge of its own platform
 * "1 pour 1" with the proof that the platform is its own (the badge issued to
 * its proof address, as a baked PNG; requalified by the Region, accepted),
 * and creates an API key.
 * A person's badges then arrive the three ways: issued on Blason, pushed by
 * the partner's platform with the key (issued before the approval: it does
 * not count), and a baked PNG from that platform (another issuer, with its
 * own https key and status list, served here by a local server through the
 * fetcher's test allowance) uploaded by the person. The person gets exactly
 * the regional badge the rule gives, by email, accepts it, and sees it
 * suspended once its supporting badge is revoked.
 */
let mails: Awaited<ReturnType<typeof catchMail>>;
let world: BrowserWorld;
let platformServer: http.Server;
let base: string;
const revoked = new Set<number>();
let signer: Awaited<ReturnType<typeof generateIssuerKey>>;
const screenshots = path.join(repoRoot, "docs/screenshots");

const MANAGER = "gestion@region-normandie.example";
const PARTNER = "direction@mission-bessin.example";
const PARTNER_MAILBOX = "contact@mission-bessin.example";
const EARNER = "camille.roux@exemple.fr";
const ACHIEVEMENT = () => `${base}/badges/se-presenter`;
const ISSUER = () => `${base}/issuer`;

/** The partner's own badge platform: its issuer profile and key, an Achievement, a status list. */
async function startPartnerPlatform() {
  platformServer = http.createServer(async (request, response) => {
    const send = (body: unknown) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(body));
    };
    if (request.url === "/issuer")
      return send({
        id: ISSUER(),
        type: "Profile",
        name: "Mission Locale du Bessin",
        verificationMethod: [
          {
            id: signer.id,
            type: "Multikey",
            controller: ISSUER(),
            publicKeyMultibase: signer.publicKeyMultibase,
          },
        ],
        assertionMethod: [signer.id],
      });
    if (request.url === "/badges/se-presenter")
      return send({
        "@context": [
          "https://www.w3.org/ns/credentials/v2",
          "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        id: ACHIEVEMENT(),
        type: ["Achievement"],
        name: "Se présenter à un employeur",
        description: "La personne se présente en entretien de façon claire et adaptée.",
        criteria: { narrative: "Deux entretiens simulés réussis, observés par un conseiller." },
        creator: { id: ISSUER(), type: ["Profile"], name: "Mission Locale du Bessin" },
      });
    if (request.url === "/status/1") {
      const bits = createBitstring(MIN_STATUS_LIST_LENGTH);
      for (const i of revoked) setStatus(bits, i, true);
      return send(
        await signCredential(
          buildStatusListCredential({
            id: `${base}/status/1`,
            issuer: ISSUER(),
            purpose: "revocation",
            encodedList: encodeBitstring(bits),
            validFrom: new Date("2026-01-01T00:00:00Z"),
          }),
          { key: signer },
        ),
      );
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => platformServer.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(platformServer.address() as AddressInfo).port}`;
  signer = await generateIssuerKey({ controller: ISSUER() });
}

let nextIndex = 0;
/** A badge the partner's platform issues to a person, on a given date, with its status entry. */
async function platformBadge(email: string, issuedOn: Date) {
  const index = nextIndex++;
  const document = await signCredential(
    buildOpenBadgeCredential({
      id: `${base}/assertions/${index}`,
      issuer: { id: ISSUER(), name: "Mission Locale du Bessin" },
      achievement: {
        id: ACHIEVEMENT(),
        name: "Se présenter à un employeur",
        description: "La personne se présente en entretien de façon claire et adaptée.",
        criteria: { narrative: "Deux entretiens simulés réussis, observés par un conseiller." },
      },
      subject: { identifier: [hashedIdentifier("emailAddress", email, `sel-${index}`)] },
      validFrom: issuedOn,
      credentialStatus: statusEntry({ listUrl: `${base}/status/1`, index, purpose: "revocation" }),
    }),
    { key: signer },
  );
  return { document, index };
}

/** The platform's badge as the PNG it hands out, the credential baked in. */
function bakedBadge(document: Record<string, unknown>) {
  return bakePng(
    renderSvgToPng(
      badgeImageSvg({
        title: "Se présenter à un employeur",
        subtitle: "Mission Locale du Bessin",
        color: "#0b5c6b",
      }),
      { width: 300 },
    ),
    JSON.stringify(document),
    { version: "3.0" },
  );
}

beforeAll(async () => {
  await startPartnerPlatform();
  mails = await catchMail();
  world = await startBrowserWorld({
    config: { SMTP_URL: mails.url, FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1" },
  });
});
afterAll(async () => {
  await world?.close();
  await mails?.close();
  platformServer?.close();
});

/** Pushes a badge as the partner's platform does: with its API key, no session. */
async function push(secret: string, badge: unknown) {
  const response = await fetch(`${world.baseUrl}/api/partner-badges`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({ recipient: { email: EARNER, name: "Camille Roux" }, badge }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { counts: boolean; code: string | null };
}

describe("the competences programme, in the browser", () => {
  it("from a partner's request to a person's regional badge, suspended when its support is revoked", async () => {
    const [bessin] = await world.platform.ctx.db
      .select()
      .from(organisations)
      .where(eq(organisations.contactEmail, PARTNER_MAILBOX));
    const space = `/organisations/${bessin!.id}/partenaire`;

    // 1. The Region grants the Participant badge the Bessin asked for.
    const manager = await world.signedIn(MANAGER);
    await manager.goto("/demandes");
    await manager
      .getByRole("link", { name: /Participant — La Normandie badge les compétences/ })
      .first()
      .click();
    await manager.getByLabel("Badge attribué").check();
    await manager.getByLabel("Motivation").fill("Démarche structurée ; engagements acceptés.");
    await manager.getByRole("button", { name: "Enregistrer la décision" }).click();
    await manager.getByRole("button", { name: "Oui, enregistrer" }).click();
    await mails.mail(PARTNER_MAILBOX, "Badge obtenu : Participant");
    // The partner's platform issues a badge now, before its mapping is approved: pushed later.
    const early = await platformBadge(EARNER, new Date());

    // 2. The partner, now a participant, creates a badge of its own and maps it "3 pour 1".
    const partner = await world.signedIn(PARTNER);
    await partner.goto(space);
    await expect.poll(() => partner.getByText("Obtenu").count()).toBeGreaterThan(0);
    await partner.getByText("Créer un badge").click();
    await partner.getByLabel("Nom du badge").fill("Tenir son planning de recherche");
    await partner
      .getByLabel("Ce que le badge reconnaît")
      .fill("La personne planifie ses démarches de recherche d'emploi et s'y tient.");
    await partner
      .getByLabel("Critères d'attribution")
      .fill("Planning tenu quatre semaines de suite.");
    await partner.getByRole("button", { name: "Créer le badge" }).click();
    await partner.getByRole("heading", { name: "Tenir son planning de recherche" }).waitFor();

    await partner.getByText("Déposer un badge").click();
    await partner.getByLabel("Un badge que vous délivrez sur Blason").check();
    await partner
      .getByLabel("Votre badge")
      .selectOption({ label: "Tenir son planning de recherche" });
    await partner
      .getByLabel("Compétence et niveau visés")
      .selectOption({ label: "Organiser, niveau I — Je pratique" });
    await partner.getByLabel(/3 pour 1 —/).check();
    await partner
      .getByLabel("Pourquoi ce badge correspond à cette compétence")
      .fill("Planifier ses démarches, c'est une partie d'organiser son activité.");
    await partner.getByRole("button", { name: "Déposer le badge" }).click();
    await partner.getByText("Badge déposé").waitFor();

    // 3. …and a badge of its own platform, by its address, "1 pour 1" at level II, with the
    // proof that the platform is its own: the badge issued once to the proof address shown,
    // handed in as the baked PNG the platform gives.
    await partner.getByLabel(/Son adresse \(BadgeClass/).check();
    await partner.getByLabel("Adresse du badge").fill(ACHIEVEMENT());
    const proofAddress = await partner
      .getByRole("group", { name: "Preuve que ce badge est le vôtre" })
      .locator("code")
      .textContent();
    expect(proofAddress).toMatch(/^preuve-[0-9a-f]{16}@/);
    const proof = await platformBadge(proofAddress!, new Date());
    const proofFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "blason-")), "preuve.png");
    fs.writeFileSync(proofFile, bakedBadge(proof.document));
    await partner.getByLabel("Ou son image (PNG ou SVG)").setInputFiles(proofFile);
    await partner
      .getByLabel("Compétence et niveau visés")
      .selectOption({ label: "Communiquer, niveau II — Je maîtrise" });
    await partner.getByLabel(/1 pour 1 —/).check();
    await partner
      .getByLabel("Pourquoi ce badge correspond à cette compétence")
      .fill("Se présenter à un employeur, c'est se faire comprendre.");
    await partner.getByRole("button", { name: "Déposer le badge" }).click();
    await expect
      .poll(() => partner.getByRole("heading", { name: "Se présenter à un employeur" }).count())
      .toBe(1);
    await expectAccessible(partner, "partner space");
    await partner.screenshot({ path: path.join(screenshots, "partner-space.png"), fullPage: true });

    // 4. The Region approves the first, and requalifies the second at level I; the partner accepts.
    await manager.goto("/gestion/partenaires");
    const planning = manager.locator("li.card", { hasText: "Tenir son planning de recherche" });
    await planning.getByLabel("Approuver").check();
    await planning.getByRole("button", { name: /Enregistrer la décision/ }).click();
    await mails.mail(PARTNER_MAILBOX, "Badge validé : Tenir son planning de recherche");
    const presenter = manager.locator("li.card", { hasText: "Se présenter à un employeur" });
    await presenter.getByLabel("Proposer une requalification").check();
    await presenter
      .getByLabel("Compétence et niveau proposés")
      .selectOption({ label: "Communiquer, niveau I — Je pratique" });
    await presenter
      .getByLabel("Message à la structure")
      .fill("Se présenter relève du niveau I : une situation habituelle.");
    await expectAccessible(manager, "partners' badges (managers)");
    await manager.screenshot({
      path: path.join(screenshots, "partner-registrations.png"),
      fullPage: true,
    });
    await presenter.getByRole("button", { name: /Enregistrer la décision/ }).click();
    await mails.mail(PARTNER_MAILBOX, "Requalification proposée : Se présenter à un employeur");
    await partner.reload();
    await partner.getByRole("button", { name: "Accepter la proposition" }).click();
    await expect.poll(() => partner.getByText("Approuvé").count()).toBe(2);

    // 5. An API key for the partner's platform: shown once.
    await partner.getByLabel(/^Nom de la clé/).fill("Plateforme de badges du Bessin");
    await partner.getByRole("button", { name: "Créer une clé" }).click();
    const secret = (await partner.locator("[role=status] code").textContent()) ?? "";
    expect(secret).toMatch(/^blason_sk_/);

    // 6. Channel one: the partner issues its Blason badge to the person.
    const card = partner.locator("li.card", { hasText: "Tenir son planning de recherche" }).first();
    await card.getByLabel("Adresse électronique").fill(EARNER);
    await card.getByLabel("Nom de la personne").fill("Camille Roux");
    await card.getByRole("button", { name: /Délivrer le badge/ }).click();
    await card.getByText("Badge délivré").waitFor();
    await mails.mail(EARNER, "Mission Locale du Bessin vous délivre le badge « Tenir son planning");

    // 7. Channel two: the platform pushes the badge issued before the approval. It does not count.
    expect(await push(secret, early.document)).toMatchObject({
      counts: false,
      code: "ISSUED_BEFORE_APPROVAL",
    });

    // 8. Channel three: the person signs in by email and hands in a baked PNG from the platform.
    const fresh = await platformBadge(EARNER, new Date());
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "blason-")), "se-presenter.png");
    fs.writeFileSync(file, bakedBadge(fresh.document));
    const earner = await world.newPage();
    await earner.goto("/connexion");
    await earner.getByLabel("Adresse e-mail").fill(EARNER);
    await earner.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
    const link = (await mails.mail(EARNER, "Votre lien de connexion")).text.match(
      /https?:\/\/\S+\/connexion\/lien\S*/,
    )![0];
    await earner.goto(new URL(link).pathname + new URL(link).search);
    await earner.getByRole("button", { name: "Me connecter" }).click();
    await earner.waitForURL("**/accueil");
    await earner.goto("/mes-badges");
    await earner.getByLabel("Ou l'image du badge (PNG ou SVG)").setInputFiles(file);
    await earner.getByText("Ce badge compte pour vos badges régionaux.").waitFor();

    // Exactly what the rule gives: Communiquer I (1 pour 1); one "3 pour 1" badge gives nothing yet.
    const regionalMail = await mails.mail(EARNER, "Un badge de la Région Normandie pour vous");
    expect(regionalMail.subject).toContain("Communiquer, niveau I — Je pratique");
    await earner.reload();
    const regional = earner
      .locator("section", { hasText: "badge régional" })
      .locator(".badge-card");
    await expect.poll(() => regional.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => earner.getByText(/pas de rétroactivité/).count()).toBeGreaterThan(0);
    await earner
      .getByRole("button", { name: "Accepter — Communiquer, niveau I — Je pratique" })
      .click();
    await earner.getByText("Affiché sur votre passeport").first().waitFor();
    await expectAccessible(earner, "my badges");
    await earner.screenshot({ path: path.join(screenshots, "my-badges.png"), fullPage: true });
    const held = await world.platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.recipientEmail, EARNER));
    const regionalRow = held.find((c) => c.grantKey.startsWith("regional:"))!;
    expect(regionalRow.claimState).toBe("accepted");

    // 9. The platform revokes the badge and pushes it again: the regional badge is suspended.
    revoked.add(fresh.index);
    expect(await push(secret, fresh.document)).toMatchObject({ counts: false, code: "REVOKED" });
    // The re-evaluation runs as a job: the page shows it once it is done.
    await world.platform.worker.drain();
    await earner.reload();
    await expect.poll(() => regional.getByText("Suspendu").count(), { timeout: 10_000 }).toBe(1);
  });

  it("a person's public passport and the competences catalogue editor are readable by everyone", async () => {
    // Thomas (demo) accepts his badges and opens his passport.
    const [thomas] = await world.platform.ctx.db
      .select()
      .from(users)
      .where(eq(users.email, "thomas.leroux@exemple.fr"));
    await world.platform.ctx.db
      .update(credentials)
      .set({ claimState: "accepted" })
      .where(eq(credentials.subjectUserId, thomas!.id));
    const [earner] = await world.platform.ctx.db
      .update(earners)
      .set({ passportPublic: true })
      .where(eq(earners.userId, thomas!.id))
      .returning();
    const visitor = await world.newPage();
    await visitor.goto(`/personnes/${earner!.passportSlug}`);
    await visitor.getByRole("heading", { name: "Les badges de Thomas Leroux" }).waitFor();
    await expect
      .poll(() => visitor.getByText("Badge général des compétences").count())
      .toBeGreaterThan(0);
    await expectAccessible(visitor, "a person's public passport");

    const manager = await world.signedIn(MANAGER);
    await manager.goto("/gestion/catalogue?programme=competences");
    await manager.getByRole("textbox", { name: "Version", exact: true }).fill("2027");
    await manager
      .getByLabel(/Nom de la collection/)
      .fill("Badges régionaux des compétences — 2027");
    await manager.getByRole("button", { name: "Créer le brouillon" }).click();
    await manager
      .locator("summary", { hasText: "Organiser, niveau I — Je pratique" })
      .first()
      .click();
    await expect
      .poll(() => manager.getByLabel("Compétence (identifiant)").first().inputValue())
      .toBe("organiser");
    await expectAccessible(manager, "competences catalogue editor");
  });
});
