import { verifyCredential } from "@blason/openbadges";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardBatches, credentials, devMail, partnerBadges, users } from "../src/db/schema";
import { awardBatchJobHandler } from "../src/modules/partners/own-badges.service";
import { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * A participant issues its own badges on Blason, signed with its own key:
 * one by one or from a CSV, followed by a progress count. Those badges reach
 * the competences programme through the Blason channel, counted once their
 * registration is approved, and a revocation suspends what they supported.
 */
let platform: TestPlatform;
let partnerId: string;
let outsiderId: string;
let partner: TestClient;
let manager: TestClient;
let badgeId: string;

const badgeBody = {
  name: "Planifier sa semaine de travail",
  recognises: "La personne prépare et tient le planning de sa semaine à l'atelier.",
  criteria: [{ statement: "A tenu son planning quatre semaines de suite.", evidence: [] }],
  validityMonths: 36,
  color: "#1f5f8b",
};

const as = (userId: string) => signedInClient(platform, userId);

beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  const org = await buildOrganisation(platform.ctx, {
    name: "Atelier Emploi Rouen",
    kind: "partner",
  });
  const outsider = await buildOrganisation(platform.ctx, {
    name: "Structure pas encore participante",
    kind: "partner",
  });
  partnerId = org.id;
  outsiderId = outsider.id;
  const admin = await buildUser(platform.ctx);
  await addMember(platform.ctx, org.id, admin.id, "admin");
  await addMember(platform.ctx, outsider.id, admin.id, "admin");
  partner = await as(admin.id);
  manager = await as((await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id);
  const participation = await manager.post(`/api/organisations/${org.id}/participations`, {
    kind: "participant",
    validFrom: new Date(Date.now() - 86_400_000).toISOString(),
  });
  expect(participation.statusCode, participation.body).toBe(201);
});
afterAll(async () => platform?.close());

async function holder(email: string) {
  await platform.worker.drain();
  const [user] = await platform.ctx.db.select().from(users).where(eq(users.email, email));
  return user!;
}

describe("a participant's own badges on Blason", () => {
  it("only a participant defines badges, and says so plainly otherwise", async () => {
    const refused = await partner.post(`/api/organisations/${outsiderId}/own-badges`, badgeBody);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: "PARTNER_NOT_PARTICIPANT",
      message: expect.stringContaining("participante"),
    });
    const created = await partner.post(`/api/organisations/${partnerId}/own-badges`, badgeBody);
    expect(created.statusCode, created.body).toBe(201);
    badgeId = created.json().id;
    const list = (await partner.get(`/api/organisations/${partnerId}/own-badges`)).json();
    expect(list).toMatchObject({
      participant: true,
      badges: [{ id: badgeId, name: badgeBody.name, awarded: 0 }],
    });
    // Not the Region's catalogue: the public programmes do not list it.
    const programmes = (await new TestClient(platform.app).get("/api/public/programmes")).json();
    expect(JSON.stringify(programmes)).not.toContain(badgeBody.name);
  });

  it("awards one person: signed by the partner's own key, verifiable, emailed, and judged through the Blason channel", async () => {
    const response = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/awards`,
      { email: "Lea.Durand@exemple.fr", name: "Léa Durand" },
    );
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json();
    const [credential] = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.id, id));
    expect(credential!.document.issuer).toMatchObject({
      id: expect.stringMatching(/^did:web:localhost%3A3000:issuers:/),
      name: "Atelier Emploi Rouen",
    });
    const report = await verifyCredential(credential!.document, {
      fetcher: platform.ctx.fetcher,
      recipient: { email: "lea.durand@exemple.fr" },
    });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    const lea = await holder("lea.durand@exemple.fr");
    const [mail] = await platform.ctx.db.select().from(devMail).where(eq(devMail.to, lea.email));
    expect(mail!.subject).toBe(
      "Atelier Emploi Rouen vous délivre le badge « Planifier sa semaine de travail »",
    );
    // Received through the Blason channel; not mapped yet, so it does not count, and says why.
    const [received] = await platform.ctx.db
      .select()
      .from(partnerBadges)
      .where(eq(partnerBadges.earnerId, lea.id));
    expect(received).toMatchObject({
      channel: "blason",
      counts: false,
      refusalCode: "NOT_REGISTERED",
    });
    // Awarding again changes nothing.
    const again = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/awards`,
      { email: "lea.durand@exemple.fr", name: "Léa Durand" },
    );
    expect(again.json()).toMatchObject({ id, created: false });
  });

  it("once mapped '1 pour 1' and approved, an award gives the regional badge; revoking the award suspends it", async () => {
    const registration = {
      source: "blason",
      badgeClassId: badgeId,
      organisationId: partnerId,
      target: { family: "organiser", level: 1, equivalence: "one_for_one" },
      justification: "Tenir son planning, c'est organiser son activité.",
    };
    // Its Blason badge is signed by its own issuer: naming another one is refused.
    const otherIssuer = await partner.post("/api/partner-registrations", {
      ...registration,
      issuerIri: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
    });
    expect(otherIssuer.statusCode).toBe(400);
    expect(otherIssuer.json().error.code).toBe("REGISTRATION_ISSUER_MISMATCH");
    // Its own issuer needs no proof.
    const submitted = await partner.post("/api/partner-registrations", registration);
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json().issuerProof).toBe("blason");
    const approved = await manager.post(
      `/api/partner-registrations/${submitted.json().id}/decision`,
      { decision: "approve", motivation: "" },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    const award = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/awards`,
      {
        email: "yanis.benali@exemple.fr",
        name: "Yanis Benali",
      },
    );
    const yanis = await holder("yanis.benali@exemple.fr");
    const held = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.subjectUserId, yanis.id));
    const regional = held.find((c) => c.id !== award.json().id);
    expect(regional?.document.issuer).toMatchObject({ name: "Région Normandie" });
    expect(regional?.suspendedAt).toBeNull();

    const revoke = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/awards/${award.json().id}/revoke`,
      { reason: "Attribué par erreur à la mauvaise personne." },
    );
    expect(revoke.statusCode, revoke.body).toBe(204);
    await platform.worker.drain();
    const [after] = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.id, regional!.id));
    expect(after!.suspendedAt).not.toBeNull();
    // The Region's managers cannot revoke a partner's own award.
    const other = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/awards`,
      {
        email: "ines.moreau@exemple.fr",
        name: "Inès Moreau",
      },
    );
    expect(
      (await manager.post(`/api/credentials/${other.json().id}/revoke`, { reason: "Pas à vous." }))
        .statusCode,
    ).toBe(403);
  });

  it("awards a CSV as a job, counting progress and naming the lines it could not award", async () => {
    const csv = [
      "courriel;nom",
      "thomas.leroux@exemple.fr;Thomas Leroux",
      "pas-une-adresse;Quelqu'un",
      "lea.durand@exemple.fr;Léa Durand",
      "nora.haddad@exemple.fr;Nora Haddad",
    ].join("\r\n");
    const started = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/award-batches`,
      { csv },
    );
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ lines: 4, processed: 1, finished: false });
    const batchId = started.json().id;
    // A crash after the first row: the job resumes where it stopped, awarding nobody twice.
    await platform.ctx.db
      .update(awardBatches)
      .set({ processed: 1 })
      .where(eq(awardBatches.id, batchId));
    await awardBatchJobHandler(platform.ctx)({ batchId }, { jobId: 0, attempt: 1 });
    await platform.worker.drain();
    const progress = (
      await partner.get(`/api/organisations/${partnerId}/award-batches/${batchId}`)
    ).json();
    // Thomas's row was skipped by the simulated crash: neither issued nor held.
    expect(progress).toMatchObject({ lines: 4, processed: 4, issued: 1, alreadyHeld: 1 });
    expect(progress.finished).toBe(true);
    expect(progress.refused).toEqual([
      { line: 3, email: "pas-une-adresse", reason: "Adresse électronique invalide." },
    ]);
    const awards = (
      await partner.get(`/api/organisations/${partnerId}/own-badges/${badgeId}/awards`)
    ).json().awards;
    expect(awards.map((a: { email: string }) => a.email).sort()).toEqual([
      "ines.moreau@exemple.fr",
      "lea.durand@exemple.fr",
      "nora.haddad@exemple.fr",
      "yanis.benali@exemple.fr",
    ]);
    const empty = await partner.post(
      `/api/organisations/${partnerId}/own-badges/${badgeId}/award-batches`,
      { csv: "nom;prénom\n" },
    );
    expect(empty.json().error.code).toBe("AWARD_CSV_EMPTY");
  });

  it("another organisation's member sees none of it", async () => {
    const stranger = await as((await buildUser(platform.ctx)).id);
    expect((await stranger.get(`/api/organisations/${partnerId}/own-badges`)).statusCode).toBe(404);
    expect(
      (
        await stranger.post(`/api/organisations/${partnerId}/own-badges/${badgeId}/awards`, {
          email: "x@exemple.fr",
          name: "X",
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("the competences programme's API documentation", () => {
  it("documents the partner routes with examples a partner's developer can copy", async () => {
    const doc = (await platform.app.inject({ url: "/api/openapi.json" })).json();
    /** The examples of a JSON body, in either of the forms OpenAPI allows. */
    const examples = (media: {
      example?: unknown;
      examples?: Record<string, { value: unknown }>;
      schema?: { example?: unknown };
    }) =>
      media.examples
        ? Object.values(media.examples).map((e) => e.value)
        : [media.example ?? media.schema?.example];
    const body = (path: string) =>
      examples(doc.paths[path].post.requestBody.content["application/json"]) as Record<
        string,
        unknown
      >[];
    expect(body("/api/partner-badges")[0]).toMatchObject({
      recipient: { email: "lea.durand@exemple.fr" },
    });
    const answers = examples(
      doc.paths["/api/partner-badges"].post.responses["201"].content["application/json"],
    ) as { code: string | null }[];
    expect(answers.map((e) => e.code)).toEqual([null, "ISSUED_BEFORE_APPROVAL"]);
    expect(body("/api/partner-registrations")).toHaveLength(2);
    expect(body("/api/organisations/{id}/own-badges/{badgeId}/awards")[0]).toMatchObject({
      email: "ines.moreau@exemple.fr",
    });
    expect(body("/api/organisations/{id}/own-badges/{badgeId}/award-batches")[0]!.csv).toContain(
      "courriel;nom",
    );
    expect(doc.paths["/api/partner-badges"].post.description).toContain("Bearer");
  });
});
