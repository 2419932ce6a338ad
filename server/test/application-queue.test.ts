import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications } from "../src/db/schema";
import { buildApplication } from "./support/applications";
import type { TestClient } from "./support/client";
import { json } from "./support/client";
import { buildOrganisation, buildUser } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";
import { buildCalendarSession, buildWorld, clientAs, type World } from "./support/world";

type QueuePage = {
  rows: {
    id: string;
    state: string;
    organisation: { name: string };
    session: { id: string; name: string; commissionDate: string } | null;
    reviewers: string[];
    reviewDeadline: string | null;
  }[];
  total: number;
  counts: Record<string, number>;
};

let platform: TestPlatform;
let world: World;
let manager: TestClient;
let laterSessionId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  world = await buildWorld(platform);
  const { ctx } = platform;
  const later = await buildCalendarSession(platform, {
    name: "Session d'automne",
    deadlineInDays: 90,
  });
  laterSessionId = later.id;
  const reviewer = await buildUser(ctx, { name: "Alice Relectrice", platformRoles: ["reviewer"] });
  for (let i = 0; i < 30; i++) {
    const org = await buildOrganisation(ctx, { name: `CFA numéro ${String(i).padStart(2, "0")}` });
    const app = await buildApplication(ctx, {
      organisationId: org.id,
      state: i % 3 === 0 ? "under_review" : "submitted",
      reviewers: i % 3 === 0 ? [reviewer.id] : [],
    });
    if (i < 4) await moveToSession(app.id, laterSessionId);
  }
  await buildApplication(ctx, { organisationId: world.cfaId });
  manager = await clientAs(world, "manager");
});
afterAll(() => platform?.close());

async function moveToSession(applicationId: string, sessionId: string) {
  await platform.ctx.db
    .update(applications)
    .set({ sessionId })
    .where(eq(applications.id, applicationId));
}

async function page(query: string): Promise<QueuePage> {
  const res = await manager.get(`/api/manager/applications?${query}`);
  expect(res.statusCode).toBe(200);
  return json(res) as QueuePage;
}

describe("the managers' queue", () => {
  it("pages the sent applications (drafts left out) and counts them per state", async () => {
    const first = await page("pageSize=10&sort=organisation&direction=asc");
    expect(first.total).toBe(30);
    expect(first.counts).toEqual({ submitted: 20, under_review: 10 });
    expect(first.rows.map((r) => r.organisation.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `CFA numéro ${String(i).padStart(2, "0")}`),
    );
    const third = await page("pageSize=10&page=3&sort=organisation&direction=asc");
    expect(third.rows[9]?.organisation.name).toBe("CFA numéro 29");
  });

  it("filters to one session and one state, the counts following the session", async () => {
    const inSession = await page(`sessionId=${laterSessionId}`);
    expect(inSession.total).toBe(4);
    expect(inSession.rows.every((r) => r.session?.name === "Session d'automne")).toBe(true);
    const reviewed = await page(`sessionId=${laterSessionId}&state=under_review`);
    expect(reviewed.total).toBe(2);
    expect(reviewed.counts).toEqual({ submitted: 2, under_review: 2 });
  });

  it("shows each panel's reviewers and the review deadline, a week before the commission", async () => {
    const reviewed = await page("state=under_review&pageSize=1");
    const row = reviewed.rows[0]!;
    expect(row.reviewers).toEqual(["Alice Relectrice"]);
    const commission = new Date(`${row.session!.commissionDate}T00:00:00Z`);
    expect(new Date(`${row.reviewDeadline}T00:00:00Z`).getTime()).toBe(
      commission.getTime() - 7 * 86_400_000,
    );
  });

  it("searches organisation names, wildcards taken literally", async () => {
    expect((await page("q=num%C3%A9ro%2007")).total).toBe(1);
    expect((await page("q=%25")).total).toBe(0);
  });

  it("exports the same filter as CSV, in the reader's language", async () => {
    const res = await manager.get(`/api/manager/applications.csv?sessionId=${laterSessionId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.body
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toContain('"Relecteurs"');
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).every((l) => l.includes("Session d'automne"))).toBe(true);
  });

  it("refuses a reviewer and a CFA", async () => {
    for (const role of ["reviewer", "cfaAdmin"] as const) {
      const client = await clientAs(world, role);
      expect((await client.get("/api/manager/applications")).statusCode).toBe(403);
    }
  });
});
