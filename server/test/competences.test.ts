import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  buildStatusListCredential,
  createBitstring,
  encodeBitstring,
  MIN_STATUS_LIST_LENGTH,
  setStatus,
  signCredential,
  statusEntry,
  verifyCredential,
} from "@blason/openbadges";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  badgeClasses,
  credentials,
  devMail,
  partnerBadges,
  partnerRegistrations,
  users,
} from "../src/db/schema";
import { recheckPartnerBadges } from "../src/modules/competences/recheck.service";
import { issuerProofAddress, proveIssuer } from "../src/modules/partners/issuer-proof.service";
import { json, TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { type DidKeyIssuer, didKeyIssuer, signedPartnerBadge } from "./support/partner-issuer";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Programme 2 from end to end on the server: a partner's own platform (its
 * own did:key, its own status list served locally) issues badges; its system
 * pushes them with an API key; Blason verifies, judges, and issues the
 * regional badges the rule gives, once, then suspends one whose support is
 * revoked.
 */
let platform: TestPlatform;
let statusServer: http.Server;
let statusUrl: string;
let secret: string;
let partnerId: string;
const revokedBits = new Set<number>();
let issuer: DidKeyIssuer;

const APPROVED = new Date("2026-06-01T00:00:00Z");
let nextIndex = 0;

/** A badge the partner's platform issues to a person, with its own status entry. */
async function partnerBadge(options: {
  email: string;
  achievement: string;
  issuedOn: Date;
  signer?: DidKeyIssuer;
}) {
  const signer = options.signer ?? issuer;
  const index = nextIndex++;
  const document = await signedPartnerBadge({
    signer,
    achievement: options.achievement,
    email: options.email,
    issuedOn: options.issuedOn,
    issuerName: "Atelier d'insertion du Cotentin",
    // Only the partner's own badges point at its status list.
    ...(signer === issuer
      ? { credentialStatus: statusEntry({ listUrl: statusUrl, index, purpose: "revocation" }) }
      : {}),
  });
  return { document, index };
}

beforeAll(async () => {
  issuer = await didKeyIssuer();
  statusServer = http.createServer(async (_request, response) => {
    const bits = createBitstring(MIN_STATUS_LIST_LENGTH);
    for (const i of revokedBits) setStatus(bits, i, true);
    const list = await signCredential(
      buildStatusListCredential({
        id: statusUrl,
        issuer: issuer.did,
        purpose: "revocation",
        encodedList: encodeBitstring(bits),
        validFrom: new Date("2026-01-01T00:00:00Z"),
      }),
      { key: issuer.key },
    );
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(list));
  });
  await new Promise<void>((resolve) => statusServer.listen(0, "127.0.0.1", resolve));
  statusUrl = `http://127.0.0.1:${(statusServer.address() as AddressInfo).port}/status/1`;
  platform = await createTestPlatform({ config: { FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1" } });
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  const partner = await buildOrganisation(platform.ctx, {
    name: "Atelier d'insertion du Cotentin",
    kind: "partner",
  });
  partnerId = partner.id;
  const managerUser = await buildUser(platform.ctx, { platformRoles: ["programme_manager"] });
  const manager = await signedInClient(platform, managerUser.id);
  const participation = await manager.post(`/api/organisations/${partner.id}/participations`, {
    kind: "participant",
    validFrom: "2026-01-01T00:00:00.000Z",
  });
  expect(participation.statusCode, participation.body).toBe(201);
  // Approved registrations, each with the partner's proof of its issuer: one "1 pour 1", three "3 pour 1" classes.
  const registration = async (achievement: string, family: string, equivalence: string) => ({
    organisationId: partner.id,
    source: "json",
    badgeClassIri: achievement,
    issuerIri: issuer.did,
    issuerProof: await proveIssuer(
      platform.ctx,
      partner.id,
      { issuerIri: issuer.did, badgeClassIri: achievement },
      JSON.stringify(
        await signedPartnerBadge({
          signer: issuer,
          achievement,
          email: issuerProofAddress(platform.config, partner.id),
        }),
      ),
    ),
    name: achievement,
    target: { family, level: 1, equivalence: equivalence as "one_for_one" },
    justification: "Correspondance validée.",
    state: "approved" as const,
    approvedAt: APPROVED,
  });
  await platform.ctx.db
    .insert(partnerRegistrations)
    .values([
      await registration("urn:uuid:organiser", "organiser", "one_for_one"),
      await registration("urn:uuid:communiquer-a", "communiquer", "three_for_one"),
      await registration("urn:uuid:communiquer-b", "communiquer", "three_for_one"),
      await registration("urn:uuid:communiquer-c", "communiquer", "three_for_one"),
    ]);
  const admin = await buildUser(platform.ctx);
  await addMember(platform.ctx, partner.id, admin.id, "admin");
  const partnerClient = await signedInClient(platform, admin.id);
  secret = (
    await partnerClient.post(`/api/organisations/${partner.id}/api-clients`, {
      name: "Plateforme de l'atelier",
    })
  ).json().secret;
});
afterAll(async () => {
  await platform?.close();
  statusServer?.close();
});

async function push(email: string, badge: unknown, key = secret) {
  return new TestClient(platform.app).request({
    method: "POST",
    url: "/api/partner-badges",
    body: { recipient: { email, name: "Camille Martin" }, badge },
    headers: { authorization: `Bearer ${key}` },
    csrf: false,
  });
}

async function regionalOf(email: string) {
  await platform.worker.drain();
  const [user] = await platform.ctx.db.select().from(users).where(eq(users.email, email));
  if (!user) return [];
  return platform.ctx.db
    .select({ credential: credentials, badge: badgeClasses })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .where(eq(credentials.subjectUserId, user.id));
}

describe("partner badges pushed by a partner's system", () => {
  it("refuses a push without a valid API key, and changes nothing", async () => {
    const { document } = await partnerBadge({
      email: "nobody@exemple.fr",
      achievement: "urn:uuid:organiser",
      issuedOn: new Date("2026-09-01T00:00:00Z"),
    });
    expect((await push("nobody@exemple.fr", document, "blason_sk_wrong")).statusCode).toBe(401);
    const anonymous = await new TestClient(platform.app).request({
      method: "POST",
      url: "/api/partner-badges",
      body: { recipient: { email: "nobody@exemple.fr" }, badge: document },
      csrf: false,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await regionalOf("nobody@exemple.fr")).toEqual([]);
  });

  it("a '1 pour 1' badge gives its regional badge, once, by email, signed by the Region", async () => {
    const email = "camille@exemple.fr";
    const { document } = await partnerBadge({
      email,
      achievement: "urn:uuid:organiser",
      issuedOn: new Date("2026-09-01T00:00:00Z"),
    });
    const response = await push(email, document);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ counts: true, code: null });
    // The same badge again (a retry, or another channel) is the same row, and issues nothing new.
    expect((await push(email, document)).json().counts).toBe(true);
    const regional = await regionalOf(email);
    expect(regional.map((r) => r.badge.slug)).toEqual(["organiser-1"]);
    const rows = await platform.ctx.db
      .select()
      .from(partnerBadges)
      .where(eq(partnerBadges.assertionKey, String(document.id)));
    expect(rows).toHaveLength(1);
    const credential = regional[0]!.credential;
    expect(credential.document.evidence).toEqual([expect.objectContaining({ id: document.id })]);
    const report = await verifyCredential(credential.document, { fetcher: platform.ctx.fetcher });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    const mails = await platform.ctx.db.select().from(devMail).where(eq(devMail.to, email));
    expect(mails.map((m) => m.subject)).toEqual([
      "Un badge de la Région Normandie pour vous : Organiser, niveau I — Je pratique",
    ]);
  });

  it("says why a badge does not count (before the approval); refuses one for another recipient, of a forged issuer, or tampered", async () => {
    const email = "dominique@exemple.fr";
    const early = await partnerBadge({
      email,
      achievement: "urn:uuid:organiser",
      issuedOn: new Date("2026-05-31T23:59:59Z"),
    });
    expect((await push(email, early.document)).json()).toMatchObject({
      counts: false,
      code: "ISSUED_BEFORE_APPROVAL",
      reason: { fr: expect.stringContaining("pas de rétroactivité") },
    });
    const someoneElse = await partnerBadge({
      email: "autre@exemple.fr",
      achievement: "urn:uuid:organiser",
      issuedOn: new Date("2026-09-01T00:00:00Z"),
    });
    const mismatch = await push(email, someoneElse.document);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.code).toBe("PARTNER_BADGE_RECIPIENT_MISMATCH");
    // Another key claiming the same Achievement: not an issuer of the key's organisation.
    const forger = await didKeyIssuer();
    const forged = await partnerBadge({
      email,
      achievement: "urn:uuid:organiser",
      issuedOn: new Date("2026-09-01T00:00:00Z"),
      signer: forger,
    });
    const foreign = await push(email, forged.document);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe("PARTNER_BADGE_ISSUER_NOT_YOURS");
    const tampered = { ...early.document, validFrom: "2026-09-01T00:00:00Z" };
    const broken = await push(email, tampered);
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe("PARTNER_BADGE_NOT_VERIFIED");
    expect(await regionalOf(email)).toEqual([]);
    // Only the badge that verified was recorded.
    const [person] = await platform.ctx.db.select().from(users).where(eq(users.email, email));
    const rows = await platform.ctx.db
      .select()
      .from(partnerBadges)
      .where(eq(partnerBadges.earnerId, person!.id));
    expect(rows.map((r) => r.refusalCode)).toEqual(["ISSUED_BEFORE_APPROVAL"]);
  });

  it("a badge revoked at its issuer, and never pushed again, is found by the daily re-check", async () => {
    const email = "alix@exemple.fr";
    const badge = await partnerBadge({
      email,
      achievement: "urn:uuid:organiser",
      issuedOn: new Date("2026-09-15T00:00:00Z"),
    });
    expect((await push(email, badge.document)).json().counts).toBe(true);
    expect((await regionalOf(email)).map((r) => r.credential.suspendedAt)).toEqual([null]);
    // Nothing changed at the issuer: the re-check changes nothing.
    expect((await recheckPartnerBadges(platform.ctx, null)).changed).toBe(0);
    revokedBits.add(badge.index);
    const recheck = await recheckPartnerBadges(platform.ctx, null);
    expect(recheck.changed).toBe(1);
    const [after] = await regionalOf(email);
    expect(after!.credential.suspendedAt).not.toBeNull();
    // Recorded once: the next day's re-check no longer looks at it.
    expect((await recheckPartnerBadges(platform.ctx, null)).changed).toBe(0);
  });

  it("'3 pour 1' gives the badge at the third distinct class; a revoked support suspends it", async () => {
    const email = "sacha@exemple.fr";
    const badges = [];
    for (const c of ["a", "b"]) {
      const b = await partnerBadge({
        email,
        achievement: `urn:uuid:communiquer-${c}`,
        issuedOn: new Date("2026-10-01T00:00:00Z"),
      });
      badges.push(b);
      expect((await push(email, b.document)).json().counts).toBe(true);
    }
    expect(await regionalOf(email)).toEqual([]);
    const third = await partnerBadge({
      email,
      achievement: "urn:uuid:communiquer-c",
      issuedOn: new Date("2026-10-02T00:00:00Z"),
    });
    await push(email, third.document);
    const regional = await regionalOf(email);
    expect(regional.map((r) => r.badge.slug)).toEqual(["communiquer-1"]);
    expect(regional[0]!.credential.document.evidence).toHaveLength(3);

    // The partner revokes one of the three; its system pushes it again.
    revokedBits.add(third.index);
    expect((await push(email, third.document)).json()).toMatchObject({
      counts: false,
      code: "REVOKED",
    });
    const [after] = await regionalOf(email);
    expect(after!.credential.suspendedAt).not.toBeNull();
    // The person is told, once.
    const told = await platform.ctx.db.select().from(devMail).where(eq(devMail.to, email));
    expect(
      told.filter((m) => m.subject.startsWith("Badge suspendu")).map((m) => m.subject),
    ).toEqual(["Badge suspendu : Communiquer, niveau I — Je pratique"]);
    const report = await verifyCredential(after!.credential.document, {
      fetcher: platform.ctx.fetcher,
    });
    expect(report.verified).toBe(false);
    expect(report.steps.find((s) => s.id === "status")).toMatchObject({
      status: "failed",
      details: { code: "SUSPENDED" },
    });
    const [stillOne] = await platform.ctx.db
      .select()
      .from(credentials)
      .where(
        and(
          eq(credentials.badgeClassId, after!.badge.id),
          eq(credentials.subjectUserId, after!.credential.subjectUserId!),
        ),
      );
    expect(stillOne!.id).toBe(after!.credential.id);
  });

  it("a regional badge revoked by the Region reads revoked, not suspended, and stays so", async () => {
    const email = "noa@exemple.fr";
    const badge = await partnerBadge({
      email,
      achievement: "urn:uuid:organiser",
      issuedOn: new Date("2026-09-20T00:00:00Z"),
    });
    expect((await push(email, badge.document)).json().counts).toBe(true);
    const [regional] = await regionalOf(email);
    expect(regional!.credential.document.credentialStatus).toMatchObject({
      statusPurpose: "message",
      statusSize: 2,
    });
    const manager = await signedInClient(
      platform,
      (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
    );
    const revoked = await manager.post(`/api/credentials/${regional!.credential.id}/revoke`, {
      reason: "Badge attribué par erreur.",
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const report = await verifyCredential(regional!.credential.document, {
      fetcher: platform.ctx.fetcher,
    });
    expect(report.steps.find((s) => s.id === "status")).toMatchObject({
      status: "failed",
      details: { code: "REVOKED" },
    });
    // Its support revoked at the partner afterwards: still revoked, not suspended.
    revokedBits.add(badge.index);
    await recheckPartnerBadges(platform.ctx, null);
    const again = await verifyCredential(regional!.credential.document, {
      fetcher: platform.ctx.fetcher,
    });
    expect(again.steps.find((s) => s.id === "status")?.details).toMatchObject({ code: "REVOKED" });
    const view = json(
      await new TestClient(platform.app).get(`/api/public/credentials/${regional!.credential.id}`),
    );
    expect(view).toMatchObject({ status: "revoked" });
  });

  it("the participation is recorded by managers only", async () => {
    const user = await buildUser(platform.ctx);
    await addMember(platform.ctx, partnerId, user.id, "admin");
    const member = await signedInClient(platform, user.id);
    const attempt = await member.post(`/api/organisations/${partnerId}/participations`, {
      kind: "participant",
      validFrom: "2026-01-01T00:00:00.000Z",
    });
    expect(attempt.statusCode).toBe(403);
    expect(json(await member.get("/api/competences/targets"))).toMatchObject({
      targets: expect.arrayContaining([expect.objectContaining({ family: "organiser", level: 1 })]),
    });
  });
});

describe("a person's regional badge in public", () => {
  it("does not show the person's name before they accept it", async () => {
    const [regional] = await regionalOf("camille@exemple.fr");
    const view = json<{ holder: { name: string | null } }>(
      await new TestClient(platform.app).get(`/api/public/credentials/${regional!.credential.id}`),
    );
    expect(view.holder.name).toBeNull();
    expect(JSON.stringify(view)).not.toContain("Camille");
  });
});

describe("a person hands in a badge they hold", () => {
  it("with a verified address: the badge is judged like any other and the regional badges follow", async () => {
    const email = "camille@exemple.fr";
    const [user] = await platform.ctx.db.select().from(users).where(eq(users.email, email));
    const client = await signedInClient(platform, user!.id);
    // Created by a partner's push, the person has not confirmed an address yet.
    const { document } = await partnerBadge({
      email,
      achievement: "urn:uuid:communiquer-a",
      issuedOn: new Date("2026-10-05T00:00:00Z"),
    });
    const refused = await client.post("/api/me/partner-badges", { badge: document });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("EMAIL_NOT_VERIFIED");
    await platform.ctx.db
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(users.id, user!.id));
    const accepted = await client.post("/api/me/partner-badges", { badge: document });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ counts: true });
    // A badge that is someone else's says so, in plain French.
    const other = await partnerBadge({
      email: "voisin@exemple.fr",
      achievement: "urn:uuid:communiquer-b",
      issuedOn: new Date("2026-10-05T00:00:00Z"),
    });
    expect(
      (await client.post("/api/me/partner-badges", { badge: other.document })).json(),
    ).toMatchObject({
      counts: false,
      code: "RECIPIENT_MISMATCH",
    });
    await platform.worker.drain();
    const mine = json<{
      partnerBadges: { channel: string; counts: boolean; refusalReason: string | null }[];
      credentials: { name: string; status: string; regional: boolean }[];
    }>(await client.get("/api/me/partner-badges"));
    expect(mine.partnerBadges.map((b) => b.channel).sort()).toEqual(["api", "upload", "upload"]);
    expect(mine.partnerBadges.find((b) => !b.counts)?.refusalReason).toMatch(/autre personne/);
    expect(mine.credentials).toEqual([
      expect.objectContaining({
        name: "Organiser, niveau I — Je pratique",
        status: "valid",
        regional: true,
      }),
    ]);
  });
});
