import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, credentials, devMail, partnerParticipations } from "../src/db/schema";
import type { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * A partner becomes a Participant the way a CFA earns a badge: a request
 * with its answers, a dialogue, a manager's decision (no commission: the
 * request is decided as it comes), and a badge valid three years held by the
 * organisation. Only then may it issue badges on Blason or ask to be an
 * Ambassadeur.
 */
let platform: TestPlatform;
let partnerId: string;
let partner: TestClient;
let manager: TestClient;
let participantBadge: string;
let ambassadorBadge: string;

const as = (userId: string) => signedInClient(platform, userId);

beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  const org = await buildOrganisation(platform.ctx, {
    name: "Mission Locale du Bessin",
    kind: "partner",
  });
  partnerId = org.id;
  const admin = await buildUser(platform.ctx);
  await addMember(platform.ctx, org.id, admin.id, "admin");
  partner = await as(admin.id);
  manager = await as((await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id);
  const bySlug = async (slug: string) =>
    (await platform.ctx.db.select().from(badgeClasses).where(eq(badgeClasses.slug, slug)))[0]!.id;
  participantBadge = await bySlug("participant");
  ambassadorBadge = await bySlug("ambassadeur");
});
afterAll(async () => platform?.close());

const answers = Object.fromEntries(
  [
    "Mission locale de 40 salariés, accompagnement des 16-25 ans vers l'emploi.",
    "Antennes à Bayeux et Isigny, public du Bessin.",
    "Deux conseillers observent, la preuve est gardée dans le dossier du jeune.",
    "Badger les compétences transversales observées en entreprise.",
    "Notre badge « S'organiser en stage » (organiser).",
    "Nous acceptons les engagements de la démarche.",
  ].map((answer, i) => [String(i), { answer, links: [] }]),
);

describe("the Participant request", () => {
  it("an Ambassadeur request needs a participation first", async () => {
    const early = await partner.post("/api/applications", {
      organisationId: partnerId,
      badgeClassId: ambassadorBadge,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("PARTNER_NOT_PARTICIPANT");
  });

  it("is filled, sent without a session, discussed, and granted by a manager: the badge goes to the organisation for three years", async () => {
    const created = await partner.post("/api/applications", {
      organisationId: partnerId,
      badgeClassId: participantBadge,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const incomplete = await partner.post(`/api/applications/${id}/submit`, {});
    expect(incomplete.json().error.code).toBe("APPLICATION_INCOMPLETE");
    const saved = await partner.request({
      method: "PATCH",
      url: `/api/applications/${id}`,
      body: { answers },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await partner.post(`/api/applications/${id}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: "submitted", session: null });
    await platform.worker.drain();
    const sent = await platform.ctx.db.select().from(devMail);
    expect(sent.map((m) => m.subject)).toContain(
      "Demande envoyée : Participant — La Normandie badge les compétences",
    );
    expect(sent.find((m) => m.subject.startsWith("Demande envoyée"))!.text).toContain(
      "La Région l'examine dès maintenant",
    );

    // The dialogue: a question, an answer.
    expect(
      (
        await manager.post(`/api/applications/${id}/messages`, {
          body: "Combien de badges avez-vous délivrés cette année ?",
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await partner.post(`/api/applications/${id}/messages`, { body: "Une soixantaine." }))
        .statusCode,
    ).toBe(200);
    const view = (await manager.get(`/api/applications/${id}`)).json();
    expect(view.can.events).toEqual(["assign_reviewers", "request_revision", "grant", "refuse"]);

    const decided = await manager.post(`/api/applications/${id}/decision`, {
      outcome: "granted",
      motivation: "Démarche structurée, engagements acceptés.",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    await platform.worker.drain();
    const [held] = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.subjectOrgId, partnerId));
    expect(held?.badgeClassId).toBe(participantBadge);
    const years = (held!.validUntil!.getTime() - held!.validFrom.getTime()) / (365.25 * 86_400_000);
    expect(Math.round(years)).toBe(3);
    const [participation] = await platform.ctx.db
      .select()
      .from(partnerParticipations)
      .where(eq(partnerParticipations.organisationId, partnerId));
    expect(participation).toMatchObject({ kind: "participant" });
    expect(participation!.validUntil!.getTime()).toBe(held!.validUntil!.getTime());

    // Now a participant: it issues badges on Blason, and may ask to be an Ambassadeur.
    const own = (await partner.get(`/api/organisations/${partnerId}/own-badges`)).json();
    expect(own.participant).toBe(true);
    const ambassador = await partner.post("/api/applications", {
      organisationId: partnerId,
      badgeClassId: ambassadorBadge,
    });
    expect(ambassador.statusCode, ambassador.body).toBe(201);
  });

  it("a CFA cannot ask for the Participant badge, nor a partner for a label badge", async () => {
    const cfa = await buildOrganisation(platform.ctx, { name: "CFA du Bocage", kind: "cfa" });
    const admin = await buildUser(platform.ctx);
    await addMember(platform.ctx, cfa.id, admin.id, "admin");
    const cfaClient = await as(admin.id);
    const refused = await cfaClient.post("/api/applications", {
      organisationId: cfa.id,
      badgeClassId: participantBadge,
    });
    expect(refused.statusCode).toBe(400);
  });
});
