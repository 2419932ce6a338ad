import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganisationRow } from "../src/modules/organisations/organisations.repo";
import { buildApplication } from "./support/applications";
import type { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { mailsTo } from "./support/mail";
import { buildPairing, obtainLabel } from "./support/mentoring";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Mentoring through the API: a manager pairs two CFAs (never of the same
 * organisation or group), the mentee chooses what its mentor sees and the
 * routes hold to it, the thread emails the other side, and a pairing stops
 * at its end, when a manager ends it, or when the mentee obtains the label.
 */
let platform: TestPlatform;
let manager: TestClient;

type Side = { org: OrganisationRow; email: string; client: TestClient };
async function cfaWithStaff(name: string): Promise<Side> {
  const org = await buildOrganisation(platform.ctx, { name });
  const user = await buildUser(platform.ctx, { name: `Direction ${name}` });
  await addMember(platform.ctx, org.id, user.id, "admin");
  return { org, email: user.email, client: await signedInClient(platform, user.id) };
}

const pair = (body: Record<string, unknown>) =>
  manager.request({ method: "POST", url: "/api/mentoring/pairings", body });
const get = (client: TestClient, url: string) => client.request({ method: "GET", url });

beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  const user = await buildUser(platform.ctx, { platformRoles: ["programme_manager"] });
  manager = await signedInClient(platform, user.id);
});
afterAll(() => platform?.close());

describe("pairing a mentee with a mentor", () => {
  it("pairs two CFAs for a year and tells both sides", async () => {
    const mentee = await cfaWithStaff("CFA Filleul");
    const mentor = await cfaWithStaff("CFA Parrain");
    const response = await pair({ menteeId: mentee.org.id, mentorId: mentor.org.id });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json();
    const detail = (await get(mentee.client, `/api/mentoring/pairings/${id}`)).json();
    expect(detail).toMatchObject({
      side: "mentee",
      status: "active",
      sharing: { progress: false, drafts: false },
      mentor: { name: "CFA Parrain" },
    });
    const days = (Date.parse(detail.endsAt) - Date.parse(detail.startsAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(365);
    expect(days).toBeLessThanOrEqual(366);
    expect((await mailsTo(platform, mentee.email)).map((m) => m.subject)).toEqual([
      "Votre parrain : CFA Parrain",
    ]);
    expect((await mailsTo(platform, mentor.email)).map((m) => m.subject)).toEqual([
      "Vous parrainez CFA Filleul",
    ]);
  });

  it("refuses the same organisation, a site, and a second open pairing", async () => {
    const mentee = await cfaWithStaff("CFA Seul");
    const mentor = await cfaWithStaff("CFA Autre");
    const site = await buildOrganisation(platform.ctx, { kind: "ufa", parentId: mentee.org.id });
    const self = await pair({ menteeId: mentee.org.id, mentorId: mentee.org.id });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe("MENTOR_CONFLICT_OF_INTEREST");
    const ufa = await pair({ menteeId: mentee.org.id, mentorId: site.id });
    expect(ufa.json().error.code).toBe("MENTORING_NOT_CFA");
    const backwards = await pair({
      menteeId: mentee.org.id,
      mentorId: mentor.org.id,
      startsAt: "2027-01-10T00:00:00Z",
      endsAt: "2027-01-01T00:00:00Z",
    });
    expect(backwards.json().error.code).toBe("MENTORING_DATES_INVALID");
    expect((await pair({ menteeId: mentee.org.id, mentorId: mentor.org.id })).statusCode).toBe(201);
    const again = await pair({ menteeId: mentee.org.id, mentorId: mentor.org.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("MENTEE_ALREADY_PAIRED");
  });

  it("makes one pairing of several managers' pairings at once", async () => {
    const mentee = await cfaWithStaff("CFA Disputé");
    const mentors = await Promise.all([1, 2, 3, 4].map((n) => cfaWithStaff(`CFA Candidat ${n}`)));
    const answers = await Promise.all(
      mentors.map((m) => pair({ menteeId: mentee.org.id, mentorId: m.org.id })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const listed = (await get(mentee.client, "/api/mentoring")).json();
    expect(listed.pairings).toHaveLength(1);
  });

  it("answers a CFA's request for a mentor", async () => {
    const mentee = await cfaWithStaff("CFA Demandeur");
    const mentor = await cfaWithStaff("CFA Aidant");
    const asked = await mentee.client.request({
      method: "POST",
      url: "/api/mentoring/requests",
      body: { organisationId: mentee.org.id, message: "Nous préparons le label : un parrain ?" },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const twice = await mentee.client.request({
      method: "POST",
      url: "/api/mentoring/requests",
      body: { organisationId: mentee.org.id, message: "Encore nous" },
    });
    expect(twice.json().error.code).toBe("MENTORING_ALREADY_REQUESTED");
    // Asked twice at once by another CFA: one request stays open.
    const other = await cfaWithStaff("CFA Pressé");
    const atOnce = await Promise.all(
      [1, 2, 3].map(() =>
        other.client.request({
          method: "POST",
          url: "/api/mentoring/requests",
          body: { organisationId: other.org.id, message: "Un parrain, vite !" },
        }),
      ),
    );
    expect(atOnce.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    const listed = (await get(manager, "/api/mentoring")).json();
    expect(listed.requests.find((r: { id: string }) => r.id === asked.json().id)).toMatchObject({
      state: "open",
      organisation: { name: "CFA Demandeur" },
    });
    const paired = await pair({
      menteeId: mentee.org.id,
      mentorId: mentor.org.id,
      requestId: asked.json().id,
    });
    expect(paired.statusCode).toBe(201);
    const mine = (await get(mentee.client, "/api/mentoring")).json();
    expect(mine.requests).toEqual([
      expect.objectContaining({ state: "paired", pairingId: paired.json().id }),
    ]);
    expect(mine.pairings.map((p: { id: string }) => p.id)).toEqual([paired.json().id]);
  });
});

describe("what the mentor sees", () => {
  it("is exactly what the mentee shares, changed at any time", async () => {
    const mentee = await cfaWithStaff("CFA Partage");
    const mentor = await cfaWithStaff("CFA Lecteur");
    const stranger = await cfaWithStaff("CFA Étranger");
    await buildApplication(platform.ctx, { organisationId: mentee.org.id });
    const { id } = await buildPairing(platform.ctx, {
      menteeId: mentee.org.id,
      mentorId: mentor.org.id,
    });
    const progress = `/api/mentoring/pairings/${id}/progress`;
    const drafts = `/api/mentoring/pairings/${id}/drafts`;
    // Nothing shared yet: the mentor reads the pairing, not the mentee's file.
    expect((await get(mentor.client, `/api/mentoring/pairings/${id}`)).statusCode).toBe(200);
    expect((await get(mentor.client, progress)).statusCode).toBe(403);
    expect((await get(mentor.client, drafts)).statusCode).toBe(403);

    const share = (progress: boolean, drafts: boolean) =>
      mentee.client.request({
        method: "PUT",
        url: `/api/mentoring/pairings/${id}/sharing`,
        body: { progress, drafts },
      });
    expect((await share(true, false)).json().sharing).toEqual({ progress: true, drafts: false });
    const picture = await get(mentor.client, progress);
    expect(picture.statusCode).toBe(200);
    expect(picture.json().badges.length).toBeGreaterThan(0);
    // The picture, not the files: the application behind a pending badge is not linked.
    expect(
      picture.json().badges.find((b: { state: string }) => b.state === "pending"),
    ).toMatchObject({ applicationId: null });
    expect((await get(mentor.client, drafts)).statusCode).toBe(403);
    const seen = (await get(mentor.client, `/api/mentoring/pairings/${id}`)).json();
    expect(seen.can).toMatchObject({ readProgress: true, readDrafts: false, share: false });

    await share(false, true);
    expect((await get(mentor.client, progress)).statusCode).toBe(403);
    const read = await get(mentor.client, drafts);
    expect(read.statusCode).toBe(200);
    expect(read.json().drafts).toHaveLength(1);
    expect(read.json().drafts[0].criteria[0]).toMatchObject({ answer: "Oui" });

    // The mentor cannot change the choice; another CFA does not even see the pairing.
    const mentorShares = await mentor.client.request({
      method: "PUT",
      url: `/api/mentoring/pairings/${id}/sharing`,
      body: { progress: true, drafts: true },
    });
    expect(mentorShares.statusCode).toBe(403);
    for (const url of [`/api/mentoring/pairings/${id}`, progress, drafts])
      expect((await get(stranger.client, url)).statusCode).toBe(404);
  });
});

describe("the shared thread", () => {
  it("emails the other side, never the author", async () => {
    const mentee = await cfaWithStaff("CFA Écrit");
    const mentor = await cfaWithStaff("CFA Répond");
    const { id } = await buildPairing(platform.ctx, {
      menteeId: mentee.org.id,
      mentorId: mentor.org.id,
    });
    const posted = await mentor.client.request({
      method: "POST",
      url: `/api/mentoring/pairings/${id}/messages`,
      body: { body: "Voyons-nous jeudi pour vos preuves ?" },
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().messages).toEqual([
      expect.objectContaining({
        authorRole: "mentor",
        authorName: "Direction CFA Répond (CFA Répond)",
        body: "Voyons-nous jeudi pour vos preuves ?",
      }),
    ]);
    const [mail] = await mailsTo(platform, mentee.email);
    expect(mail?.subject).toBe("Parrainage : nouveau message de CFA Répond");
    expect(mail?.text).toContain("Voyons-nous jeudi pour vos preuves ?");
    expect(mail?.text).toContain(`/parrainage/${id}`);
    expect(await mailsTo(platform, mentor.email)).toEqual([]);
  });
});

describe("the end of a pairing", () => {
  it("comes when the mentee obtains the label: the mentor sees nothing more", async () => {
    const mentee = await cfaWithStaff("CFA Labellisé");
    const mentor = await cfaWithStaff("CFA Fier");
    const { id } = await buildPairing(platform.ctx, {
      menteeId: mentee.org.id,
      mentorId: mentor.org.id,
      shareProgress: true,
    });
    expect((await get(mentor.client, `/api/mentoring/pairings/${id}/progress`)).statusCode).toBe(
      200,
    );
    await obtainLabel(platform.ctx, mentee.org.id);
    const detail = (await get(mentor.client, `/api/mentoring/pairings/${id}`)).json();
    expect(detail.status).toBe("label_obtained");
    expect(detail.can).toMatchObject({ write: false, readProgress: false });
    expect((await get(mentor.client, `/api/mentoring/pairings/${id}/progress`)).statusCode).toBe(
      403,
    );
    const late = await mentor.client.request({
      method: "POST",
      url: `/api/mentoring/pairings/${id}/messages`,
      body: { body: "Bravo !" },
    });
    expect(late.json().error.code).toBe("MENTORING_NOT_ACTIVE");
    // Both sides hear that the label ends the pairing, once.
    for (const side of [mentee, mentor])
      expect(
        (await mailsTo(platform, side.email)).filter((m) => m.subject.startsWith("Label obtenu")),
      ).toHaveLength(1);
  });

  it("comes when a manager ends it, once", async () => {
    const mentee = await cfaWithStaff("CFA Fin");
    const mentor = await cfaWithStaff("CFA Fin Parrain");
    const { id } = await buildPairing(platform.ctx, {
      menteeId: mentee.org.id,
      mentorId: mentor.org.id,
      shareDrafts: true,
    });
    const end = () =>
      manager.request({ method: "POST", url: `/api/mentoring/pairings/${id}/end`, body: {} });
    expect((await end()).statusCode).toBe(204);
    expect((await end()).json().error.code).toBe("MENTORING_NOT_ACTIVE");
    expect((await get(mentor.client, `/api/mentoring/pairings/${id}/drafts`)).statusCode).toBe(403);
    expect((await get(mentee.client, `/api/mentoring/pairings/${id}`)).json().status).toBe("ended");
    // Ended, the mentee may be paired again.
    expect((await pair({ menteeId: mentee.org.id, mentorId: mentor.org.id })).statusCode).toBe(201);
  });
});
