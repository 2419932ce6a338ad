import { decodeBitstring, getStatusValue, verifyCredential } from "@blason/openbadges";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itWithFixtures, oneEdTechSchema } from "../../packages/openbadges/test/fixtures";
import type { AppContext } from "../src/context";
import {
  applications,
  badgeClasses,
  badgeEquivalences,
  calendarSessions,
  collections,
  credentials,
  devMail,
  jobs,
  labelRequests,
} from "../src/db/schema";
import { addMonths } from "../src/lib/dates";
import { issueCredential, issueJobHandler } from "../src/modules/credentials/issuance.service";
import { labelProgress } from "../src/modules/label/label.service";
import { reassessAllLabels } from "../src/modules/label/reassessment.service";
import { json, TestClient } from "./support/client";
import {
  addMember,
  buildOrganisation,
  buildUser,
  catalogueBadges,
  signedInClient,
} from "./support/factories";
import { mailsTo } from "./support/mail";
import { createTestPlatform, type TestPlatform } from "./support/platform";

type Org = Awaited<ReturnType<typeof buildOrganisation>>;
type Badge = Awaited<ReturnType<typeof catalogueBadges>>[number];

let platform: TestPlatform;
let badges: Badge[];
/** The five required badges first, then the optional ones: the first ten meet the rule. */
let ruleOrder: Badge[];
let labelBadgeId: string;
let manager: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  badges = await catalogueBadges(platform.ctx);
  ruleOrder = [...badges.filter((b) => b.required), ...badges.filter((b) => !b.required)];
  const [label] = await platform.ctx.db
    .select()
    .from(badgeClasses)
    .where(
      and(eq(badgeClasses.collectionId, badges[0]!.collectionId), eq(badgeClasses.kind, "label")),
    );
  labelBadgeId = label!.id;
  manager = await buildUser(platform.ctx, { platformRoles: ["programme_manager"] });
});
afterAll(() => platform?.close());

const clientAs = (userId: string) => signedInClient(platform, userId);

/** A CFA with a member, holding the given badges (valid from the given date). */
async function cfaHolding(held: Badge[], validFrom = new Date()) {
  const org = await buildOrganisation(platform.ctx);
  const member = await buildUser(platform.ctx);
  await addMember(platform.ctx, org.id, member.id, "member");
  const awarded = [];
  for (const badge of held)
    awarded.push(
      (
        await issueCredential(platform.ctx, {
          grantKey: `test:${org.id}:${badge.slug}:${validFrom.getTime()}`,
          badgeClassId: badge.id,
          subjectOrgId: org.id,
          validFrom,
        })
      ).credential,
    );
  return { org, member: await clientAs(member.id), awarded };
}

async function labelOf(org: Org) {
  const rows = await platform.ctx.db
    .select()
    .from(credentials)
    .where(and(eq(credentials.subjectOrgId, org.id), eq(credentials.badgeClassId, labelBadgeId)));
  return rows;
}

async function requestAndConfirm(cfa: { org: Org; member: TestClient }) {
  const requested = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
  expect(requested.statusCode, requested.body).toBe(201);
  const decided = await (await clientAs(manager.id)).post(
    `/api/label-requests/${requested.json().id}/decision`,
    { decision: "confirm", motivation: "Collection complète et vérifiée." },
  );
  expect(decided.statusCode, decided.body).toBe(204);
  await platform.worker.drain();
  const [label] = await labelOf(cfa.org);
  return label!;
}

/** The label's value in its signed status list: 0 valid, 1 suspended, 2 revoked. */
async function statusValue(label: typeof credentials.$inferSelect) {
  const entry = label.document.credentialStatus as {
    statusListCredential: string;
    statusListIndex: string;
    statusSize: number;
  };
  const list = json<{ credentialSubject: { encodedList: string; statusPurpose: string } }>(
    await new TestClient(platform.app).get(new URL(entry.statusListCredential).pathname),
  );
  expect(list.credentialSubject.statusPurpose).toBe("message");
  return getStatusValue(
    decodeBitstring(list.credentialSubject.encodedList),
    Number(entry.statusListIndex),
    entry.statusSize,
  );
}

describe("requesting the label", () => {
  it("is refused while the rule is not met, and nothing is recorded", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 9));
    const response = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("LABEL_NOT_ELIGIBLE");
    const progress = json(await cfa.member.get(`/api/organisations/${cfa.org.id}/label`));
    expect(progress).toMatchObject({
      eligible: false,
      count: 9,
      label: { state: "none", canRequest: false },
    });
    const rows = await platform.ctx.db
      .select()
      .from(labelRequests)
      .where(eq(labelRequests.organisationId, cfa.org.id));
    expect(rows).toEqual([]);
  });

  it("ten badges without every required one are not enough", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(1, 11));
    const response = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    expect(response.json().error.code).toBe("LABEL_NOT_ELIGIBLE");
  });

  it("records the automatic check, tells the managers, and refuses a second pending request", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 10));
    const progress = json(await cfa.member.get(`/api/organisations/${cfa.org.id}/label`));
    expect(progress).toMatchObject({
      eligible: true,
      label: { state: "none", canRequest: true, requestKind: "first" },
    });
    const response = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ kind: "first", state: "pending" });
    const twice = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    expect(twice.json().error.code).toBe("LABEL_REQUEST_PENDING");

    await platform.worker.drain();
    const managerMail = await platform.ctx.db
      .select()
      .from(devMail)
      .where(eq(devMail.to, manager.email));
    expect(managerMail.some((m) => m.subject.includes(cfa.org.name))).toBe(true);

    const queue = json<{ requests: { id: string; check: { count: number }; now: unknown }[] }>(
      await (await clientAs(manager.id)).get("/api/label-requests"),
    );
    const mine = queue.requests.find((r) => r.id === response.json().id);
    expect(mine).toMatchObject({
      organisation: { id: cfa.org.id },
      state: "pending",
      check: { eligible: true, count: 10, total: 10 },
      now: { eligible: true, count: 10, missingRequired: [] },
    });
    expect((mine as unknown as { check: { counted: unknown[] } }).check.counted).toHaveLength(10);
  });

  it("a CFA member neither lists nor decides requests, nor asks for another CFA", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 10));
    const other = await cfaHolding([]);
    expect((await cfa.member.get("/api/label-requests")).statusCode).toBe(403);
    const requested = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    const decide = await cfa.member.post(`/api/label-requests/${requested.json().id}/decision`, {
      decision: "confirm",
      motivation: "Je me l'accorde.",
    });
    expect(decide.statusCode).toBe(403);
    const forOther = await other.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    expect(forOther.statusCode).toBe(404);
    const withdrawOther = await other.member.post(
      `/api/label-requests/${requested.json().id}/withdraw`,
      {},
    );
    expect(withdrawOther.statusCode).toBe(404);
    const withdrawn = await cfa.member.post(
      `/api/label-requests/${requested.json().id}/withdraw`,
      {},
    );
    expect(withdrawn.statusCode).toBe(204);
    const progress = json(await cfa.member.get(`/api/organisations/${cfa.org.id}/label`));
    expect(progress).toMatchObject({
      label: { canRequest: true, request: { state: "withdrawn" } },
    });
  });

  it("a refusal tells the CFA why, and the CFA may ask again", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 10));
    const requested = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    const refused = await (await clientAs(manager.id)).post(
      `/api/label-requests/${requested.json().id}/decision`,
      { decision: "refuse", motivation: "Le périmètre déclaré ne correspond pas aux preuves." },
    );
    expect(refused.statusCode).toBe(204);
    const mails = await mailsTo(platform, cfa.org.contactEmail);
    const refusal = mails.find((m) => m.subject.includes("pas retenue"));
    expect(refusal?.text).toContain("Le périmètre déclaré ne correspond pas aux preuves.");
    expect(await labelOf(cfa.org)).toEqual([]);
    const again = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    expect(again.statusCode).toBe(201);
  });
});

/**
 * The context of a process that dies the moment the transaction creating the
 * credential for `grantKey` commits: every later use of its database fails,
 * as nothing after a SIGKILL runs.
 */
function dyingAfterIssuance(ctx: AppContext, grantKey: string): AppContext {
  let dead = false;
  const issued = async () =>
    (await ctx.db.select().from(credentials).where(eq(credentials.grantKey, grantKey))).length > 0;
  const db = new Proxy(ctx.db, {
    get(target, property) {
      if (dead) throw new Error("the process was killed");
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property !== "transaction") return value.bind(target);
      return async (...args: unknown[]) => {
        const result = await value.apply(target, args);
        if (await issued()) dead = true;
        return result;
      };
    },
  });
  return { ...ctx, db };
}

describe("the 'label within reach' email", () => {
  it("is not lost when the process dies right after the badge that tips the CFA over is issued", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 9));
    const tenth = ruleOrder[9]!;
    const [session] = await platform.ctx.db.select().from(calendarSessions).limit(1);
    const [application] = await platform.ctx.db
      .insert(applications)
      .values({
        organisationId: cfa.org.id,
        badgeClassId: tenth.id,
        state: "under_review",
        answers: {},
        sessionId: session?.id ?? null,
        submittedAt: new Date(),
      })
      .returning();
    const granted = await (await clientAs(manager.id)).post(
      `/api/applications/${application!.id}/decision`,
      { outcome: "granted", motivation: "Dossier complet." },
    );
    expect(granted.statusCode, granted.body).toBe(200);
    const grantKey = `application:${application!.id}`;
    const [job] = await platform.ctx.db
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, `issue:${grantKey}`));
    // The worker signs and commits the badge, and the process is killed there.
    await issueJobHandler(dyingAfterIssuance(platform.ctx, grantKey))(
      job!.payload as Record<string, unknown>,
    ).catch(() => undefined);
    expect(
      await platform.ctx.db.select().from(credentials).where(eq(credentials.grantKey, grantKey)),
    ).toHaveLength(1);
    // The restarted worker takes the job again, and the CFA hears the news once.
    const subjects = (await mailsTo(platform, cfa.org.contactEmail)).map((m) => m.subject);
    expect(subjects.filter((s) => s === "Votre CFA peut demander le label")).toHaveLength(1);
  });

  it("is sent once when the two badges that tip the CFA over are issued at the same time", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 8));
    await platform.worker.drain();
    await Promise.all(
      ruleOrder.slice(8, 10).map((badge) =>
        issueCredential(platform.ctx, {
          grantKey: `test:${cfa.org.id}:${badge.slug}:together`,
          badgeClassId: badge.id,
          subjectOrgId: cfa.org.id,
          validFrom: new Date(),
        }),
      ),
    );
    const subjects = (await mailsTo(platform, cfa.org.contactEmail)).map((m) => m.subject);
    expect(subjects.filter((s) => s === "Votre CFA peut demander le label")).toHaveLength(1);
  });

  it("is sent once when the news of two badges issued one after the other is judged after both", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 8));
    await platform.worker.drain();
    for (const badge of ruleOrder.slice(8, 10))
      await issueCredential(platform.ctx, {
        grantKey: `test:${cfa.org.id}:${badge.slug}:in-turn`,
        badgeClassId: badge.id,
        subjectOrgId: cfa.org.id,
        validFrom: new Date(),
      });
    const subjects = (await mailsTo(platform, cfa.org.contactEmail)).map((m) => m.subject);
    expect(subjects.filter((s) => s === "Votre CFA peut demander le label")).toHaveLength(1);
  });
});

describe("the label credential", () => {
  let issuedLabel: Record<string, unknown> | undefined;
  it("is issued once on confirmation, carries one status entry for suspension and revocation and the counted badges, and verifies", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 11));
    const label = await requestAndConfirm(cfa);
    expect(await labelOf(cfa.org)).toHaveLength(1);
    // OB 3.0 allows one entry: two bits, whose messages say valid, suspended or revoked.
    expect(label.document.credentialStatus).toMatchObject({
      type: "BitstringStatusListEntry",
      statusPurpose: "message",
      statusSize: 2,
      statusMessage: [
        { status: "0x0", message: "valid" },
        { status: "0x1", message: "suspended" },
        { status: "0x2", message: "revoked" },
        { status: "0x3", message: "undefined" },
      ],
    });
    expect(await statusValue(label)).toBe(0);
    // Every counted badge, the eleventh included, is evidence of the label.
    expect(label.document.evidence).toHaveLength(11);
    // Its proof is a list, as 1EdTech's schema requires.
    expect(label.document.proof).toEqual([expect.objectContaining({ type: "DataIntegrityProof" })]);
    issuedLabel = label.document;
    expect(label.validUntil!.getTime()).toBe(addMonths(label.validFrom, 48).getTime());
    const report = await verifyCredential(label.document, { fetcher: platform.ctx.fetcher });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(report.verified).toBe(true);
    const progress = json(await cfa.member.get(`/api/organisations/${cfa.org.id}/label`));
    expect(progress).toMatchObject({
      label: { state: "active", credentialId: label.id, canRequest: false },
    });
    // Already held, and far from its end: no new request.
    const again = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    expect(again.json().error.code).toBe("LABEL_ALREADY_HELD");
  });

  itWithFixtures("is valid under 1EdTech's schema, as published", () => {
    const schema = oneEdTechSchema("achievementcredential.json");
    expect(issuedLabel, "the label issued by the test above").toBeDefined();
    expect(schema.validate(issuedLabel), schema.explain()).toBe(true);
  });

  it("is suspended when a counted badge is revoked with nothing to replace it, and restored by a new award", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 10));
    const label = await requestAndConfirm(cfa);
    expect(await statusValue(label)).toBe(0);
    const required = ruleOrder[0]!;
    const counted = cfa.awarded[0]!;

    const revoked = await (await clientAs(manager.id)).post(
      `/api/credentials/${counted.id}/revoke`,
      { reason: "Le dispositif de veille n'existe plus." },
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    // The label follows as a job, committed with the revocation.
    await platform.worker.drain();
    const [suspended] = await labelOf(cfa.org);
    expect(suspended!.suspendedAt).not.toBeNull();
    expect(suspended!.suspensionReason).toContain(required.name);
    const mail = (await mailsTo(platform, cfa.org.contactEmail)).find((m) =>
      m.subject.startsWith("Label suspendu"),
    );
    expect(mail?.text).toContain(`À renouveler : ${required.name}`);
    expect(mail?.text).toContain(`Obligatoire(s) manquant(s) : ${required.name}`);

    // Every verifier sees it: the signed status list, the public page, the engine.
    expect(await statusValue(label)).toBe(1);
    const view = json(
      await new TestClient(platform.app).get(`/api/public/credentials/${label.id}`),
    );
    expect(view).toMatchObject({ status: "suspended", suspensionReason: /Badges à renouveler/ });
    const report = await verifyCredential(label.document, { fetcher: platform.ctx.fetcher });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "status")).toMatchObject({
      status: "failed",
      details: { code: "SUSPENDED" },
    });
    const progress = json<{ badges: { id: string; state: string }[] }>(
      await cfa.member.get(`/api/organisations/${cfa.org.id}/label`),
    );
    expect(progress).toMatchObject({ eligible: false, label: { state: "suspended" } });
    // The picture says which tile to renew.
    expect(progress.badges.find((b) => b.id === required.id)?.state).toBe("lapsed");

    // A new award of the same badge brings the rule back: restored, and said so.
    await issueCredential(platform.ctx, {
      grantKey: `test:${cfa.org.id}:renewed`,
      badgeClassId: required.id,
      subjectOrgId: cfa.org.id,
      validFrom: new Date(),
    });
    await platform.worker.drain();
    const [restored] = await labelOf(cfa.org);
    expect(restored!.suspendedAt).toBeNull();
    expect(await statusValue(label)).toBe(0);
    expect(
      (await mailsTo(platform, cfa.org.contactEmail)).some((m) => m.subject === "Label rétabli"),
    ).toBe(true);
    const after = await verifyCredential(label.document, { fetcher: platform.ctx.fetcher });
    expect(after.verified).toBe(true);
  });

  it("revoked, it reads revoked everywhere, suspended or not: never a lasting suspension", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 10));
    const label = await requestAndConfirm(cfa);
    // Suspended first (a counted badge revoked), then the label itself is revoked.
    await (await clientAs(manager.id)).post(`/api/credentials/${cfa.awarded[0]!.id}/revoke`, {
      reason: "Le dispositif de veille n'existe plus.",
    });
    await platform.worker.drain();
    expect(await statusValue(label)).toBe(1);
    const revoked = await (await clientAs(manager.id)).post(`/api/credentials/${label.id}/revoke`, {
      reason: "Le CFA a cessé son activité.",
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await platform.worker.drain();
    expect(await statusValue(label)).toBe(2);
    const view = json(
      await new TestClient(platform.app).get(`/api/public/credentials/${label.id}`),
    );
    expect(view).toMatchObject({ status: "revoked", revocationReason: /cessé son activité/ });
    const report = await verifyCredential(label.document, { fetcher: platform.ctx.fetcher });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "status")).toMatchObject({
      status: "failed",
      details: { code: "REVOKED" },
      reason: { fr: "Le badge a été révoqué par son émetteur." },
    });
    // A new award that would restore a suspended label leaves a revoked one revoked.
    await issueCredential(platform.ctx, {
      grantKey: `test:${cfa.org.id}:after-revocation`,
      badgeClassId: ruleOrder[0]!.id,
      subjectOrgId: cfa.org.id,
      validFrom: new Date(),
    });
    await platform.worker.drain();
    expect(await statusValue(label)).toBe(2);
  });

  it("stays active when another held badge takes the place of a revoked optional one", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 11));
    const label = await requestAndConfirm(cfa);
    const optional = cfa.awarded[7]!;
    await (await clientAs(manager.id)).post(`/api/credentials/${optional.id}/revoke`, {
      reason: "Retiré à la demande du CFA.",
    });
    await platform.worker.drain();
    const [still] = await labelOf(cfa.org);
    expect(still!.id).toBe(label.id);
    expect(still!.suspendedAt).toBeNull();
  });

  it("the daily run suspends a label whose badge has expired overnight", async () => {
    // A required badge that ends in two months; the rest fresh.
    const early = await cfaHolding([]);
    await issueCredential(platform.ctx, {
      grantKey: `test:${early.org.id}:old`,
      badgeClassId: ruleOrder[1]!.id,
      subjectOrgId: early.org.id,
      validFrom: addMonths(new Date(), -46),
    });
    for (const badge of ruleOrder.slice(0, 10).filter((_, i) => i !== 1))
      await issueCredential(platform.ctx, {
        grantKey: `test:${early.org.id}:${badge.slug}`,
        badgeClassId: badge.id,
        subjectOrgId: early.org.id,
        validFrom: new Date(),
      });
    await requestAndConfirm(early);
    const progress = await labelProgress(platform.ctx, early.org.id);
    expect(progress.atRiskFrom).not.toBeNull();

    expect(await reassessAllLabels(platform.ctx, addMonths(new Date(), 1))).toMatchObject({
      suspended: 0,
    });
    const later = await reassessAllLabels(platform.ctx, addMonths(new Date(), 3));
    expect(later.suspended).toBeGreaterThanOrEqual(1);
    const [label] = await labelOf(early.org);
    expect(label!.suspensionReason).toContain(ruleOrder[1]!.name);
    // Run twice, suspended once, told once.
    await reassessAllLabels(platform.ctx, addMonths(new Date(), 3));
    const told = (await mailsTo(platform, early.org.contactEmail)).filter((m) =>
      m.subject.startsWith("Label suspendu"),
    );
    expect(told).toHaveLength(1);
  });

  it("opens renewal in the label's last six months, as its own request", async () => {
    const cfa = await cfaHolding(ruleOrder.slice(0, 10));
    // A label confirmed 45 months ago (48 months of validity).
    await issueCredential(platform.ctx, {
      grantKey: `test:${cfa.org.id}:old-label`,
      badgeClassId: labelBadgeId,
      subjectOrgId: cfa.org.id,
      validFrom: addMonths(new Date(), -45),
    });
    const progress = json(await cfa.member.get(`/api/organisations/${cfa.org.id}/label`));
    expect(progress).toMatchObject({
      label: { state: "active", canRequest: true, requestKind: "renewal" },
    });
    const response = await cfa.member.post(`/api/organisations/${cfa.org.id}/label/requests`, {});
    expect(response.json()).toMatchObject({ kind: "renewal", state: "pending" });
  });
});

describe("equivalences across collection versions", () => {
  it("a still-valid badge of an older collection counts for its successor", async () => {
    const [programmeRow] = await platform.ctx.db
      .select({ programmeId: collections.programmeId })
      .from(collections)
      .where(eq(collections.id, badges[0]!.collectionId));
    const [old] = await platform.ctx.db
      .insert(collections)
      .values({
        programmeId: programmeRow!.programmeId,
        version: "test-ancienne",
        name: "Ancienne collection (test)",
        labelTotal: 10,
        inForce: false,
      })
      .returning();
    const successor = ruleOrder[2]!;
    const [oldBadge] = await platform.ctx.db
      .insert(badgeClasses)
      .values({
        ...successor,
        id: undefined,
        collectionId: old!.id,
        slug: `${successor.slug}-ancien`,
        createdAt: undefined,
      })
      .returning();
    const cfa = await cfaHolding([...ruleOrder.slice(0, 2), ...ruleOrder.slice(3, 10)]);
    await issueCredential(platform.ctx, {
      grantKey: `test:${cfa.org.id}:old-badge`,
      badgeClassId: oldBadge!.id,
      subjectOrgId: cfa.org.id,
      validFrom: addMonths(new Date(), -12),
    });
    const before = await labelProgress(platform.ctx, cfa.org.id);
    expect(before).toMatchObject({ eligible: false, count: 9 });

    await platform.ctx.db
      .insert(badgeEquivalences)
      .values({ fromBadgeId: oldBadge!.id, toBadgeId: successor.id });
    const after = await labelProgress(platform.ctx, cfa.org.id);
    expect(after).toMatchObject({ eligible: true, count: 10 });
    expect(after.badges.find((b) => b.id === successor.id)?.state).toBe("held");
  });
});
