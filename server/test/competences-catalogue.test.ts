import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials, users } from "../src/db/schema";
import { evaluateEarner } from "../src/modules/competences/evaluation.service";
import { seedDemo } from "../src/modules/demo/seed";
import type { TestClient } from "./support/client";
import { signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * The regional badges are data: a manager adds a competence family (two
 * levels) in a new version of the collection and publishes it, without
 * code. People keep the badges they hold: the new version's badges are the
 * old ones' successors.
 */
let platform: TestPlatform;
let manager: TestClient;

beforeAll(async () => {
  platform = await createTestPlatform();
  await seedDemo(platform.ctx);
  const [user] = await platform.ctx.db
    .select()
    .from(users)
    .where(eq(users.email, "gestion@region-normandie.example"));
  manager = await signedInClient(platform, user!.id);
});
afterAll(async () => platform?.close());

const numerique = (level: number) => ({
  slug: `numerique-${level}`,
  name: `Utiliser le numérique, niveau ${level === 1 ? "I — Je pratique" : "II — Je maîtrise"}`,
  recognises: "La Région reconnaît la capacité à utiliser les outils numériques du travail.",
  criteria: [
    {
      statement: "Des badges de structures partenaires attestent cette compétence.",
      evidence: ["Les badges des structures partenaires, vérifiés par Blason"],
    },
  ],
  required: false,
  validityMonths: 36,
  renewalExtra: null,
  alignments: [],
  color: "#0b4f6c",
  rule: { kind: "level", family: "numerique", level },
});

describe("the competences catalogue, edited by a manager", () => {
  it("adds a competence family in a new version; people keep their badges", async () => {
    const draft = await manager.post("/api/manage/programmes/competences/draft", {
      version: "2027",
      name: "Badges régionaux des compétences — 2027",
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id;
    for (const level of [1, 2]) {
      const added = await manager.post(`/api/manage/collections/${id}/badges`, numerique(level));
      expect(added.statusCode, added.body).toBe(201);
    }
    // The same competence and level twice is refused at publication, with the reason.
    const twice = await manager.post(`/api/manage/collections/${id}/badges`, {
      ...numerique(1),
      slug: "numerique-bis",
    });
    expect(twice.statusCode).toBe(201);
    const refused = await manager.post(`/api/manage/collections/${id}/publish`, {});
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain("visent tous deux la compétence numerique");
    await manager.request({ method: "DELETE", url: `/api/manage/badges/${twice.json().id}` });
    const published = await manager.post(`/api/manage/collections/${id}/publish`, {});
    expect(published.statusCode, published.body).toBe(204);

    const targets = (await manager.get("/api/competences/targets")).json().targets;
    expect(targets.map((t: { family: string; level: number }) => `${t.family}-${t.level}`)).toEqual(
      expect.arrayContaining(["numerique-1", "numerique-2", "organiser-1"]),
    );
    // Yanis holds "Organiser" I and "Communiquer" I from 2022: nothing is re-issued or suspended.
    const [yanis] = await platform.ctx.db
      .select()
      .from(users)
      .where(eq(users.email, "yanis.benali@exemple.fr"));
    const before = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.subjectUserId, yanis!.id));
    const changes = await evaluateEarner(platform.ctx, yanis!.id);
    expect(changes).toEqual({ issue: [], suspend: [], restore: [] });
    const after = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.subjectUserId, yanis!.id));
    expect(after.map((c) => [c.id, c.suspendedAt])).toEqual(
      before.map((c) => [c.id, c.suspendedAt]),
    );
  });
});
