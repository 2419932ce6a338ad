import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, badgeEquivalences, collections, devMail } from "../src/db/schema";
import { json, TestClient } from "./support/client";
import {
  addMember,
  buildOrganisation,
  buildUser,
  catalogueBadges,
  signedInClient,
} from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let manager: TestClient;
let cfaMember: TestClient;
let otherCfaMember: TestClient;
let cfa: Awaited<ReturnType<typeof buildOrganisation>>;

const clientFor = (userId: string) => signedInClient(platform, userId);

beforeAll(async () => {
  platform = await createTestPlatform();
  manager = await clientFor(
    (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
  );
  cfa = await buildOrganisation(platform.ctx, { name: "CFA des idées" });
  const other = await buildOrganisation(platform.ctx, { name: "CFA voisin" });
  const member = await buildUser(platform.ctx);
  await addMember(platform.ctx, cfa.id, member.id);
  cfaMember = await clientFor(member.id);
  const neighbour = await buildUser(platform.ctx);
  await addMember(platform.ctx, other.id, neighbour.id);
  otherCfaMember = await clientFor(neighbour.id);
});
afterAll(() => platform?.close());

type Versions = {
  collections: { id: string; version: string; status: string; inForce: boolean }[];
  draft: {
    id: string;
    badges: { id: string; slug: string; name: string; required: boolean }[];
    problems: { field: string; fr: string }[];
  } | null;
};
const versions = async () =>
  json<Versions>(await manager.get("/api/manage/programmes/label-cfa/collections"));

const newBadge = {
  slug: "sobriete-numerique",
  name: "Sobriété numérique",
  recognises: "Le CFA réduit l'empreinte de ses usages numériques et l'enseigne.",
  criteria: [{ statement: "Un plan de sobriété est suivi.", evidence: ["Le plan et son bilan"] }],
  required: false,
  validityMonths: 48,
  renewalExtra: null,
  alignments: [],
  color: "#1d6b3a",
};

describe("managers edit the catalogue as a draft, then publish it", () => {
  it("only managers see or touch the catalogue's versions", async () => {
    expect((await cfaMember.get("/api/manage/programmes/label-cfa/collections")).statusCode).toBe(
      403,
    );
    const attempt = await cfaMember.post("/api/manage/programmes/label-cfa/draft", {
      version: "2030",
      name: "Collection 2030",
    });
    expect(attempt.statusCode).toBe(403);
    expect((await versions()).draft).toBeNull();
  });

  it("a draft starts as a copy of the collection in force; published ones cannot change", async () => {
    const created = await manager.post("/api/manage/programmes/label-cfa/draft", {
      version: "2030",
      name: "Label CFA Innovant et Durable — collection 2030",
    });
    expect(created.statusCode, created.body).toBe(201);
    const { draft, collections: all } = await versions();
    expect(draft?.badges).toHaveLength(19);
    expect(draft?.problems).toEqual([]);
    expect(all.find((c) => c.version === "2030")).toMatchObject({
      status: "draft",
      inForce: false,
    });
    const twice = await manager.post("/api/manage/programmes/label-cfa/draft", {
      version: "2031",
      name: "Une autre",
    });
    expect(twice.json().error.code).toBe("CATALOGUE_DRAFT_EXISTS");
    const inForce = all.find((c) => c.inForce)!;
    const frozen = await manager.patch(`/api/manage/collections/${inForce.id}`, { labelTotal: 8 });
    expect(frozen.json().error.code).toBe("CATALOGUE_NOT_DRAFT");
    const [published] = await catalogueBadges(platform.ctx);
    const frozenBadge = await manager.patch(`/api/manage/badges/${published!.id}`, { name: "X" });
    expect(frozenBadge.json().error.code).toBe("CATALOGUE_NOT_DRAFT");
    // Draft badges are not public.
    const draftBadge = draft!.badges[0]!;
    expect(
      (await new TestClient(platform.app).get(`/api/public/badges/${draftBadge.id}`)).statusCode,
    ).toBe(404);
  });

  it("edits the rule and the badges, lists every problem, and publishes once they are fixed", async () => {
    const { draft } = await versions();
    const id = draft!.id;
    expect(
      (await manager.patch(`/api/manage/collections/${id}`, { labelTotal: 25 })).statusCode,
    ).toBe(204);
    const added = await manager.post(`/api/manage/collections/${id}/badges`, newBadge);
    expect(added.statusCode, added.body).toBe(201);
    const duplicate = await manager.post(`/api/manage/collections/${id}/badges`, newBadge);
    expect(duplicate.json().error.code).toBe("CATALOGUE_SLUG_TAKEN");
    const veille = draft!.badges.find((b) => b.slug === "veille")!;
    await manager.patch(`/api/manage/badges/${veille.id}`, {
      criteria: [{ statement: "", evidence: [] }],
    });
    const badName = await manager.patch(`/api/manage/badges/${veille.id}`, { color: "bleu" });
    expect(badName.statusCode).toBe(400);

    const refused = await manager.post(`/api/manage/collections/${id}/publish`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("CATALOGUE_DRAFT_INVALID");
    const { draft: withProblems } = await versions();
    expect(withProblems!.problems.map((p) => p.fr)).toEqual([
      "Le label demande 25 badges alors que la collection en compte 20.",
      "« Veille » : le critère 1 est vide.",
      "« Veille » : le critère 1 n'indique aucune preuve attendue.",
    ]);
    // Nothing changed in public while the draft was refused.
    const stillPublic = json<{ collection: { version: string } }>(
      await new TestClient(platform.app).get("/api/public/programmes/label-cfa/badges"),
    );
    expect(stillPublic.collection.version).toBe("2026");

    await manager.patch(`/api/manage/collections/${id}`, { labelTotal: 11 });
    await manager.patch(`/api/manage/badges/${veille.id}`, {
      criteria: [{ statement: "Une veille organisée et utilisée.", evidence: ["Synthèses"] }],
    });
    const last = withProblems!.badges.at(-1)!;
    await manager.post(`/api/manage/badges/${last.id}/move`, { direction: "up" });
    const removable = withProblems!.badges.find((b) => b.slug === "ia-responsable")!;
    expect((await manager.delete(`/api/manage/badges/${removable.id}`)).statusCode).toBe(204);
    const published = await manager.post(`/api/manage/collections/${id}/publish`, {});
    expect(published.statusCode, published.body).toBe(204);

    const catalogue = json<{
      collection: { version: string; labelTotal: number; badgeCount: number };
      badges: { name: string }[];
    }>(await new TestClient(platform.app).get("/api/public/programmes/label-cfa/badges"));
    expect(catalogue.collection).toMatchObject({ version: "2030", labelTotal: 11, badgeCount: 19 });
    expect(catalogue.badges.map((b) => b.name)).toContain("Sobriété numérique");
    expect(catalogue.badges.map((b) => b.name)).not.toContain("IA responsable");
    // Each 2026 badge kept under the same identifier now counts as its 2030 successor.
    const [old] = await platform.ctx.db
      .select()
      .from(collections)
      .where(eq(collections.version, "2026"));
    expect(old!.inForce).toBe(false);
    const oldVeille = await platform.ctx.db
      .select()
      .from(badgeClasses)
      .where(and(eq(badgeClasses.collectionId, old!.id), eq(badgeClasses.slug, "veille")));
    const [link] = await platform.ctx.db
      .select()
      .from(badgeEquivalences)
      .where(eq(badgeEquivalences.fromBadgeId, oldVeille[0]!.id));
    expect(link?.toBadgeId).toBe(veille.id);
  });
});

describe("equivalences, by hand", () => {
  it("maps an older badge to a newer one, refuses nonsense, and removes", async () => {
    const all = await platform.ctx.db.select().from(badgeClasses);
    const collectionsById = new Map(
      (await platform.ctx.db.select().from(collections)).map((c) => [c.id, c.version]),
    );
    const find = (version: string, slug: string) =>
      all.find((b) => b.slug === slug && collectionsById.get(b.collectionId) === version)!;
    const from = find("2018", "environnement-numerique");
    const to = find("2022", "espaces-pedagogiques-innovants");
    const added = await manager.post("/api/manage/equivalences", {
      fromBadgeId: from.id,
      toBadgeId: to.id,
    });
    expect(added.statusCode, added.body).toBe(201);
    const again = await manager.post("/api/manage/equivalences", {
      fromBadgeId: from.id,
      toBadgeId: find("2026", "cooperation").id,
    });
    expect(again.json().error.code).toBe("EQUIVALENCE_ALREADY_MAPPED");
    const backwards = await manager.post("/api/manage/equivalences", {
      fromBadgeId: find("2022", "cooperation").id,
      toBadgeId: find("2018", "partage-pratiques").id,
    });
    expect(backwards.json().error.code).toBe("EQUIVALENCE_NOT_NEWER");
    const listed = json<{ equivalences: { id: string; from: { name: string } }[] }>(
      await manager.get("/api/manage/programmes/label-cfa/equivalences"),
    );
    const mine = listed.equivalences.find((e) => e.id === added.json().id);
    expect(mine?.from.name).toBe("Environnement numérique de travail");
    expect((await manager.delete(`/api/manage/equivalences/${added.json().id}`)).statusCode).toBe(
      204,
    );
    expect(
      (await cfaMember.post("/api/manage/equivalences", { fromBadgeId: from.id, toBadgeId: to.id }))
        .statusCode,
    ).toBe(403);
  });
});

describe("badge ideas from CFAs", () => {
  it("a CFA proposes; managers are told; another CFA never sees it", async () => {
    const proposed = await cfaMember.post(`/api/organisations/${cfa.id}/ideas`, {
      title: "Accueil des apprentis mineurs",
      description: "Un badge pour l'accompagnement spécifique des apprentis de moins de 18 ans.",
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const mine = json<{ ideas: { id: string; state: string }[] }>(
      await cfaMember.get("/api/ideas"),
    );
    expect(mine.ideas).toMatchObject([{ id: proposed.json().id, state: "new" }]);
    expect(json<{ ideas: unknown[] }>(await otherCfaMember.get("/api/ideas")).ideas).toEqual([]);
    const forOther = await otherCfaMember.post(`/api/organisations/${cfa.id}/ideas`, {
      title: "Une idée pour un autre",
      description: "Je propose au nom d'un CFA qui n'est pas le mien.",
    });
    expect(forOther.statusCode).toBe(404);
    const answerByCfa = await cfaMember.post(`/api/ideas/${proposed.json().id}/answer`, {
      outcome: "adopted",
      answer: "Je me l'accorde.",
    });
    expect(answerByCfa.statusCode).toBe(403);
  });

  it("a manager answers, then adopts it: it becomes a badge of a new draft, and the CFA is told", async () => {
    const { ideas } = json<{ ideas: { id: string }[] }>(await manager.get("/api/ideas"));
    const id = ideas[0]!.id;
    expect(
      (
        await manager.post(`/api/ideas/${id}/answer`, {
          outcome: "answered",
          answer: "Bonne idée : nous l'étudions avec le groupe des pairs.",
        })
      ).statusCode,
    ).toBe(204);
    const adopted = await manager.post(`/api/ideas/${id}/answer`, {
      outcome: "adopted",
      answer: "Elle entre dans la prochaine collection.",
    });
    expect(adopted.statusCode, adopted.body).toBe(204);
    const { draft } = await versions();
    expect(draft?.badges.map((b) => b.name)).toContain("Accueil des apprentis mineurs");
    const after = json<{ ideas: { state: string; badgeClassId: string | null }[] }>(
      await cfaMember.get("/api/ideas"),
    );
    expect(after.ideas[0]).toMatchObject({ state: "adopted", badgeClassId: expect.any(String) });
    await platform.worker.drain();
    const mails = await platform.ctx.db
      .select()
      .from(devMail)
      .where(eq(devMail.to, cfa.contactEmail));
    expect(
      mails.filter((m) => m.subject === "Votre idée de badge : Accueil des apprentis mineurs"),
    ).toHaveLength(2);
    const again = await manager.post(`/api/ideas/${id}/answer`, {
      outcome: "declined",
      answer: "Finalement non.",
    });
    expect(again.json().error.code).toBe("IDEA_ALREADY_DECIDED");
  });
});
