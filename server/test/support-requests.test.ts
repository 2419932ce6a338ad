import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { mailsTo } from "./support/mail";
import { createTestPlatform, type TestPlatform } from "./support/platform";
import { buildAdviser } from "./support/support-requests";

type Org = Awaited<ReturnType<typeof buildOrganisation>>;

let platform: TestPlatform;
/** Caen asks; its site Lisieux, and Vire (another site of Caen), volunteer but are its group; Rouen is free. */
let caen: Org;
let lisieux: Org;
let vire: Org;
let rouen: Org;
let asker: TestClient;
let adviser: TestClient;
let manager: TestClient;

const meetingAt = {
  startsAt: "2027-01-12T10:00:00+01:00",
  place: null,
  videoUrl: "https://visio.example/conseil-caen",
  note: "Une heure suffira.",
};

beforeAll(async () => {
  platform = await createTestPlatform();
  const { ctx } = platform;
  caen = await buildOrganisation(ctx, { name: "CFA de Caen" });
  lisieux = await buildOrganisation(ctx, { name: "UFA Lisieux", kind: "ufa", parentId: caen.id });
  vire = await buildOrganisation(ctx, { name: "UFA Vire", kind: "ufa", parentId: caen.id });
  rouen = await buildOrganisation(ctx, { name: "CFA de Rouen" });
  const [caenStaff, rouenStaff, managerUser] = [
    await buildUser(ctx, { name: "Camille Caen" }),
    await buildUser(ctx, { name: "Romain Rouen" }),
    await buildUser(ctx, { platformRoles: ["programme_manager"] }),
  ];
  await addMember(ctx, caen.id, caenStaff.id, "admin");
  await addMember(ctx, rouen.id, rouenStaff.id, "admin");
  asker = await signedInClient(platform, caenStaff.id);
  adviser = await signedInClient(platform, rouenStaff.id);
  manager = await signedInClient(platform, managerUser.id);
});
afterAll(() => platform?.close());

const ask = (body: Record<string, unknown> = {}) =>
  asker.post(`/api/organisations/${caen.id}/support-requests`, {
    badges: ["accueil"],
    themes: [],
    question: "Quelles preuves pour le badge accueil ?",
    ...body,
  });
const detail = async (client: TestClient, id: string) =>
  (await client.get(`/api/support/requests/${id}`)).json();

describe("routing a request", () => {
  it("waits for a manager when the only advisers are the asker's own group", async () => {
    await buildAdviser(platform.ctx, caen.id);
    await buildAdviser(platform.ctx, lisieux.id);
    await buildAdviser(platform.ctx, vire.id);
    const created = await ask();
    expect(created.statusCode, created.body).toBe(201);
    const { request } = await detail(asker, created.json().id);
    expect(request.state).toBe("waiting");
    expect(request.adviser).toBeNull();
  });

  it("a manager may not give it to the asker's site, and may give it to another CFA", async () => {
    const created = await ask();
    const id = created.json().id;
    for (const conflicted of [caen, lisieux, vire]) {
      const refused = await manager.post(`/api/support/requests/${id}/reassign`, {
        adviserOrganisationId: conflicted.id,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe("SUPPORT_ADVISER_CONFLICTED");
    }
    await buildAdviser(platform.ctx, rouen.id, { badges: ["tutorat"], capacity: 1 });
    const given = await manager.post(`/api/support/requests/${id}/reassign`, {
      adviserOrganisationId: rouen.id,
    });
    expect(given.statusCode, given.body).toBe(204);
    expect((await detail(adviser, id)).request.side).toBe("adviser");
    const mails = await mailsTo(platform, rouen.contactEmail);
    expect(mails.map((m) => m.subject)).toContain("Demande de conseil de CFA de Caen");
  });

  it("goes to an unconflicted adviser with room, never beyond its capacity", async () => {
    // Rouen is full (capacity 1, one open request): the new request waits.
    const full = await ask({ badges: ["tutorat"] });
    expect((await detail(asker, full.json().id)).request.state).toBe("waiting");
    await adviser.put(`/api/organisations/${rouen.id}/support-adviser`, {
      badges: ["tutorat"],
      themes: ["handicap"],
      capacity: 3,
      active: true,
    });
    const routed = await ask({ badges: [], themes: ["handicap"] });
    const { request } = await detail(asker, routed.json().id);
    expect(request.state).toBe("open");
    expect(request.adviser).toEqual({ id: rouen.id, name: "CFA de Rouen" });
  });
});

describe("a request's life, with an email to the other side at each step", () => {
  it("asked, met, closed with feedback", async () => {
    const id = (await ask({ badges: [], themes: ["handicap"] })).json().id;
    const asked = await mailsTo(platform, rouen.contactEmail);
    expect(asked.at(-1)?.text).toContain("Quelles preuves pour le badge accueil ?");

    const reply = await adviser.post(`/api/support/requests/${id}/messages`, {
      body: "Commencez par le livret d'accueil.",
    });
    expect(reply.statusCode, reply.body).toBe(204);
    expect((await mailsTo(platform, caen.contactEmail)).at(-1)?.subject).toBe(
      "Nouveau message de CFA de Rouen",
    );

    // The asker may not accept what was not proposed.
    const early = await asker.post(`/api/support/requests/${id}/meeting/accept`, {});
    expect(early.json().error.code).toBe("SUPPORT_NOT_ALLOWED_NOW");

    expect((await adviser.post(`/api/support/requests/${id}/meeting`, meetingAt)).statusCode).toBe(
      204,
    );
    const proposed = (await mailsTo(platform, caen.contactEmail)).at(-1)!;
    expect(proposed.subject).toBe("CFA de Rouen propose un rendez-vous");
    expect(proposed.text).toContain("mardi 12 janvier 2027 à 10:00");
    expect(proposed.text).toContain("https://visio.example/conseil-caen");

    const countered = await asker.post(`/api/support/requests/${id}/meeting/counter`, {
      ...meetingAt,
      startsAt: "2027-01-14T14:30:00+01:00",
      videoUrl: null,
      place: "CFA de Caen, salle B",
    });
    expect(countered.statusCode, countered.body).toBe(204);
    expect((await mailsTo(platform, rouen.contactEmail)).at(-1)?.text).toContain(
      "CFA de Caen, salle B",
    );
    expect((await adviser.post(`/api/support/requests/${id}/meeting/accept`, {})).statusCode).toBe(
      204,
    );
    const agreed = (await mailsTo(platform, caen.contactEmail)).at(-1)!;
    expect(agreed.subject).toBe("Rendez-vous confirmé avec CFA de Rouen");
    expect(agreed.text).toContain("jeudi 14 janvier 2027 à 14:30");

    const closed = await asker.post(`/api/support/requests/${id}/close`, {
      feedback: "Très utile, merci.",
    });
    expect(closed.statusCode, closed.body).toBe(204);
    expect((await mailsTo(platform, rouen.contactEmail)).at(-1)?.text).toContain(
      "Très utile, merci.",
    );
    const { request, messages } = await detail(asker, id);
    expect(request).toMatchObject({ state: "closed", feedback: "Très utile, merci." });
    expect(request.firstAnsweredAt).not.toBeNull();
    expect(messages.map((m: { body: string }) => m.body)).toEqual([
      "Commencez par le livret d'accueil.",
    ]);
    // Closed: nothing moves any more.
    const late = await adviser.post(`/api/support/requests/${id}/messages`, { body: "Encore ?" });
    expect(late.json().error.code).toBe("SUPPORT_NOT_ALLOWED_NOW");
  });

  it("two answers at once: one moves the request, the other is told it changed", async () => {
    const id = (await ask({ badges: [], themes: ["handicap"] })).json().id;
    await adviser.post(`/api/support/requests/${id}/meeting`, meetingAt);
    const [a, b] = await Promise.all([
      asker.post(`/api/support/requests/${id}/meeting/accept`, {}),
      asker.post(`/api/support/requests/${id}/meeting/accept`, {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
  });
});

describe("managers", () => {
  it("see every request, the figures per month, and edit the programme's mailbox", async () => {
    const all = (await manager.get("/api/support/requests")).json().requests;
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((r: { side: string }) => r.side === "manager")).toBe(true);
    const months = (await manager.get("/api/support/figures")).json().months;
    const now = new Date().toISOString().slice(0, 7);
    const current = months.find((m: { month: string }) => m.month === now);
    expect(current.requests).toBe(all.length);
    expect(current.answered).toBeGreaterThanOrEqual(2);
    expect(current.medianHoursToFirstAnswer).toBeGreaterThanOrEqual(0);

    const edited = await manager.put("/api/programme-texts/label_mailbox", {
      fr: "label@region.example",
      en: "label@region.example",
    });
    expect(edited.statusCode, edited.body).toBe(204);
    const texts = (await asker.get("/api/public/programme-texts")).json().texts;
    expect(texts.find((t: { key: string }) => t.key === "label_mailbox").fr).toBe(
      "label@region.example",
    );
    const unknown = await manager.put("/api/programme-texts/nope", { fr: "x", en: "x" });
    expect(unknown.statusCode).toBe(404);
  });
});
