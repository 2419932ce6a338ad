import { badgeImageSvg, bakePng, renderSvgToPng } from "@blason/openbadges";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applications,
  type badgeClasses,
  calendarSessions,
  credentials,
  programmes,
} from "../src/db/schema";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { json } from "./support/client";
import {
  addMember,
  buildOrganisation,
  buildUser,
  catalogueBadges,
  signedInClient,
} from "./support/factories";
import { mailsTo } from "./support/mail";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let cfa: Awaited<ReturnType<typeof buildOrganisation>>;
let otherCfa: Awaited<ReturnType<typeof buildOrganisation>>;
let badge: typeof badgeClasses.$inferSelect;
const people = {} as Record<
  "applicant" | "otherApplicant" | "manager" | "reviewerA" | "reviewerB" | "conflicted",
  Awaited<ReturnType<typeof buildUser>>
>;

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

beforeAll(async () => {
  platform = await createTestPlatform();
  const { ctx } = platform;
  await buildOrganisation(ctx, { name: "Région Normandie", kind: "region" });
  cfa = await buildOrganisation(ctx, { name: "CFA de l'Orne" });
  otherCfa = await buildOrganisation(ctx, { name: "CFA de la Manche" });
  [badge] = (await catalogueBadges(ctx)) as [typeof badgeClasses.$inferSelect];
  const [programme] = await ctx.db
    .select()
    .from(programmes)
    .where(eq(programmes.slug, "label-cfa"));
  await ctx.db.insert(calendarSessions).values([
    { programmeId: programme!.id, name: "Commission A", deadline: day(5), commissionDate: day(15) },
    {
      programmeId: programme!.id,
      name: "Révisions B",
      deadline: day(10),
      commissionDate: day(20),
      revisionsOnly: true,
    },
  ]);
  people.applicant = await buildUser(ctx);
  people.otherApplicant = await buildUser(ctx);
  people.manager = await buildUser(ctx, { platformRoles: ["programme_manager"] });
  people.reviewerA = await buildUser(ctx, { platformRoles: ["reviewer"] });
  people.reviewerB = await buildUser(ctx, { platformRoles: ["reviewer"] });
  people.conflicted = await buildUser(ctx, { platformRoles: ["reviewer"] });
  await addMember(ctx, cfa.id, people.applicant.id, "member");
  await addMember(ctx, otherCfa.id, people.otherApplicant.id, "admin");
  await addMember(ctx, otherCfa.id, people.reviewerA.id, "member");
  await addMember(ctx, cfa.id, people.conflicted.id, "member");
});
afterAll(() => platform?.close());

const as = (who: keyof typeof people) => signedInClient(platform, people[who].id);

type Detail = {
  id: string;
  state: string;
  session: { name: string } | null;
  missing: string[];
  files: { id: string }[];
  reviews: { reviewerId: string; recommendation: string | null }[];
  messages: { authorRole: string; body: string }[];
  can: { events: string[]; review: boolean };
};

/** The mail a person has received, once the queued emails have gone. */
describe("an application, from draft to badge", () => {
  let id: string;
  const fullAnswers = () =>
    Object.fromEntries(
      badge.criteria.map((_, i) => [
        String(i),
        { answer: `Notre dispositif pour le critère ${i + 1}.`, links: [] },
      ]),
    );

  it("a CFA member starts a draft; another CFA cannot see it", async () => {
    const applicant = await as("applicant");
    const created = await applicant.post("/api/applications", {
      organisationId: cfa.id,
      badgeClassId: badge.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    const detail = json<Detail>(await applicant.get(`/api/applications/${id}`));
    expect(detail.state).toBe("draft");
    expect(detail.missing).toHaveLength(badge.criteria.length);
    expect(detail.can.events).toEqual(expect.arrayContaining(["submit", "withdraw"]));
    expect((await (await as("otherApplicant")).get(`/api/applications/${id}`)).statusCode).toBe(
      404,
    );
    expect((await (await as("reviewerB")).get(`/api/applications/${id}`)).statusCode).toBe(404);
    const twice = await applicant.post("/api/applications", {
      organisationId: cfa.id,
      badgeClassId: badge.id,
    });
    expect(twice.json().error.code).toBe("APPLICATION_EXISTS");
  });

  it("refuses to send an incomplete file, naming each missing criterion", async () => {
    const response = await (await as("applicant")).post(`/api/applications/${id}/submit`, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("APPLICATION_INCOMPLETE");
    expect(Object.keys(response.json().error.fields)).toContain("answers.0");
  });

  it("takes evidence files of allowed types only, and checks their content", async () => {
    const applicant = await as("applicant");
    const upload = (body: Buffer, type: string, name: string) =>
      applicant.request({
        method: "POST",
        url: `/api/applications/${id}/files?criterion=0`,
        body,
        headers: { "content-type": type, "x-file-name": encodeURIComponent(name) },
      });
    const ok = await upload(PDF, "application/pdf", "Plan de formation 2026.pdf");
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ filename: "Plan de formation 2026.pdf", size: PDF.length });
    const fake = await upload(Buffer.from("<script>alert(1)</script>"), "application/pdf", "x.pdf");
    expect(fake.json().error.code).toBe("FILE_TYPE_REFUSED");
    const exe = await upload(Buffer.from("MZ\x90\x00"), "application/x-msdownload", "x.exe");
    expect(exe.statusCode).toBe(415);
    const download = await applicant.get(`/api/applications/${id}/files/${ok.json().id}`);
    expect(download.headers["content-disposition"]).toMatch(/^attachment/);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const outsider = await as("otherApplicant");
    expect((await outsider.get(`/api/applications/${id}/files/${ok.json().id}`)).statusCode).toBe(
      404,
    );
  });

  it("autosaves answers, then sends the file to the next open session with a confirmation email", async () => {
    const applicant = await as("applicant");
    const saved = await applicant.patch(`/api/applications/${id}`, { answers: fullAnswers() });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().missing).toEqual([]);
    const sent = json<Detail>(await applicant.post(`/api/applications/${id}/submit`, {}));
    expect(sent.state).toBe("submitted");
    // "Révisions B" closes later but takes revisions only.
    expect(sent.session?.name).toBe("Commission A");
    const mails = await mailsTo(platform, cfa.contactEmail);
    expect(mails.some((m) => m.subject.startsWith("Demande envoyée"))).toBe(true);
    const edit = await applicant.patch(`/api/applications/${id}`, { answers: fullAnswers() });
    expect(edit.json().error.code).toBe("APPLICATION_TRANSITION_NOT_ALLOWED");
  });

  it("refuses a conflicted reviewer, then assigns two and tells them", async () => {
    const manager = await as("manager");
    const conflicted = await manager.post(`/api/applications/${id}/reviewers`, {
      reviewerIds: [people.conflicted.id, people.reviewerB.id],
    });
    expect(conflicted.statusCode).toBe(409);
    expect(conflicted.json().error).toMatchObject({
      code: "REVIEW_PANEL_INVALID",
      fields: { [people.conflicted.id]: "OWN_ORGANISATION" },
    });
    const alone = await manager.post(`/api/applications/${id}/reviewers`, {
      reviewerIds: [people.reviewerB.id],
    });
    expect(alone.json().error.fields).toHaveProperty("panel", "PANEL_TOO_SMALL");
    const assigned = await manager.post(`/api/applications/${id}/reviewers`, {
      reviewerIds: [people.reviewerA.id, people.reviewerB.id],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().state).toBe("under_review");
    expect(
      (await mailsTo(platform, people.reviewerA.email)).some((m) =>
        m.subject.startsWith("Nouvelle demande à relire"),
      ),
    ).toBe(true);
  });

  it("a reviewer asks a question, the CFA answers, each side is emailed", async () => {
    const reviewer = await as("reviewerA");
    await reviewer.post(`/api/applications/${id}/messages`, {
      body: "Pouvez-vous préciser le calendrier de déploiement sur vos sites ?",
    });
    expect(
      (await mailsTo(platform, cfa.contactEmail)).some((m) =>
        m.text.includes("calendrier de déploiement"),
      ),
    ).toBe(true);
    const applicant = await as("applicant");
    const answered = json<Detail>(
      await applicant.post(`/api/applications/${id}/messages`, {
        body: "Le déploiement se fera à la rentrée 2027 sur les deux sites.",
      }),
    );
    expect(answered.messages.map((m) => m.authorRole)).toEqual(["reviewer", "applicant"]);
    expect(
      (await mailsTo(platform, people.reviewerB.email)).some((m) =>
        m.text.includes("rentrée 2027"),
      ),
    ).toBe(true);
    // The CFA sees no reviewer names and no reviews.
    expect(answered.reviews).toEqual([]);
  });

  it("a reviewer sees the other reviews only after submitting their own", async () => {
    const ratings = Object.fromEntries(badge.criteria.map((_, i) => [String(i), 3]));
    const a = await as("reviewerA");
    await a.post(`/api/applications/${id}/review`, {
      ratings,
      recommendation: "revise",
      comment: "Le dispositif est solide mais les preuves du critère 2 manquent.",
    });
    const b = await as("reviewerB");
    const before = json<Detail>(await b.get(`/api/applications/${id}`));
    expect(before.reviews.map((r) => r.reviewerId)).toEqual([people.reviewerB.id]);
    const after = json<Detail>(
      await b.post(`/api/applications/${id}/review`, {
        ratings,
        recommendation: "revise",
        comment: "D'accord avec ma collègue.",
      }),
    );
    expect(after.reviews.map((r) => r.recommendation)).toEqual(["revise", "revise"]);
    const outsider = await as("conflicted");
    const forbidden = await outsider.post(`/api/applications/${id}/review`, {
      ratings,
      recommendation: "grant",
      comment: "Je suis du CFA.",
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it("the commission asks for a revision; the CFA revises for a later session", async () => {
    const manager = await as("manager");
    const revised = json<Detail>(
      await manager.post(`/api/applications/${id}/decision`, {
        outcome: "revision_requested",
        motivation: "Ajoutez les comptes rendus des réunions pédagogiques du critère 2.",
      }),
    );
    expect(revised.state).toBe("revision_requested");
    const mail = (await mailsTo(platform, cfa.contactEmail)).find((m) =>
      m.subject.startsWith("Demande à compléter"),
    );
    expect(mail?.text).toContain("comptes rendus des réunions pédagogiques");
    const applicant = await as("applicant");
    await applicant.patch(`/api/applications/${id}`, {
      answers: { "1": { answer: "Comptes rendus joints.", links: ["https://cfa.example/cr.pdf"] } },
    });
    const resent = json<Detail>(await applicant.post(`/api/applications/${id}/submit`, {}));
    expect(resent.state).toBe("submitted");
    // Not back to the commission that asked for the revision: the next one.
    expect(resent.session?.name).toBe("Révisions B");
  });

  it("granted: the badge is issued once, by a job, and the CFA is told", async () => {
    const manager = await as("manager");
    await manager.post(`/api/applications/${id}/reviewers`, {
      reviewerIds: [people.reviewerA.id, people.reviewerB.id],
    });
    const ratings = Object.fromEntries(badge.criteria.map((_, i) => [String(i), 4]));
    for (const who of ["reviewerA", "reviewerB"] as const)
      await (await as(who)).post(`/api/applications/${id}/review`, {
        ratings,
        recommendation: "grant",
        comment: "Complet.",
      });
    const granted = json<Detail>(
      await manager.post(`/api/applications/${id}/decision`, {
        outcome: "granted",
        motivation: "Dispositif complet et exemplaire.",
      }),
    );
    expect(granted.state).toBe("granted");
    expect(granted.can.events).toEqual([]);
    await platform.worker.drain();
    await platform.worker.drain();
    const issued = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.grantKey, `application:${id}`));
    expect(issued).toHaveLength(1);
    expect(issued[0]!.subjectOrgId).toBe(cfa.id);
    const subjects = (await mailsTo(platform, cfa.contactEmail)).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([`Badge attribué : ${badge.name}`, `Badge obtenu : ${badge.name}`]),
    );
    const again = await manager.post(`/api/applications/${id}/decision`, {
      outcome: "refused",
      motivation: "Changement d'avis",
    });
    expect(again.json().error.code).toBe("APPLICATION_ALREADY_DECIDED");
    const [row] = await platform.ctx.db.select().from(applications).where(eq(applications.id, id));
    expect(row!.decidedAt).not.toBeNull();
  });

  it("a draft's scope names only the CFA's own sites", async () => {
    const ownSite = await buildOrganisation(platform.ctx, {
      name: "UFA de Flers",
      kind: "ufa",
      parentId: cfa.id,
    });
    const otherSite = await buildOrganisation(platform.ctx, {
      name: "UFA de Cherbourg",
      kind: "ufa",
      parentId: otherCfa.id,
    });
    const applicant = await as("applicant");
    const [, second] = (await catalogueBadges(platform.ctx)) as [
      typeof badgeClasses.$inferSelect,
      typeof badgeClasses.$inferSelect,
    ];
    const draft = await applicant.post("/api/applications", {
      organisationId: cfa.id,
      badgeClassId: second.id,
    });
    const url = `/api/applications/${draft.json().id}`;
    const refused = await applicant.patch(url, {
      scope: { ufaIds: [otherSite.id], schedule: null },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty(["scope.ufaIds"]);
    const saved = await applicant.patch(url, {
      scope: { ufaIds: [ownSite.id], schedule: "Les autres sites à la rentrée 2027." },
    });
    expect(saved.json().scope).toEqual({
      ufaIds: [ownSite.id],
      schedule: "Les autres sites à la rentrée 2027.",
    });
  });

  it("lists: the CFA its own, a reviewer their assignments, managers the queue", async () => {
    const own = json<{ applications: { id: string }[] }>(
      await (await as("applicant")).get(`/api/applications?organisationId=${cfa.id}`),
    );
    expect(own.applications.map((a) => a.id)).toContain(id);
    const other = await (await as("otherApplicant")).get(
      `/api/applications?organisationId=${cfa.id}`,
    );
    expect(other.statusCode).toBe(404);
    const reviewer = json<{ applications: { id: string }[] }>(
      await (await as("reviewerA")).get("/api/applications"),
    );
    expect(reviewer.applications.map((a) => a.id)).toEqual([id]);
    const stranger = json<{ applications: unknown[] }>(
      await (await as("conflicted")).get("/api/applications"),
    );
    expect(stranger.applications).toEqual([]);
  });
});

describe("badges held by the CFA's staff, as evidence", () => {
  it("are verified by the engine when attached, whatever form they come in; reviewers see the result", async () => {
    const applicant = await as("applicant");
    const created = await applicant.post("/api/applications", {
      organisationId: cfa.id,
      badgeClassId: (await catalogueBadges(platform.ctx))[4]!.id,
    });
    const id = created.json().id;
    // A trainer's badge: here one Blason itself issued, as JSON and as a baked PNG.
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: `test:staff-badge:${id}`,
      badgeClassId: badge.id,
      subjectOrgId: otherCfa.id,
      validFrom: new Date(),
    });
    const asJson = await applicant.post(`/api/applications/${id}/staff-badges`, {
      criterion: "0",
      holderName: "Léa, formatrice numérique",
      text: JSON.stringify(credential.document),
    });
    expect(asJson.statusCode, asJson.body).toBe(201);
    expect(asJson.json()).toMatchObject({
      verified: true,
      source: "text",
      badgeName: badge.name,
      problems: [],
    });

    const tampered = await applicant.post(`/api/applications/${id}/staff-badges`, {
      criterion: "1",
      holderName: "Paul, formateur",
      text: JSON.stringify({ ...credential.document, name: "Un autre nom" }),
    });
    expect(tampered.json()).toMatchObject({ verified: false });
    expect(tampered.json().problems.length).toBeGreaterThan(0);
    expect(tampered.json().problems[0].fr).toMatch(/\S/);

    const png = await applicant.get(`/credentials/${credential.id}.png`);
    const baked = await applicant.request({
      method: "POST",
      url: `/api/applications/${id}/staff-badges/image?criterion=0&holderName=${encodeURIComponent("Léa, formatrice")}`,
      body: png.rawPayload,
      headers: { "content-type": "image/png", "x-file-name": "badge-lea.png" },
    });
    expect(baked.statusCode, baked.body).toBe(201);
    expect(baked.json()).toMatchObject({ verified: true, source: "image", input: "badge-lea.png" });

    // Only a verified badge counts as evidence for its criterion.
    const detail = json<Detail & { staffBadges: { verified: boolean }[] }>(
      await applicant.get(`/api/applications/${id}`),
    );
    expect(detail.staffBadges).toHaveLength(3);
    expect(detail.missing).not.toContain("0");
    expect(detail.missing).toContain("1");

    // Another CFA can neither add to nor read this application.
    const other = await as("otherApplicant");
    const intrusion = await other.post(`/api/applications/${id}/staff-badges`, {
      criterion: "0",
      holderName: "Intrus",
      text: JSON.stringify(credential.document),
    });
    expect(intrusion.statusCode).toBe(404);
    const removed = await applicant.delete(
      `/api/applications/${id}/staff-badges/${tampered.json().id}`,
    );
    expect(removed.statusCode).toBe(204);
  });

  it("a baked image whose badge holds a NUL character is refused with a reason, and nothing is kept", async () => {
    // NUL passes JSON and the image, but no PostgreSQL text or jsonb can hold it: it used to answer 500.
    const applicant = await as("applicant");
    const created = await applicant.post("/api/applications", {
      organisationId: cfa.id,
      badgeClassId: (await catalogueBadges(platform.ctx))[5]!.id,
    });
    const id = created.json().id;
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: `test:staff-badge-nul:${id}`,
      badgeClassId: badge.id,
      subjectOrgId: otherCfa.id,
      validFrom: new Date(),
    });
    const png = bakePng(
      renderSvgToPng(badgeImageSvg({ title: "Badge", subtitle: "" }), { width: 64 }),
      JSON.stringify({ ...credential.document, name: "Un\u0000nom" }),
      { version: "3.0" },
    );
    const refused = await applicant.request({
      method: "POST",
      url: `/api/applications/${id}/staff-badges/image?criterion=0&holderName=Paul`,
      body: Buffer.from(png),
      headers: { "content-type": "image/png", "x-file-name": "badge.png" },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: "BADGE_NOT_STORABLE",
      message: expect.stringContaining("caractère nul"),
    });
    const detail = json<{ staffBadges: unknown[] }>(await applicant.get(`/api/applications/${id}`));
    expect(detail.staffBadges).toEqual([]);
  });
});
