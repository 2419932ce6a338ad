import { and, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applications,
  auditLog,
  type badgeClasses,
  calendarSessions,
  credentials,
  jobs,
  programmes,
  reviewAssignments,
} from "../src/db/schema";
import { addMonths } from "../src/lib/dates";
import { revokeCredential } from "../src/modules/credentials/credentials.service";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { json, type TestClient } from "./support/client";
import {
  addMember,
  buildOrganisation,
  buildUser,
  catalogueBadges,
  signedInClient,
} from "./support/factories";
import { mailsTo } from "./support/mail";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * What an application must never let happen, played as the people concerned
 * would: a reviewer rewriting a review after reading the other one, a CFA
 * reading its reviewers' names, two decisions racing each other, a CFA
 * applying for a badge it already holds, a reviewer's list that stays empty.
 */
type Badge = typeof badgeClasses.$inferSelect;
type Org = Awaited<ReturnType<typeof buildOrganisation>>;
type User = Awaited<ReturnType<typeof buildUser>>;
type Detail = {
  id: string;
  state: string;
  reviews: { reviewerId: string; state: string; recommendation: string | null; comment: string }[];
  messages: { authorName: string; authorRole: string; body: string }[];
  can: { events: string[]; review: boolean };
};

let platform: TestPlatform;
let cfa: Org;
let badges: Badge[];
let sessionId: string;
const people = {} as Record<
  "applicant" | "manager" | "reviewerA" | "reviewerB" | "reviewerC",
  User
>;
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await createTestPlatform();
  const { ctx } = platform;
  await buildOrganisation(ctx, { name: "Région Normandie", kind: "region" });
  cfa = await buildOrganisation(ctx, { name: "CFA du Bocage" });
  badges = await catalogueBadges(ctx);
  const [programme] = await ctx.db
    .select()
    .from(programmes)
    .where(eq(programmes.slug, "label-cfa"));
  const [session] = await ctx.db
    .insert(calendarSessions)
    .values({
      programmeId: programme!.id,
      name: "Commission de printemps",
      deadline: day(20),
      commissionDate: day(40),
    })
    .returning();
  sessionId = session!.id;
  people.applicant = await buildUser(ctx, { name: "Agathe Candidate" });
  people.manager = await buildUser(ctx, {
    name: "Nadia Gestionnaire",
    platformRoles: ["programme_manager"],
  });
  people.reviewerA = await buildUser(ctx, { name: "Hugo Relecteur", platformRoles: ["reviewer"] });
  people.reviewerB = await buildUser(ctx, {
    name: "Claire Relectrice",
    platformRoles: ["reviewer"],
  });
  people.reviewerC = await buildUser(ctx, { name: "Marc Troisième", platformRoles: ["reviewer"] });
  await addMember(ctx, cfa.id, people.applicant.id, "member");
});
afterAll(() => platform?.close());

const as = (who: keyof typeof people) => signedInClient(platform, people[who].id);

let nextBadge = 0;
/** A complete application of the CFA, submitted to the session, for a badge not used yet. */
async function submittedApplication(): Promise<{ id: string; badge: Badge }> {
  const badge = badges[nextBadge++]!;
  const [row] = await platform.ctx.db
    .insert(applications)
    .values({
      organisationId: cfa.id,
      badgeClassId: badge.id,
      state: "submitted",
      answers: Object.fromEntries(
        badge.criteria.map((_, i) => [String(i), { answer: "Notre dispositif.", links: [] }]),
      ),
      sessionId,
      submittedAt: new Date(),
    })
    .returning();
  return { id: row!.id, badge };
}

/** The same, with reviewers A and B assigned by a manager (over HTTP). */
async function underReview() {
  const application = await submittedApplication();
  const assigned = await (await as("manager")).post(
    `/api/applications/${application.id}/reviewers`,
    { reviewerIds: [people.reviewerA.id, people.reviewerB.id] },
  );
  expect(assigned.statusCode, assigned.body).toBe(200);
  return application;
}

const review = (badge: Badge, recommendation: string, comment: string, rating = 3) => ({
  ratings: Object.fromEntries(badge.criteria.map((_, i) => [String(i), rating])),
  recommendation,
  comment,
});

async function assignment(applicationId: string, reviewerId: string) {
  const [row] = await platform.ctx.db
    .select()
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.applicationId, applicationId),
        eq(reviewAssignments.reviewerId, reviewerId),
      ),
    );
  return row!;
}

describe("blind review: a submitted review is final", () => {
  it("a reviewer who read the other review cannot replace their own", async () => {
    const { id, badge } = await underReview();
    const a = await as("reviewerA");
    const placeholder = await a.post(
      `/api/applications/${id}/review`,
      review(badge, "grant", "À compléter.", 2),
    );
    expect(placeholder.statusCode, placeholder.body).toBe(200);
    await (await as("reviewerB")).post(
      `/api/applications/${id}/review`,
      review(badge, "refuse", "Les preuves du critère 1 manquent."),
    );
    // Reviewer A now reads B's review...
    const read = json<Detail>(await a.get(`/api/applications/${id}`));
    expect(read.reviews.map((r) => r.comment)).toContain("Les preuves du critère 1 manquent.");
    expect(read.can.review).toBe(false);
    // ...and tries to align on it.
    const rewrite = await a.post(
      `/api/applications/${id}/review`,
      review(badge, "refuse", "Je rejoins l'avis de ma collègue.", 1),
    );
    expect(rewrite.statusCode).toBe(409);
    expect(rewrite.json().error).toMatchObject({
      code: "REVIEW_ALREADY_SUBMITTED",
      message:
        "Votre relecture est rendue : elle ne peut plus être modifiée. Si elle doit changer, demandez à la Région de la rouvrir.",
    });
    const kept = await assignment(id, people.reviewerA.id);
    expect(kept).toMatchObject({ recommendation: "grant", comment: "À compléter." });
  });

  it("a manager reopens a review, with a reason written in the audit log; the reviewer is told and reviews again", async () => {
    const { id, badge } = await underReview();
    const a = await as("reviewerA");
    await a.post(`/api/applications/${id}/review`, review(badge, "grant", "Trop rapide."));
    await (await as("reviewerB")).post(
      `/api/applications/${id}/review`,
      review(badge, "revise", "Manque le calendrier."),
    );
    const url = `/api/applications/${id}/reviews/${people.reviewerA.id}/reopen`;
    // Only a manager may reopen it: neither the other reviewer nor the reviewer themselves.
    expect(
      (await (await as("reviewerB")).post(url, { reason: "Je ne suis pas d'accord." })).statusCode,
    ).toBe(403);
    expect((await a.post(url, { reason: "Je veux changer d'avis." })).statusCode).toBe(403);
    const manager = await as("manager");
    const reason = "La relecture a été rendue avant la réception des nouvelles pièces.";
    const reopened = await manager.post(url, { reason });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const [audit] = await platform.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.reopened"), eq(auditLog.targetId, id)));
    expect(audit).toMatchObject({
      actorId: people.manager.id,
      data: { reviewer: people.reviewerA.id, reason },
    });
    expect(
      (await mailsTo(platform, people.reviewerA.email)).some((m) =>
        m.subject.startsWith("Relecture rouverte"),
      ),
    ).toBe(true);
    // Reopened, the review is the reviewer's to write again, blind again.
    const detail = json<Detail>(await a.get(`/api/applications/${id}`));
    expect(detail.can.review).toBe(true);
    expect(detail.reviews.map((r) => r.reviewerId)).toEqual([people.reviewerA.id]);
    // ...and out of the other reviewer's sight until it is back in.
    const other = json<Detail>(await (await as("reviewerB")).get(`/api/applications/${id}`));
    expect(other.reviews.map((r) => r.reviewerId)).toEqual([people.reviewerB.id]);
    const again = await a.post(
      `/api/applications/${id}/review`,
      review(badge, "revise", "Relu avec les nouvelles pièces."),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(await assignment(id, people.reviewerA.id)).toMatchObject({
      state: "submitted",
      comment: "Relu avec les nouvelles pièces.",
    });
    // A review not yet submitted has nothing to reopen.
    const { id: fresh } = await underReview();
    const early = await manager.post(
      `/api/applications/${fresh}/reviews/${people.reviewerA.id}/reopen`,
      { reason },
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("REVIEW_NOT_SUBMITTED");
  });
});

describe("reviewers are anonymous to the applicant", () => {
  it("the CFA reads 'Relecteur 1', 'Relecteur 2' and 'Région' in the dialogue, its emails and the decision; staff read names", async () => {
    const { id } = await underReview();
    await (await as("reviewerB")).post(`/api/applications/${id}/messages`, {
      body: "Pouvez-vous joindre le compte rendu du comité ?",
    });
    await (await as("reviewerA")).post(`/api/applications/${id}/messages`, {
      body: "Et le calendrier de déploiement ?",
    });
    await (await as("manager")).post(`/api/applications/${id}/messages`, {
      body: "La commission se réunit dans six semaines.",
    });
    await (await as("reviewerB")).post(`/api/applications/${id}/messages`, {
      body: "Merci pour vos réponses.",
    });
    await (await as("manager")).post(`/api/applications/${id}/decision`, {
      outcome: "revision_requested",
      motivation: "Ajoutez le compte rendu du comité de pilotage.",
    });
    const names = [people.reviewerA.name, people.reviewerB.name, people.manager.name];

    const applicant = await as("applicant");
    const seen = await applicant.get(`/api/applications/${id}`);
    expect(json<Detail>(seen).messages.map((m) => m.authorName)).toEqual([
      "Relecteur 1",
      "Relecteur 2",
      "Région",
      "Relecteur 1",
    ]);
    for (const name of names) expect(seen.body).not.toContain(name);
    applicant.locale = "en";
    expect(
      json<Detail>(await applicant.get(`/api/applications/${id}`)).messages.map(
        (m) => m.authorName,
      ),
    ).toEqual(["Reviewer 1", "Reviewer 2", "Region", "Reviewer 1"]);

    const mails = await mailsTo(platform, cfa.contactEmail);
    const dialogue = mails.filter((m) => m.subject.startsWith("Nouveau message"));
    expect(dialogue.map((m) => m.text.match(/Nouveau message de (.+?) sur/)?.[1])).toEqual(
      expect.arrayContaining(["Relecteur 1", "Relecteur 2", "la Région"]),
    );
    for (const mail of mails) for (const name of names) expect(mail.text).not.toContain(name);

    // The Region's staff still know who wrote what.
    const staff = json<Detail>(await (await as("manager")).get(`/api/applications/${id}`));
    expect(staff.messages.map((m) => m.authorName)).toEqual([
      people.reviewerB.name,
      people.reviewerA.name,
      people.manager.name,
      people.reviewerB.name,
    ]);
  });

  it("a programme that names its reviewers shows their names to the applicant", async () => {
    const { id } = await underReview();
    await (await as("reviewerA")).post(`/api/applications/${id}/messages`, {
      body: "Une question sur le critère 2.",
    });
    await platform.ctx.db
      .update(programmes)
      .set({ reviewersAnonymous: false })
      .where(eq(programmes.slug, "label-cfa"));
    try {
      const seen = json<Detail>(await (await as("applicant")).get(`/api/applications/${id}`));
      expect(seen.messages.map((m) => m.authorName)).toEqual([people.reviewerA.name]);
    } finally {
      await platform.ctx.db
        .update(programmes)
        .set({ reviewersAnonymous: true })
        .where(eq(programmes.slug, "label-cfa"));
    }
  });
});

/**
 * Two requests that both read the application in the same state. On
 * PostgreSQL the row is held locked while both are sent, in a known order,
 * so that both have read it before either writes; on PGlite they are sent
 * together.
 */
async function race(
  applicationId: string,
  first: () => ReturnType<TestClient["post"]>,
  second: () => ReturnType<TestClient["post"]>,
) {
  const url = platform.databaseUrl;
  if (!url) return Promise.all([first(), second()]);
  const locker = new pg.Client({ connectionString: url });
  const watcher = new pg.Client({ connectionString: url });
  await locker.connect();
  await watcher.connect();
  try {
    await locker.query("BEGIN");
    await locker.query("SELECT 1 FROM applications WHERE id = $1 FOR UPDATE", [applicationId]);
    const waiting = async (n: number) => {
      await expect
        .poll(
          async () =>
            (
              await watcher.query<{ n: number }>(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
              )
            ).rows[0]!.n,
          { timeout: 10_000, interval: 20 },
        )
        .toBe(n);
    };
    const a = first();
    await waiting(1);
    const b = second();
    await waiting(2);
    await locker.query("COMMIT");
    return await Promise.all([a, b]);
  } finally {
    await locker.end();
    await watcher.end();
  }
}

async function stateOf(id: string) {
  const [row] = await platform.ctx.db.select().from(applications).where(eq(applications.id, id));
  return row!.state;
}

async function issuedFor(id: string) {
  await platform.worker.drain();
  await platform.worker.drain();
  const issued = await platform.ctx.db
    .select()
    .from(credentials)
    .where(eq(credentials.grantKey, `application:${id}`));
  const queued = await platform.ctx.db
    .select()
    .from(jobs)
    .where(eq(jobs.uniqueKey, `issue:application:${id}`));
  return { issued: issued.length, queued: queued.length };
}

describe("every transition is one guarded update", () => {
  const grant = (id: string) => async () =>
    (await as("manager")).post(`/api/applications/${id}/decision`, {
      outcome: "granted",
      motivation: "Dossier complet.",
    });
  const withdraw = (id: string) => async () =>
    (await as("applicant")).post(`/api/applications/${id}/withdraw`, {});

  it("a withdrawal arriving just after a grant is refused: the badge is issued once, the application stays granted", async () => {
    const { id } = await underReview();
    const [granted, withdrawn] = await race(id, grant(id), withdraw(id));
    expect(granted.statusCode, granted.body).toBe(200);
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json().error).toMatchObject({
      code: "APPLICATION_ALREADY_DECIDED",
      message: "Cette demande est déjà close : elle ne peut plus changer.",
    });
    expect(await stateOf(id)).toBe("granted");
    expect(await issuedFor(id)).toEqual({ issued: 1, queued: 1 });
  });

  it("a grant arriving just after a withdrawal is refused: nothing is issued for a withdrawn application", async () => {
    const { id } = await underReview();
    const [withdrawn, granted] = await race(id, withdraw(id), grant(id));
    const codes = [withdrawn.statusCode, granted.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const final = await stateOf(id);
    if (withdrawn.statusCode === 200) {
      expect(final).toBe("withdrawn");
      expect(await issuedFor(id)).toEqual({ issued: 0, queued: 0 });
    } else {
      // PGlite may run them in the other order; the outcome is then the first test's.
      expect(final).toBe("granted");
      expect(await issuedFor(id)).toEqual({ issued: 1, queued: 1 });
    }
    if (platform.databaseUrl) expect(withdrawn.statusCode).toBe(200);
  });

  it("a panel change arriving just after a withdrawal does not bring the application back", async () => {
    const { id } = await submittedApplication();
    const assign = async () =>
      (await as("manager")).post(`/api/applications/${id}/reviewers`, {
        reviewerIds: [people.reviewerA.id, people.reviewerC.id],
      });
    const [withdrawn, assigned] = await race(id, withdraw(id), assign);
    if (platform.databaseUrl) {
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(assigned.statusCode).toBe(409);
      expect(assigned.json().error.code).toBe("APPLICATION_ALREADY_DECIDED");
      expect(await stateOf(id)).toBe("withdrawn");
      // Nobody was asked to review a withdrawn application.
      expect(
        await platform.ctx.db
          .select()
          .from(reviewAssignments)
          .where(eq(reviewAssignments.applicationId, id)),
      ).toEqual([]);
    } else {
      expect([withdrawn.statusCode, assigned.statusCode].sort()).toEqual([200, 409]);
      expect(await stateOf(id)).toBe(withdrawn.statusCode === 200 ? "withdrawn" : "under_review");
    }
  });
});

describe("a reviewer's own list", () => {
  it("names each assigned application with its session, its deadline and whether the review is in", async () => {
    const { id, badge } = await underReview();
    const newcomer = await buildUser(platform.ctx, { platformRoles: ["reviewer"] });
    const c = await signedInClient(platform, newcomer.id);
    expect(
      json<{ applications: unknown[] }>(await c.get("/api/applications?mine=true")).applications,
    ).toEqual([]);
    await (await as("manager")).post(`/api/applications/${id}/reviewers`, {
      reviewerIds: [people.reviewerA.id, people.reviewerB.id, newcomer.id],
    });
    type Row = {
      id: string;
      badge: { name: string };
      organisation: { name: string };
      session: { name: string; deadline: string; commissionDate: string } | null;
      myReview: string | null;
    };
    const [row] = json<{ applications: Row[] }>(
      await c.get("/api/applications?mine=true"),
    ).applications;
    expect(row).toMatchObject({
      id,
      badge: { name: badge.name },
      organisation: { name: cfa.name },
      session: { name: "Commission de printemps", deadline: day(20), commissionDate: day(40) },
      myReview: "assigned",
    });
    await c.post(`/api/applications/${id}/review`, review(badge, "grant", "Complet."));
    const [after] = json<{ applications: Row[] }>(
      await c.get("/api/applications?mine=true"),
    ).applications;
    expect(after!.myReview).toBe("submitted");
  });
});

describe("a badge the CFA already holds", () => {
  const open = async (badge: Badge, kind: "first" | "renewal", locale: "fr" | "en" = "fr") => {
    const client = await as("applicant");
    client.locale = locale;
    return client.post("/api/applications", {
      organisationId: cfa.id,
      badgeClassId: badge.id,
      kind,
    });
  };
  const count = async (badge: Badge) =>
    (
      await platform.ctx.db
        .select()
        .from(applications)
        .where(
          and(eq(applications.organisationId, cfa.id), eq(applications.badgeClassId, badge.id)),
        )
    ).length;
  const hold = (badge: Badge, validFrom: Date) =>
    issueCredential(platform.ctx, {
      grantKey: `test:held:${badge.id}:${validFrom.getTime()}`,
      badgeClassId: badge.id,
      subjectOrgId: cfa.id,
      validFrom,
    });

  it("is refused a first award while its badge is valid, with a clear message, and nothing is created", async () => {
    const badge = badges[nextBadge++]!;
    await hold(badge, new Date());
    const first = await open(badge, "first");
    expect(first.statusCode).toBe(409);
    expect(first.json().error).toMatchObject({
      code: "BADGE_ALREADY_HELD",
      message:
        "Votre organisation détient déjà ce badge et il est encore valable : une nouvelle demande ne sera possible qu'en renouvellement, dans les six mois qui précèdent son échéance.",
    });
    expect((await open(badge, "first", "en")).json().error.message).toBe(
      "Your organisation already holds this badge and it is still valid: a new application will only be possible as a renewal, in the six months before it ends.",
    );
    // Too early for a renewal as well.
    expect((await open(badge, "renewal")).json().error.code).toBe("BADGE_ALREADY_HELD");
    expect(await count(badge)).toBe(0);
  });

  it("inside the renewal window, is offered the renewal instead of a first award", async () => {
    const badge = badges[nextBadge++]!;
    // Three months before the end of its validity.
    await hold(badge, addMonths(new Date(), 3 - badge.validityMonths));
    const first = await open(badge, "first");
    expect(first.statusCode).toBe(409);
    expect(first.json().error).toMatchObject({
      code: "BADGE_RENEWAL_DUE",
      message:
        "Votre organisation détient ce badge et il arrive à échéance : demandez son renouvellement plutôt qu'une première attribution.",
    });
    expect(await count(badge)).toBe(0);
    const renewal = await open(badge, "renewal");
    expect(renewal.statusCode, renewal.body).toBe(201);
    const [row] = await platform.ctx.db
      .select()
      .from(applications)
      .where(eq(applications.id, renewal.json().id));
    expect(row!.kind).toBe("renewal");
  });

  it("a badge withdrawn from the CFA, or expired, can be applied for again", async () => {
    const revoked = badges[nextBadge++]!;
    const { credential } = await hold(revoked, new Date());
    await revokeCredential(platform.ctx, credential.id, "Contrôle négatif.", {
      kind: "system",
      label: "test",
    });
    expect((await open(revoked, "first")).statusCode).toBe(201);
    const expired = badges[nextBadge++]!;
    await hold(expired, addMonths(new Date(), -expired.validityMonths - 1));
    expect((await open(expired, "first")).statusCode).toBe(201);
  });
});
