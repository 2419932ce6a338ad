import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, organisations } from "../../src/db/schema";
import { repoRoot } from "../../src/paths";
import { type BrowserWorld, expectAccessible, startBrowserWorld } from "./harness";

/** The manager composes a panel: a reviewer with a conflict of interest is not offered. */
let world: BrowserWorld;
const MANAGER = "gestion@region-normandie.example";
const ROUEN = "contact@cfa-industrie-rouen.example";
const screenshots = path.join(repoRoot, "docs/screenshots");

beforeAll(async () => {
  world = await startBrowserWorld();
});
afterAll(() => world?.close());

describe("the reviewer panel", () => {
  it("does not offer Rouen's own reviewer for Rouen's application, and says why", async () => {
    const [application] = await world.platform.ctx.db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(and(eq(organisations.contactEmail, ROUEN), eq(applications.state, "under_review")));
    const manager = await world.signedIn(MANAGER);
    await manager.goto(`/demandes/${application!.id}`);
    const panel = manager.getByRole("region", { name: "Relecteurs" });
    const peers = panel.getByRole("group", { name: "Groupe des pairs" });
    await peers.getByRole("checkbox").first().waitFor();
    expect(await peers.getByRole("checkbox", { name: /Hugo Martin/ }).count()).toBe(0);
    expect(await peers.getByRole("checkbox", { name: /Claire Petit/ }).count()).toBe(1);
    const excluded = panel.getByRole("list", { name: "Non proposés pour ce panel" });
    await expect
      .poll(() => excluded.textContent())
      .toContain("Hugo Martin travaille dans cette organisation.");
    await expectAccessible(manager, "reviewer panel");
    await panel.screenshot({ path: path.join(screenshots, "review-panel.png") });
    await manager.context().close();
  }, 60_000);
});
