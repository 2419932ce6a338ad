import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, type badgeClasses } from "../src/db/schema";
import { addMonths } from "../src/lib/dates";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { json } from "./support/client";
import { catalogueBadges } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";
import { buildCalendarSession, buildWorld, clientAs, type World } from "./support/world";

type Badge = typeof badgeClasses.$inferSelect;
type Detail = {
  id: string;
  kind: string;
  state: string;
  badge: { renewalExtra: string | null };
  answers: Record<string, { answer: string; links: string[] }>;
  criteriaToAnswer: { key: string; statement: string }[];
  missing: string[];
  session: { name: string } | null;
};

let platform: TestPlatform;
let world: World;
let ressources: Badge;
const previous = {
  "0": { answer: "Un espace Moodle par filière, classé par compétence.", links: [] },
  "1": { answer: "Accès depuis l'ENT, y compris à distance.", links: ["https://ent.example/r"] },
  // The last renewal's own extra answer is not carried over.
  renewal: { answer: "Niveau 2 il y a quatre ans.", links: [] },
};

beforeAll(async () => {
  platform = await createTestPlatform();
  world = await buildWorld(platform);
  const { ctx } = platform;
  ressources = (await catalogueBadges(ctx)).find((b) => b.name === "Ressources")!;
  // Four years ago the CFA was granted Ressources; its badge ends in three months.
  const grantedAt = addMonths(new Date(), 3 - ressources.validityMonths);
  await ctx.db.insert(applications).values({
    organisationId: world.cfaId,
    badgeClassId: ressources.id,
    state: "granted",
    answers: previous,
    submittedAt: grantedAt,
    decidedAt: grantedAt,
  });
  await issueCredential(ctx, {
    grantKey: `test:renewal:${ressources.id}`,
    badgeClassId: ressources.id,
    subjectOrgId: world.cfaId,
    validFrom: grantedAt,
  });
  // A session whose deadline has passed, and one closing before the world's.
  await buildCalendarSession(platform, { name: "Session passée", deadlineInDays: -3 });
  await buildCalendarSession(platform, { name: "Session prochaine", deadlineInDays: 12 });
});
afterAll(() => platform?.close());

describe("renewing a badge that ends soon (Ressources)", () => {
  let id: string;

  it("opens pre-filled from the last granted application, without its renewal answer", async () => {
    const cfa = await clientAs(world, "cfaAdmin");
    const opened = await cfa.post("/api/applications", {
      organisationId: world.cfaId,
      badgeClassId: ressources.id,
      kind: "renewal",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    id = opened.json().id;
    const detail = json<Detail>(await cfa.get(`/api/applications/${id}`));
    expect(detail.kind).toBe("renewal");
    expect(detail.answers).toEqual({ "0": previous["0"], "1": previous["1"] });
  });

  it("shows the badge's renewal extra (level 2 or 3) and requires it", async () => {
    const cfa = await clientAs(world, "cfaAdmin");
    const detail = json<Detail>(await cfa.get(`/api/applications/${id}`));
    const extra = detail.criteriaToAnswer.find((c) => c.key === "renewal");
    expect(extra?.statement).toMatch(/niveau 2 .* ou 3/i);
    expect(detail.badge.renewalExtra).toBe(extra?.statement);
    expect(detail.missing).toEqual(["renewal"]);
    const sent = await cfa.post(`/api/applications/${id}/submit`, {});
    expect(sent.statusCode).toBe(400);
    const message =
      "Un renouvellement demande de répondre à la question propre au renouvellement de ce badge avant l'envoi.";
    expect(sent.json().error).toMatchObject({
      code: "APPLICATION_RENEWAL_EXTRA_MISSING",
      message,
      fields: { "answers.renewal": message },
    });
    expect(json<Detail>(await cfa.get(`/api/applications/${id}`)).state).toBe("draft");
  });

  it("once the extra is answered, lands in the next open session", async () => {
    const cfa = await clientAs(world, "cfaAdmin");
    const saved = await cfa.patch(`/api/applications/${id}`, {
      answers: {
        renewal: { answer: "Niveau 2 : 40 ressources produites par l'équipe.", links: [] },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = json<Detail>(await cfa.post(`/api/applications/${id}/submit`, {}));
    expect(sent.state).toBe("submitted");
    expect(sent.session?.name).toBe("Session prochaine");
  });
});
