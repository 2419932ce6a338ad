import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials } from "../src/db/schema";
import type { TestClient } from "./support/client";
import { json } from "./support/client";
import { buildCredential } from "./support/credentials";
import { buildOrganisation } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";
import { buildWorld, clientAs, type World } from "./support/world";

type IssuedPage = {
  rows: { id: string; state: string; holder: string; badge: { name: string } }[];
  total: number;
  counts: Record<string, number>;
};

let platform: TestPlatform;
let world: World;
let manager: TestClient;
let calvadosId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  world = await buildWorld(platform);
  const { ctx } = platform;
  const calvados = await buildOrganisation(ctx, { name: "CFA du Calvados" });
  calvadosId = calvados.id;
  const rouen = await buildOrganisation(ctx, { name: "CFA de Rouen" });
  const revoked = await buildCredential(ctx, { organisationId: calvados.id });
  await buildCredential(ctx, { organisationId: rouen.id });
  await buildCredential(ctx, { organisationId: rouen.id });
  await ctx.db
    .update(credentials)
    .set({ revokedAt: new Date(), revocationReason: "Erreur" })
    .where(eq(credentials.id, revoked.id));
  manager = await clientAs(world, "manager");
});
afterAll(() => platform?.close());

async function page(query: string): Promise<IssuedPage> {
  const res = await manager.get(`/api/manager/credentials?${query}`);
  expect(res.statusCode).toBe(200);
  return json(res) as IssuedPage;
}

describe("the issued badges list", () => {
  it("counts the badges per state and filters on one", async () => {
    const all = await page("");
    expect(all.total).toBe(3);
    expect(all.counts).toEqual({ valid: 2, revoked: 1 });
    const revoked = await page("state=revoked");
    expect(revoked.rows.map((r) => r.holder)).toEqual(["CFA du Calvados"]);
  });

  it("filters on an organisation and searches holders", async () => {
    expect((await page(`organisationId=${calvadosId}`)).total).toBe(1);
    expect((await page("q=rouen")).rows.every((r) => r.holder === "CFA de Rouen")).toBe(true);
    expect((await page("pageSize=1&page=2&sort=holder&direction=asc")).rows).toHaveLength(1);
  });

  it("exports the same filter as CSV, a state in words", async () => {
    const res = await manager.get("/api/manager/credentials.csv?state=revoked");
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"CFA du Calvados";"Révoqué"');
  });

  it("is for programme managers only", async () => {
    const cfa = await clientAs(world, "cfaAdmin");
    expect((await cfa.get("/api/manager/credentials")).statusCode).toBe(403);
  });
});
