import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "../src/modules/demo/seed";
import { listAdviserProfiles, listSupportRequests } from "../src/modules/support/support.repo";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
  await seedDemo(platform.ctx);
});
afterAll(() => platform?.close());

it("the demo has an adviser with an open support request from another CFA", async () => {
  const advisers = await listAdviserProfiles(platform.ctx.db);
  expect(advisers.map((a) => [a.name, a.openCount])).toEqual([["CFA de l'Industrie de Rouen", 1]]);
  const [request] = await listSupportRequests(platform.ctx.db);
  expect(request?.request.state).toBe("open");
  expect(request?.asker.name).toBe("CFA des Métiers du Calvados");
  expect(request?.adviser?.name).toBe("CFA de l'Industrie de Rouen");
});
