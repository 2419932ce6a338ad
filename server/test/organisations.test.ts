import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, PASSWORD } from "./support/factories";
import { fingerprint } from "./support/fingerprint";
import { lastMailTo, linkToken } from "./support/mail";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let manager: TestClient;
beforeAll(async () => {
  platform = await createTestPlatform();
  const user = await buildUser(platform.ctx, { platformRoles: ["programme_manager"] });
  manager = new TestClient(platform.app);
  await manager.signIn(user.email, PASSWORD);
});
afterAll(() => platform?.close());

const validCfa = {
  name: "CFA du Bâtiment de Saint-Lô",
  kind: "cfa",
  siret: "732 829 320 00074",
  uai: "0750654d",
  contactEmail: "Contact@CFA-Batiment.example",
  city: "Saint-Lô",
};

describe("creating organisations", () => {
  it("creates a CFA with normalised identifiers and records it in the audit log", async () => {
    const response = await manager.post("/api/organisations", validCfa);
    expect(response.statusCode).toBe(201);
    expect(json(response)).toMatchObject({
      siret: "73282932000074",
      uai: "0750654D",
      contactEmail: "contact@cfa-batiment.example",
      slug: "cfa-du-batiment-de-saint-lo",
    });
    const audit = json<{ entries: { action: string; targetId: string }[] }>(
      await manager.get("/api/admin/audit"),
    );
    expect(audit.entries[0]).toMatchObject({
      action: "organisation.created",
      targetId: json(response).id,
      summary: {
        fr: "Organisation créée : CFA du Bâtiment de Saint-Lô",
        en: "Organisation created: CFA du Bâtiment de Saint-Lô",
      },
      link: `/organisations/${json(response).id}`,
    });
  });

  it("refuses a wrong SIRET and UAI checksum next to the fields, and changes nothing", async () => {
    const before = await fingerprint(platform.ctx.db);
    const response = await manager.post("/api/organisations", {
      ...validCfa,
      name: "Autre CFA",
      siret: "73282932000075",
      uai: "0750654E",
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: {
        siret: "Ce SIRET n'est pas valide : vérifiez les chiffres (clé de contrôle).",
        uai: "Ce code UAI n'est pas valide : la lettre de contrôle ne correspond pas.",
      },
    });
    expect(await fingerprint(platform.ctx.db)).toEqual(before);
  });

  it("refuses a SIRET already used by another organisation", async () => {
    const before = await fingerprint(platform.ctx.db);
    const response = await manager.post("/api/organisations", {
      ...validCfa,
      name: "Doublon",
      uai: null,
    });
    expect(response.statusCode).toBe(409);
    expect(json(response).error).toMatchObject({
      code: "SIRET_TAKEN",
      fields: { siret: expect.any(String) },
    });
    expect(await fingerprint(platform.ctx.db)).toEqual(before);
  });

  it("requires a UFA to belong to a CFA", async () => {
    const partner = await buildOrganisation(platform.ctx, { kind: "partner" });
    const orphan = await manager.post("/api/organisations", {
      name: "UFA orpheline",
      kind: "ufa",
      contactEmail: "ufa@test.example",
    });
    expect(orphan.statusCode).toBe(400);
    expect(json(orphan).error).toMatchObject({ code: "PARENT_INVALID" });
    const wrongParent = await manager.post("/api/organisations", {
      name: "UFA mal rattachée",
      kind: "ufa",
      parentId: partner.id,
      contactEmail: "ufa@test.example",
    });
    expect(wrongParent.statusCode).toBe(400);
    const cfa = await buildOrganisation(platform.ctx);
    const ok = await manager.post("/api/organisations", {
      name: "UFA de Coutances",
      kind: "ufa",
      parentId: cfa.id,
      contactEmail: "ufa@test.example",
    });
    expect(ok.statusCode).toBe(201);
    const parent = json<{ children: { name: string }[] }>(
      await manager.get(`/api/organisations/${cfa.id}`),
    );
    expect(parent.children.map((c) => c.name)).toEqual(["UFA de Coutances"]);
  });
});

describe("visibility", () => {
  it("a CFA's staff see their CFA and its sites, never another CFA", async () => {
    const cfa = await buildOrganisation(platform.ctx, { name: "CFA Alpha" });
    const ufa = await buildOrganisation(platform.ctx, {
      name: "UFA Alpha Sud",
      kind: "ufa",
      parentId: cfa.id,
    });
    const other = await buildOrganisation(platform.ctx, { name: "CFA Bêta" });
    const staff = await buildUser(platform.ctx);
    await addMember(platform.ctx, cfa.id, staff.id, "member");
    const client = new TestClient(platform.app);
    await client.signIn(staff.email, PASSWORD);
    const list = json<{ organisations: { name: string }[] }>(
      await client.get("/api/organisations"),
    );
    expect(list.organisations.map((o) => o.name).sort()).toEqual(["CFA Alpha", "UFA Alpha Sud"]);
    expect((await client.get(`/api/organisations/${ufa.id}`)).statusCode).toBe(200);
    const hidden = await client.get(`/api/organisations/${other.id}`);
    const missing = await client.get("/api/organisations/00000000-0000-4000-8000-000000000000");
    expect(hidden.statusCode).toBe(404);
    expect(json(hidden).error).toMatchObject({ code: "NOT_FOUND" });
    expect(json(missing).error).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("members and invitations", () => {
  it("an admin invites a colleague, who joins from the email and appears in the members", async () => {
    const cfa = await buildOrganisation(platform.ctx, { name: "CFA Gamma" });
    const admin = await buildUser(platform.ctx, { name: "Directrice Gamma" });
    await addMember(platform.ctx, cfa.id, admin.id, "admin");
    const adminClient = new TestClient(platform.app);
    await adminClient.signIn(admin.email, PASSWORD);

    const invited = await adminClient.post(`/api/organisations/${cfa.id}/invitations`, {
      email: "Nouveau@CFA-Gamma.example",
      role: "member",
    });
    expect(invited.statusCode).toBe(201);
    const mail = await lastMailTo(platform, "nouveau@cfa-gamma.example");
    expect(mail?.subject).toBe("Invitation à rejoindre CFA Gamma sur Blason");
    expect(mail?.text).toContain("Directrice Gamma vous invite");
    const token = linkToken(mail!.text, "/invitation/");

    const newcomer = new TestClient(platform.app);
    const details = json(await newcomer.get(`/api/invitations/${token}`));
    expect(details).toMatchObject({
      email: "nouveau@cfa-gamma.example",
      role: "member",
      existingAccount: false,
      organisation: { name: "CFA Gamma" },
    });
    const weak = await newcomer.post(`/api/invitations/${token}/accept`, {
      name: "Léa Petit",
      password: "court",
    });
    expect(weak.statusCode).toBe(400);
    const accepted = await newcomer.post(`/api/invitations/${token}/accept`, {
      name: "Léa Petit",
      password: "une phrase de passe solide",
    });
    expect(accepted.statusCode).toBe(200);
    expect(json(accepted)).toMatchObject({
      user: { name: "Léa Petit", emailVerified: true },
      memberships: [{ role: "member", organisation: { name: "CFA Gamma" } }],
    });

    const reused = await new TestClient(platform.app).post(`/api/invitations/${token}/accept`, {
      name: "Intrus",
      password: "une autre phrase longue",
    });
    expect(reused.statusCode).toBe(400);
    expect(json(reused).error).toMatchObject({ code: "TOKEN_INVALID_OR_EXPIRED" });

    const members = json<{ members: { name: string; role: string }[]; invitations: unknown[] }>(
      await adminClient.get(`/api/organisations/${cfa.id}/members`),
    );
    expect(members.members.map((m) => [m.name, m.role])).toEqual([
      ["Directrice Gamma", "admin"],
      ["Léa Petit", "member"],
    ]);
    expect(members.invitations).toEqual([]);
  });

  it("refuses to invite someone who is already a member", async () => {
    const cfa = await buildOrganisation(platform.ctx);
    const member = await buildUser(platform.ctx);
    await addMember(platform.ctx, cfa.id, member.id);
    const response = await manager.post(`/api/organisations/${cfa.id}/invitations`, {
      email: member.email,
      role: "admin",
    });
    expect(response.statusCode).toBe(409);
    expect(json(response).error).toMatchObject({ code: "EMAIL_ALREADY_MEMBER" });
  });

  it("keeps at least one admin in an organisation", async () => {
    const cfa = await buildOrganisation(platform.ctx);
    const admin = await buildUser(platform.ctx);
    await addMember(platform.ctx, cfa.id, admin.id, "admin");
    const demote = await manager.patch(`/api/organisations/${cfa.id}/members/${admin.id}`, {
      role: "member",
    });
    expect(demote.statusCode).toBe(409);
    expect(json(demote).error).toMatchObject({
      code: "LAST_ADMIN",
      message: "L'organisation doit garder au moins un administrateur.",
    });
    expect(
      (await manager.delete(`/api/organisations/${cfa.id}/members/${admin.id}`)).statusCode,
    ).toBe(409);
  });

  it("a cancelled invitation no longer works", async () => {
    const cfa = await buildOrganisation(platform.ctx);
    const invited = json<{ id: string }>(
      await manager.post(`/api/organisations/${cfa.id}/invitations`, {
        email: "annule@test.example",
        role: "member",
      }),
    );
    const mail = await lastMailTo(platform, "annule@test.example");
    const token = linkToken(mail!.text, "/invitation/");
    expect(
      (await manager.delete(`/api/organisations/${cfa.id}/invitations/${invited.id}`)).statusCode,
    ).toBe(204);
    expect((await new TestClient(platform.app).get(`/api/invitations/${token}`)).statusCode).toBe(
      400,
    );
  });
});
