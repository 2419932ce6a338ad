import { unbakePng, verifyCredential } from "@blason/openbadges";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials, users } from "../src/db/schema";
import { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * A person's passport: the badges they hold, to accept, decline, hide or
 * show on a public page they open; an export of everything (JSON and baked
 * badges that verify anywhere); and deleting their account.
 */
let platform: TestPlatform;
let partner: TestClient;
let lea: TestClient;
let leaId: string;
let credentialId: string;
let partnerAdminId: string;

const as = (userId: string) => signedInClient(platform, userId);

beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  const org = await buildOrganisation(platform.ctx, {
    name: "Atelier Emploi Rouen",
    kind: "partner",
  });
  const admin = await buildUser(platform.ctx);
  partnerAdminId = admin.id;
  await addMember(platform.ctx, org.id, admin.id, "admin");
  partner = await as(admin.id);
  const manager = await as(
    (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
  );
  await manager.post(`/api/organisations/${org.id}/participations`, {
    kind: "participant",
    validFrom: new Date(Date.now() - 86_400_000).toISOString(),
  });
  const badge = await partner.post(`/api/organisations/${org.id}/own-badges`, {
    name: "Accueillir le public",
    recognises: "La personne accueille le public de l'atelier avec méthode.",
    criteria: [{ statement: "Observée pendant deux semaines à l'accueil.", evidence: [] }],
    validityMonths: 24,
    color: "#7a3b8f",
  });
  const award = await partner.post(
    `/api/organisations/${org.id}/own-badges/${badge.json().id}/awards`,
    { email: "lea.durand@exemple.fr", name: "Léa Durand" },
  );
  credentialId = award.json().id;
  await platform.worker.drain();
  const [user] = await platform.ctx.db
    .select()
    .from(users)
    .where(eq(users.email, "lea.durand@exemple.fr"));
  leaId = user!.id;
  lea = await as(leaId);
});
afterAll(async () => platform?.close());

describe("a person's passport", () => {
  it("lists the badges they hold, waiting for their answer", async () => {
    const mine = (await lea.get("/api/me/partner-badges")).json();
    expect(mine.credentials).toEqual([
      expect.objectContaining({
        credentialId,
        name: "Accueillir le public",
        issuer: "Atelier Emploi Rouen",
        regional: false,
        claimState: "pending",
        shown: true,
      }),
    ]);
    expect(mine.passport).toMatchObject({ public: false });
  });

  it("only the holder accepts or hides their badge", async () => {
    const stranger = await as((await buildUser(platform.ctx)).id);
    expect((await stranger.post(`/api/credentials/${credentialId}/accept`, {})).statusCode).toBe(
      404,
    );
    expect((await lea.post(`/api/credentials/${credentialId}/accept`, {})).statusCode).toBe(200);
    // The name shows on the badge's public page once accepted.
    const page = (
      await new TestClient(platform.app).get(`/api/public/credentials/${credentialId}`)
    ).json();
    expect(page.holder.name).toBe("Léa Durand");
  });

  it("the public passport shows what they accepted and show, once they open it", async () => {
    const { passport } = (await lea.get("/api/me/partner-badges")).json();
    const slug = new URL(passport.url).pathname.split("/").pop();
    const anonymous = new TestClient(platform.app);
    expect((await anonymous.get(`/api/public/people/${slug}`)).statusCode).toBe(404);
    expect((await lea.post("/api/me/passport", { public: true })).statusCode).toBe(204);
    const open = (await anonymous.get(`/api/public/people/${slug}`)).json();
    expect(open).toMatchObject({
      name: "Léa Durand",
      badges: [{ name: "Accueillir le public", issuer: "Atelier Emploi Rouen" }],
    });
    await lea.post(`/api/credentials/${credentialId}/visibility`, { shown: false });
    expect((await anonymous.get(`/api/public/people/${slug}`)).json().badges).toEqual([]);
  });

  it("exports everything as a ZIP whose baked badges verify", async () => {
    const response = await lea.get("/api/me/export");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const data = JSON.parse(strFromU8(files["donnees.json"]!));
    expect(data.person).toMatchObject({ name: "Léa Durand", email: "lea.durand@exemple.fr" });
    expect(data.badges).toHaveLength(1);
    expect(data.partnerBadges).toEqual([
      expect.objectContaining({ channel: "blason", counts: false }),
    ]);
    const png = files[data.badges[0].image]!;
    expect(unbakePng(png)).not.toBeNull();
    const report = await verifyCredential(png, { fetcher: platform.ctx.fetcher });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
  });

  it("deletes the account once confirmed: the badge stays verifiable, linked to no one", async () => {
    const wrong = await lea.post("/api/me/delete", { confirm: "quelqu'un@exemple.fr" });
    expect(wrong.statusCode).toBe(400);
    const staff = await partner.post("/api/me/delete", { confirm: "x" });
    expect(staff.statusCode).toBe(400);
    const partnerAdmin = (
      await platform.ctx.db.select().from(users).where(eq(users.id, partnerAdminId))
    )[0]!;
    expect(
      (await partner.post("/api/me/delete", { confirm: partnerAdmin.email })).json().error.code,
    ).toBe("ACCOUNT_IS_STAFF");
    const done = await lea.post("/api/me/delete", { confirm: "Lea.Durand@exemple.fr" });
    expect(done.statusCode, done.body).toBe(204);
    expect(await platform.ctx.db.select().from(users).where(eq(users.id, leaId))).toEqual([]);
    const [kept] = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.id, credentialId));
    expect(kept).toMatchObject({ subjectUserId: null });
    expect(kept!.recipientEmail).not.toContain("lea");
    expect((await lea.get("/api/me/partner-badges")).statusCode).toBe(401);
  });
});
