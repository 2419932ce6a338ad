import { randomUUID } from "node:crypto";
import { badgeImageSvg, bakePng, renderSvgToPng } from "@blason/openbadges";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentials, partnerBadges, partnerRegistrations, users } from "../src/db/schema";
import { issuerDid } from "../src/modules/credentials/issuer.service";
import { json, type TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { type DidKeyIssuer, didKeyIssuer, signedPartnerBadge } from "./support/partner-issuer";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Two partners, A and B, each with its own signing key, its own API key and
 * its own approved registration, and a person P who holds a regional badge
 * through A's badge. What B's key and B's registrations try never changes A's
 * badges, nor P's: a key acts only on badges its own issuer signed, a
 * received badge is keyed by what was verified, and a registration proves
 * control of the issuer it names.
 */
let platform: TestPlatform;
let manager: TestClient;
let regionDid: string;
const P = "pauline.martin@exemple.fr";

type Partner = {
  id: string;
  client: TestClient;
  secret: string;
  apiClientId: string;
  issuer: DidKeyIssuer;
  achievement: string;
  proofAddress: string;
};
let A: Partner;
let B: Partner;
/** The badge A's platform issued to P, pushed with A's key: it gives P "Organiser, niveau I". */
let aBadge: Record<string, unknown>;

const achievementJson = (id: string, issuer: string, name = "Badge de l'atelier") =>
  JSON.stringify({ type: ["Achievement"], id, name, creator: { id: issuer } });

async function partner(name: string, family: string): Promise<Partner> {
  const org = await buildOrganisation(platform.ctx, { name, kind: "partner" });
  const admin = await buildUser(platform.ctx);
  await addMember(platform.ctx, org.id, admin.id, "admin");
  const client = await signedInClient(platform, admin.id);
  const participation = await manager.post(`/api/organisations/${org.id}/participations`, {
    kind: "participant",
    validFrom: "2026-01-01T00:00:00.000Z",
  });
  expect(participation.statusCode, participation.body).toBe(201);
  const issuer = await didKeyIssuer();
  const achievement = `urn:uuid:${randomUUID()}`;
  const proofAddress = json<{ recipient: string }>(
    await client.get(`/api/organisations/${org.id}/issuer-proof`),
  ).recipient;
  // The partner's platform issues its badge once to the address Blason gave: the proof.
  const proof = await signedPartnerBadge({ signer: issuer, achievement, email: proofAddress });
  const registered = await client.post("/api/partner-registrations", {
    organisationId: org.id,
    source: "json",
    json: achievementJson(achievement, issuer.did),
    target: { family, level: 1, equivalence: "one_for_one" },
    justification: "Le badge atteste exactement cette compétence.",
    proof: JSON.stringify(proof),
  });
  expect(registered.statusCode, registered.body).toBe(201);
  const approved = await manager.post(
    `/api/partner-registrations/${registered.json().id}/decision`,
    { decision: "approve", motivation: "Correspondance claire." },
  );
  expect(approved.statusCode, approved.body).toBe(200);
  const key = await client.post(`/api/organisations/${org.id}/api-clients`, { name: "Plateforme" });
  return {
    id: org.id,
    client,
    secret: key.json().secret,
    apiClientId: key.json().id,
    issuer,
    achievement,
    proofAddress,
  };
}

function push(key: string, email: string, badge: unknown, name = "Nom choisi par la clé") {
  return platform.app.inject({
    method: "POST",
    url: "/api/partner-badges",
    headers: { authorization: `Bearer ${key}` },
    payload: { recipient: { email, name }, badge },
  });
}

/** Everything an attack could change: P's received badges, P's regional badges, accounts, registrations. */
async function state() {
  await platform.worker.drain();
  const [person] = await platform.ctx.db.select().from(users).where(eq(users.email, P));
  return {
    received: await platform.ctx.db
      .select({
        id: partnerBadges.id,
        issuerIri: partnerBadges.issuerIri,
        assertionKey: partnerBadges.assertionKey,
        partnerOrgId: partnerBadges.partnerOrgId,
        apiClientId: partnerBadges.apiClientId,
        channel: partnerBadges.channel,
        counts: partnerBadges.counts,
        document: partnerBadges.document,
      })
      .from(partnerBadges)
      .where(eq(partnerBadges.earnerId, person!.id))
      .orderBy(partnerBadges.id),
    regional: await platform.ctx.db
      .select({ id: credentials.id, suspendedAt: credentials.suspendedAt })
      .from(credentials)
      .where(eq(credentials.subjectUserId, person!.id)),
    users: (await platform.ctx.db.select({ id: users.id }).from(users)).length,
    registrations: (await platform.ctx.db.select().from(partnerRegistrations)).length,
  };
}

const errorOf = (response: { json: () => { error?: { code?: string } } }) =>
  response.json().error?.code;

beforeAll(async () => {
  platform = await createTestPlatform();
  const region = await buildOrganisation(platform.ctx, {
    name: "Région Normandie",
    kind: "region",
  });
  regionDid = issuerDid(platform.config, region.slug);
  manager = await signedInClient(
    platform,
    (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
  );
  A = await partner("Atelier A", "organiser");
  B = await partner("Atelier B", "communiquer");
  aBadge = await signedPartnerBadge({ signer: A.issuer, achievement: A.achievement, email: P });
  const pushed = await push(A.secret, P, aBadge, "Pauline Martin");
  expect(pushed.statusCode, pushed.body).toBe(201);
  expect(pushed.json().counts).toBe(true);
  const before = await state();
  expect(before.regional).toEqual([{ id: expect.any(String), suspendedAt: null }]);
  expect(before.received).toMatchObject([
    { assertionKey: aBadge.id, issuerIri: A.issuer.did, partnerOrgId: A.id, counts: true },
  ]);
});
afterAll(async () => platform?.close());

describe("a partner's key acts only on badges its own issuer signed", () => {
  it("an unverified document carrying the id of A's badge is refused, with B's key or A's, and replaces nothing", async () => {
    const before = await state();
    for (const key of [B.secret, A.secret]) {
      const forged = await push(key, P, { id: aBadge.id, name: "x" });
      expect(forged.statusCode, forged.body).toBe(400);
      expect(errorOf(forged)).toBe("PARTNER_BADGE_NOT_VERIFIED");
    }
    const after = await state();
    expect(after).toEqual(before);
    expect(after.received[0]!.document).toEqual(aBadge);
    expect(after.regional[0]!.suspendedAt).toBeNull();
  });

  it("A's genuine badge pushed with B's key is refused: it stays A's, received through A's key", async () => {
    const before = await state();
    const taken = await push(B.secret, P, aBadge);
    expect(taken.statusCode, taken.body).toBe(403);
    expect(errorOf(taken)).toBe("PARTNER_BADGE_ISSUER_NOT_YOURS");
    expect(await state()).toEqual(before);
    expect(before.received[0]).toMatchObject({ partnerOrgId: A.id, apiClientId: A.apiClientId });
  });

  it("a badge signed by an issuer nobody registered is refused with either key, even naming A's badge class", async () => {
    const before = await state();
    const stranger = await didKeyIssuer();
    const unknown = await signedPartnerBadge({
      signer: stranger,
      achievement: A.achievement,
      email: P,
    });
    for (const key of [A.secret, B.secret]) {
      const response = await push(key, P, unknown);
      expect(response.statusCode, response.body).toBe(403);
      expect(errorOf(response)).toBe("PARTNER_BADGE_ISSUER_NOT_YOURS");
    }
    expect(await state()).toEqual(before);
  });

  it("a refused push creates no person account, whatever name the key chose", async () => {
    const before = await state();
    const nobody = "quentin.inconnu@exemple.fr";
    const unverified = await push(B.secret, nobody, { id: "urn:uuid:rien", name: "x" });
    expect(errorOf(unverified)).toBe("PARTNER_BADGE_NOT_VERIFIED");
    // B's own genuine badge, but issued to someone else than the address pushed.
    const someoneElse = await signedPartnerBadge({
      signer: B.issuer,
      achievement: B.achievement,
      email: "autre.personne@exemple.fr",
    });
    const mismatch = await push(B.secret, nobody, someoneElse);
    expect(mismatch.statusCode, mismatch.body).toBe(400);
    expect(errorOf(mismatch)).toBe("PARTNER_BADGE_RECIPIENT_MISMATCH");
    expect(await platform.ctx.db.select().from(users).where(eq(users.email, nobody))).toEqual([]);
    expect(await state()).toEqual(before);
  });

  it("each key still pushes its own badges: one row per verified issuer and id", async () => {
    const again = await push(A.secret, P, aBadge);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().counts).toBe(true);
    const bBadge = await signedPartnerBadge({
      signer: B.issuer,
      achievement: B.achievement,
      email: P,
    });
    const own = await push(B.secret, P, bBadge);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().counts).toBe(true);
    const after = await state();
    expect(after.received.map((r) => [r.issuerIri, r.assertionKey, r.partnerOrgId]).sort()).toEqual(
      [
        [A.issuer.did, aBadge.id, A.id],
        [B.issuer.did, bBadge.id, B.id],
      ].sort(),
    );
    expect(after.regional.map((r) => r.suspendedAt)).toEqual([null, null]);
  });

  it("a forged copy the person hands in is kept apart: the verified badge keeps its document", async () => {
    const [person] = await platform.ctx.db.select().from(users).where(eq(users.email, P));
    await platform.ctx.db
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(eq(users.id, person!.id));
    const pauline = await signedInClient(platform, person!.id);
    const before = await state();
    const upload = await pauline.post("/api/me/partner-badges", {
      badge: { id: aBadge.id, name: "x" },
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json().code).toBe("NOT_VERIFIED");
    // Handed in again, the same document is the same (unverified) row.
    const twice = await pauline.post("/api/me/partner-badges", {
      badge: { id: aBadge.id, name: "x" },
    });
    expect(twice.json().id).toBe(upload.json().id);
    const after = await state();
    expect(after.received.filter((r) => r.assertionKey === aBadge.id)).toEqual(
      before.received.filter((r) => r.assertionKey === aBadge.id),
    );
    expect(after.received.find((r) => r.id === upload.json().id)).toMatchObject({
      issuerIri: null,
      counts: false,
    });
    expect(after.regional).toEqual(before.regional);
  });
});

describe("a registration proves control of the issuer it names", () => {
  const submitB = (body: Record<string, unknown>) =>
    B.client.post("/api/partner-registrations", {
      organisationId: B.id,
      source: "json",
      target: { family: "organiser", level: 1, equivalence: "one_for_one" },
      justification: "Ce badge atteste exactement la compétence visée.",
      ...body,
    });

  it("naming A's did:key: without a proof, with A's badge issued to P, with a proof B signed: refused", async () => {
    const before = await state();
    const claim = achievementJson(A.achievement, A.issuer.did);
    const none = await submitB({ json: claim });
    expect(none.statusCode, none.body).toBe(400);
    expect(errorOf(none)).toBe("REGISTRATION_PROOF_REQUIRED");
    // A genuine credential of A's class, signed by A, but issued to P: anyone could replay it.
    const replayed = await submitB({ json: claim, proof: JSON.stringify(aBadge) });
    expect(errorOf(replayed)).toBe("REGISTRATION_PROOF_WRONG_RECIPIENT");
    // B's key signing a credential that says A issued it.
    const forged = await signedPartnerBadge({
      signer: B.issuer,
      issuer: A.issuer.did,
      achievement: A.achievement,
      email: B.proofAddress,
    });
    expect(errorOf(await submitB({ json: claim, proof: JSON.stringify(forged) }))).toBe(
      "REGISTRATION_PROOF_NOT_VERIFIED",
    );
    // B's own credential of A's class: signed, but not by the issuer named.
    const ownSigned = await signedPartnerBadge({
      signer: B.issuer,
      achievement: A.achievement,
      email: B.proofAddress,
    });
    expect(errorOf(await submitB({ json: claim, proof: JSON.stringify(ownSigned) }))).toBe(
      "REGISTRATION_PROOF_WRONG_ISSUER",
    );
    expect(await state()).toEqual(before);
  });

  it("naming the Region's issuer on Blason is refused, with or without a proof, named or typed", async () => {
    const before = await state();
    const regional = await submitB({
      json: achievementJson(`urn:uuid:${randomUUID()}`, regionDid),
    });
    expect(regional.statusCode, regional.body).toBe(403);
    expect(errorOf(regional)).toBe("REGISTRATION_ISSUER_NOT_YOURS");
    const typed = await submitB({
      json: JSON.stringify({ type: ["Achievement"], id: `urn:uuid:${randomUUID()}`, name: "R" }),
      issuerIri: regionDid,
      proof: JSON.stringify(aBadge),
    });
    expect(errorOf(typed)).toBe("REGISTRATION_ISSUER_NOT_YOURS");
    // A typed issuer that contradicts the document's is refused too.
    const contradicting = await submitB({
      json: achievementJson(`urn:uuid:${randomUUID()}`, B.issuer.did),
      issuerIri: A.issuer.did,
    });
    expect(errorOf(contradicting)).toBe("REGISTRATION_ISSUER_MISMATCH");
    expect(await state()).toEqual(before);
  });

  it("a proof of another badge class is refused; one of this class, issued to B's proof address, is accepted", async () => {
    const achievement = `urn:uuid:${randomUUID()}`;
    const otherClass = await signedPartnerBadge({
      signer: B.issuer,
      achievement: B.achievement,
      email: B.proofAddress,
    });
    const wrong = await submitB({
      json: achievementJson(achievement, B.issuer.did),
      proof: JSON.stringify(otherClass),
    });
    expect(errorOf(wrong)).toBe("REGISTRATION_PROOF_WRONG_BADGE");
    // A's proof address is A's: a badge issued to it proves nothing for B.
    const toA = await signedPartnerBadge({
      signer: B.issuer,
      achievement,
      email: A.proofAddress,
    });
    expect(
      errorOf(
        await submitB({
          json: achievementJson(achievement, B.issuer.did),
          proof: JSON.stringify(toA),
        }),
      ),
    ).toBe("REGISTRATION_PROOF_WRONG_RECIPIENT");
    // The right one, as a baked PNG (what a badge platform hands out).
    const proof = await signedPartnerBadge({
      signer: B.issuer,
      achievement,
      email: B.proofAddress,
    });
    const png = bakePng(
      renderSvgToPng(badgeImageSvg({ title: "Preuve", subtitle: "Atelier B", color: "#1f5f8b" }), {
        width: 120,
      }),
      JSON.stringify(proof),
      { version: "3.0" },
    );
    const accepted = await submitB({
      json: achievementJson(achievement, B.issuer.did),
      proof: `data:image/png;base64,${Buffer.from(png).toString("base64")}`,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ issuerIri: B.issuer.did, issuerProof: "credential" });
  });
});
