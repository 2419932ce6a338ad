import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, credentials, devMail, jobs, partnerBadges, users } from "../src/db/schema";
import { TestClient } from "./support/client";
import { buildOrganisation } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";
import { buildPushingPartner } from "./support/pushing-partner";

/**
 * A partner's system pushes many badges in one request (an array): each has
 * its answer, received, duplicate or refused with its code, in order; the
 * person's regional badges are evaluated once per array, and re-sending the
 * whole array (resuming a push) changes nothing.
 */
let platform: TestPlatform;
let partner: Awaited<ReturnType<typeof buildPushingPartner>>;

beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  partner = await buildPushingPartner(platform.ctx);
});
afterAll(() => platform?.close());

function push(body: unknown, key = partner.secret) {
  return new TestClient(platform.app).request({
    method: "POST",
    url: "/api/partner-badges",
    body,
    headers: { authorization: `Bearer ${key}` },
    csrf: false,
  });
}

async function regionalSlugs(email: string) {
  const rows = await platform.ctx.db
    .select({ slug: badgeClasses.slug })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .innerJoin(users, eq(users.id, credentials.subjectUserId))
    .where(and(eq(users.email, email), like(credentials.grantKey, "regional:%")));
  return rows.map((r) => r.slug).sort();
}

const pendingEvaluations = async () =>
  (
    await platform.ctx.db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(jobs)
      .where(and(eq(jobs.queue, "competences.evaluate"), eq(jobs.status, "pending")))
  )[0]!.n;

describe("a push of many badges at once", () => {
  it("answers each badge in order, evaluates each person once, and a resumed push adds nothing", async () => {
    const ana = "ana.batch@exemple.fr";
    const bruno = "bruno.batch@exemple.fr";
    const anaOrganiser = await partner.badge(0, ana);
    const body = [
      { recipient: { email: ana, name: "Ana" }, badge: anaOrganiser },
      { recipient: { email: ana }, badge: await partner.badge(1, ana) },
      { recipient: { email: bruno }, badge: await partner.badge(2, bruno) },
      // Issued to Bruno, pushed for someone else: refused, the others still go in.
      { recipient: { email: "carla.batch@exemple.fr" }, badge: await partner.badge(3, bruno) },
      // The same badge twice in one array is kept once.
      { recipient: { email: ana }, badge: anaOrganiser },
    ];
    await platform.worker.drain();
    const first = await push(body);
    expect(first.statusCode, first.body).toBe(200);
    const results = first.json().results as { status: string; code: string | null }[];
    expect(results.map((r) => r.status)).toEqual([
      "received",
      "received",
      "received",
      "refused",
      "duplicate",
    ]);
    expect(results[3]).toMatchObject({
      code: "PARTNER_BADGE_RECIPIENT_MISMATCH",
      message: { fr: expect.stringContaining("adresse"), en: expect.stringContaining("address") },
    });
    expect(results[0]).toMatchObject({ counts: true, code: null });
    expect(first.json().results[4].id).toBe(first.json().results[0].id);
    // One evaluation per person, not per badge: Ana's two badges queue one job.
    expect(await pendingEvaluations()).toBe(2);
    const noCarla = await platform.ctx.db
      .select()
      .from(users)
      .where(eq(users.email, "carla.batch@exemple.fr"));
    expect(noCarla).toEqual([]);

    await platform.worker.drain();
    expect(await regionalSlugs(ana)).toEqual(["organiser-1", "s-adapter-1"]);
    expect(await regionalSlugs(bruno)).toEqual(["communiquer-1"]);
    const anaMails = await platform.ctx.db.select().from(devMail).where(eq(devMail.to, ana));
    expect(anaMails).toHaveLength(2);

    // The partner's system crashed and re-sends everything: nothing new.
    const again = await push(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().results.map((r: { status: string }) => r.status)).toEqual([
      "duplicate",
      "duplicate",
      "duplicate",
      "refused",
      "duplicate",
    ]);
    await platform.worker.drain();
    expect(await regionalSlugs(ana)).toEqual(["organiser-1", "s-adapter-1"]);
    const stored = await platform.ctx.db
      .select()
      .from(partnerBadges)
      .innerJoin(users, eq(users.id, partnerBadges.earnerId))
      .where(like(users.email, "%.batch@exemple.fr"));
    expect(stored).toHaveLength(3);
    expect(await platform.ctx.db.select().from(devMail).where(eq(devMail.to, ana))).toHaveLength(2);
  });

  it("refuses an empty array, more than 500 badges, or no key, and stores nothing", async () => {
    expect((await push([])).statusCode).toBe(400);
    const item = { recipient: { email: "dora.batch@exemple.fr" }, badge: "x" };
    const tooMany = await push(Array.from({ length: 501 }, () => item));
    expect(tooMany.statusCode).toBe(400);
    const signed = await partner.badge(0, "dora.batch@exemple.fr");
    const anonymous = await push(
      [{ recipient: { email: "dora.batch@exemple.fr" }, badge: signed }],
      "blason_sk_wrong",
    );
    expect(anonymous.statusCode).toBe(401);
    // A malformed field is named, in one push or in an array.
    const badAddress = { recipient: { email: "pas une adresse" }, badge: signed };
    expect((await push(badAddress)).json().error.fields).toHaveProperty(["recipient.email"]);
    expect((await push([item, badAddress])).json().error.fields).toHaveProperty([
      "1.recipient.email",
    ]);
    const dora = await platform.ctx.db
      .select()
      .from(users)
      .where(eq(users.email, "dora.batch@exemple.fr"));
    expect(dora).toEqual([]);
  });
});
