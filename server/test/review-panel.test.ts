import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApplication } from "./support/applications";
import { json } from "./support/client";
import { addMember, buildOrganisation, buildUser } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";
import { buildWorld, clientAs, type World } from "./support/world";

type Offered = { id: string; name: string; excluded: string | null };

let platform: TestPlatform;
let world: World;
let conflicted: { id: string };
let atSite: { id: string };

beforeAll(async () => {
  platform = await createTestPlatform();
  world = await buildWorld(platform);
  const { ctx } = platform;
  conflicted = await buildUser(ctx, { platformRoles: ["reviewer"] });
  await addMember(ctx, world.cfaId, conflicted.id, "member");
  const site = await buildOrganisation(ctx, {
    name: "UFA Matrice",
    kind: "ufa",
    parentId: world.cfaId,
  });
  atSite = await buildUser(ctx, { platformRoles: ["reviewer"] });
  await addMember(ctx, site.id, atSite.id, "member");
});
afterAll(() => platform?.close());

const offeredFor = async (applicationId: string) => {
  const manager = await clientAs(world, "manager");
  const res = await manager.get(`/api/reviewers?applicationId=${applicationId}`);
  expect(res.statusCode, res.body).toBe(200);
  return new Map(json<{ reviewers: Offered[] }>(res).reviewers.map((r) => [r.id, r.excluded]));
};

describe("the reviewers offered for one application's panel", () => {
  it("never offers a conflicted reviewer, and says why", async () => {
    const app = await buildApplication(platform.ctx, {
      organisationId: world.cfaId,
      state: "submitted",
    });
    const offered = await offeredFor(app.id);
    expect(offered.get(conflicted.id)).toBe("OWN_ORGANISATION");
    expect(offered.get(atSite.id)).toBe("SITE_OF_ORGANISATION");
    expect(offered.get(world.users.reviewer.id)).toBeNull();
    expect(offered.get(world.extraReviewerId)).toBeNull();
    // What is offered is what the assignment accepts.
    const manager = await clientAs(world, "manager");
    const eligible = [...offered].filter(([, why]) => why === null).map(([id]) => id);
    const assigned = await manager.post(`/api/applications/${app.id}/reviewers`, {
      reviewerIds: eligible,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
  });

  it("no longer offers a reviewer who stepped aside from it", async () => {
    const app = await buildApplication(platform.ctx, {
      organisationId: world.cfaId,
      state: "submitted",
      reviewers: [world.users.reviewer.id, world.extraReviewerId],
    });
    const reviewer = await clientAs(world, "reviewer");
    const recused = await reviewer.post(`/api/applications/${app.id}/recuse`, {
      reason: "Je connais la directrice.",
    });
    expect(recused.statusCode, recused.body).toBe(204);
    const offered = await offeredFor(app.id);
    expect(offered.get(world.users.reviewer.id)).toBe("REVIEWER_RECUSED");
    expect(offered.get(world.extraReviewerId)).toBeNull();
  });

  it("is for managers only: the CFA and the reviewers are refused", async () => {
    const app = await buildApplication(platform.ctx, { organisationId: world.cfaId });
    for (const role of ["cfaAdmin", "reviewer", "outsider"] as const) {
      const res = await (await clientAs(world, role)).get(`/api/reviewers?applicationId=${app.id}`);
      expect(res.statusCode, role).toBeGreaterThanOrEqual(403);
    }
  });
});
