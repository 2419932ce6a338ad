import {
  decodeBitstring,
  getStatus,
  MIN_STATUS_LIST_LENGTH,
  unbakePng,
  unbakeSvg,
  verifyCredential,
} from "@blason/openbadges";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itWithFixtures, oneEdTechSchema } from "../../packages/openbadges/test/fixtures";
import { badgeClasses, credentials, devMail, statusLists } from "../src/db/schema";
import {
  enqueueIssuance,
  type Grant,
  issueCredential,
} from "../src/modules/credentials/issuance.service";
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
let cfa: Awaited<ReturnType<typeof buildOrganisation>>;
let badgeId: string;
let region: Awaited<ReturnType<typeof buildOrganisation>>;
beforeAll(async () => {
  platform = await createTestPlatform();
  region = await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  cfa = await buildOrganisation(platform.ctx, { name: "CFA des Métiers de Caen" });
  const [badge] = await platform.ctx.db
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.slug, "accueil-integration"));
  badgeId = badge?.id ?? (await catalogueBadges(platform.ctx))[0]!.id;
});
afterAll(() => platform?.close());

const grant = (key: string): Grant => ({
  grantKey: `test:${key}`,
  badgeClassId: badgeId,
  subjectOrgId: cfa.id,
  validFrom: new Date("2026-10-15T10:00:00Z"),
});

const clientAs = (userId: string) => signedInClient(platform, userId);

type Step = { id: string; status: string; details?: { code?: string } };

describe("issuing a badge", () => {
  it("signs an OB 3.0 credential that verifies, issuer key and status list included", async () => {
    const { credential, created } = await issueCredential(platform.ctx, grant("first"));
    expect(created).toBe(true);
    const report = await verifyCredential(credential.document, { fetcher: platform.ctx.fetcher });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.steps.find((s) => s.id === "status")?.status).toBe("passed");
    // Proofs as a list, as 1EdTech's schema requires, for the badge and its status list.
    expect(credential.document.proof).toEqual([
      expect.objectContaining({ type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" }),
    ]);
    const entry = credential.document.credentialStatus as { statusListCredential: string };
    const list = json<{ proof: unknown }>(
      await new TestClient(platform.app).get(new URL(entry.statusListCredential).pathname),
    );
    expect(list.proof).toEqual([expect.objectContaining({ type: "DataIntegrityProof" })]);
    const subject = (credential.document.credentialSubject as { identifier: unknown[] }).identifier;
    // Hashed SIRET, UAI and contact address: the CFA is identified without being exposed.
    expect(subject).toHaveLength(3);
    expect(credential.validUntil?.toISOString()).toBe("2030-10-15T10:00:00.000Z");
  });

  itWithFixtures("signs a badge that 1EdTech's schema, as published, finds valid", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("schema"));
    const schema = oneEdTechSchema("achievementcredential.json");
    expect(schema.validate(credential.document), schema.explain()).toBe(true);
  });

  it("issues exactly once, however often and concurrently the grant is processed", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => issueCredential(platform.ctx, grant("race"))),
    );
    expect(new Set(results.map((r) => r.credential.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.grantKey, "test:race"));
    expect(rows).toHaveLength(1);
  });

  it("runs as a job enqueued once per grant, and emails the CFA a link to accept", async () => {
    await platform.ctx.db.transaction(async (tx) => {
      await enqueueIssuance(tx, grant("job"));
      await enqueueIssuance(tx, grant("job"));
    });
    await platform.worker.drain();
    const rows = await platform.ctx.db
      .select()
      .from(credentials)
      .where(eq(credentials.grantKey, "test:job"));
    expect(rows).toHaveLength(1);
    const mails = await platform.ctx.db
      .select()
      .from(devMail)
      .where(eq(devMail.to, cfa.contactEmail));
    expect(mails.some((m) => m.subject.startsWith("Badge obtenu"))).toBe(true);
  });
});

describe("public documents of an awarded badge", () => {
  it("answers the signed credential as JSON, and baked PNG and SVG that verify", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("documents"));
    const client = new TestClient(platform.app);
    const asJson = await client.request({
      method: "GET",
      url: `/credentials/${credential.id}`,
      headers: { accept: "application/ld+json" },
    });
    expect(asJson.headers["content-type"]).toMatch(/^application\/ld\+json/);
    expect(asJson.json()).toEqual(credential.document);
    const png = await client.get(`/credentials/${credential.id}.png`);
    expect(png.headers["content-type"]).toBe("image/png");
    const baked = unbakePng(new Uint8Array(png.rawPayload));
    expect(JSON.parse(baked!.payload)).toEqual(credential.document);
    const svg = await client.get(`/credentials/${credential.id}.svg`);
    expect(JSON.parse(unbakeSvg(svg.payload)!.payload)).toEqual(credential.document);
    const report = await verifyCredential(new Uint8Array(png.rawPayload), {
      fetcher: platform.ctx.fetcher,
    });
    expect(report.verified).toBe(true);
  });

  it("publishes the issuer's did:web document and OB 3.0 profile", async () => {
    const client = new TestClient(platform.app);
    const did = json<{ id: string; assertionMethod: string[] }>(
      await client.get(`/issuers/${region.slug}/did.json`),
    );
    expect(did.id).toBe(`did:web:localhost%3A3000:issuers:${region.slug}`);
    expect(did.assertionMethod.length).toBeGreaterThan(0);
    const profile = await client.request({
      method: "GET",
      url: `/issuers/${region.slug}`,
      headers: { accept: "application/json" },
    });
    expect(profile.json()).toMatchObject({
      id: did.id,
      type: ["Profile"],
      name: "Région Normandie",
    });
  });

  it("verifies as an OB 2.0 hosted assertion", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("ob2"));
    const report = await verifyCredential(
      `${platform.config.publicUrl}/ob2/assertions/${credential.id}`,
      { fetcher: platform.ctx.fetcher, recipient: { email: cfa.contactEmail } },
    );
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(report.format).toBe("ob2-hosted");
    expect(report.verified).toBe(true);
  });

  it("is cacheable: Cache-Control, and an ETag that answers 304 when unchanged", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("etag"));
    const first = await platform.app.inject({ url: `/credentials/${credential.id}.json` });
    expect(first.headers["cache-control"]).toBe("public, max-age=30");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^(W\/)?"/);
    const again = await platform.app.inject({
      url: `/credentials/${credential.id}.json`,
      headers: { "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
  });

  it("offers a QR code of the badge's address", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("qr"));
    const qr = await platform.app.inject({
      url: `/api/public/credentials/${credential.id}/qr.svg`,
    });
    expect(qr.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toMatch(/^<svg[^>]*viewBox/);
  });

  it("an unknown or malformed id is a 404", async () => {
    const client = new TestClient(platform.app);
    for (const url of [
      "/credentials/00000000-0000-4000-8000-000000000000",
      "/credentials/not-an-id.json",
      "/ob2/assertions/00000000-0000-4000-8000-000000000000",
      "/status/nobody-1",
      "/issuers/nobody/did.json",
    ])
      expect((await client.get(url)).statusCode, url).toBe(404);
  });
});

describe("status list positions", () => {
  type Entry = { statusListCredential: string; statusListIndex: string };
  const entryOf = (c: { document: Record<string, unknown> }) =>
    c.document.credentialStatus as Entry;

  it("are drawn at random within the list and never given twice; a full list opens the next", async () => {
    const entries: Entry[] = [];
    for (let i = 0; i < 12; i++)
      entries.push(
        entryOf((await issueCredential(platform.ctx, grant(`position-${i}`))).credential),
      );
    const positions = entries.map((e) => Number(e.statusListIndex));
    expect(new Set(positions).size).toBe(12);
    // Counted in issue order they would rise one by one from the start of the list.
    expect(positions).not.toEqual([...positions].sort((a, b) => a - b));
    expect(Math.max(...positions)).toBeGreaterThan(1000);
    const listUrl = entries[0]!.statusListCredential;
    expect(listUrl).toBe(`${platform.config.publicUrl}/status/${region.slug}-1`);
    expect(new Set(entries.map((e) => e.statusListCredential))).toEqual(new Set([listUrl]));

    // Every position of the list given out: the next badge opens list 2, which answers signed.
    await platform.ctx.db
      .update(statusLists)
      .set({ used: MIN_STATUS_LIST_LENGTH })
      .where(eq(statusLists.id, `${region.slug}-1`));
    const next = entryOf((await issueCredential(platform.ctx, grant("position-next"))).credential);
    expect(next.statusListCredential).toBe(listUrl.replace(/-1$/, "-2"));
    const anonymous = new TestClient(platform.app);
    for (const url of [listUrl, next.statusListCredential]) {
      const list = await anonymous.get(new URL(url).pathname);
      expect(list.statusCode, url).toBe(200);
      expect(list.json()).toMatchObject({
        id: url,
        credentialSubject: { statusPurpose: "revocation" },
      });
    }
    const report = await verifyCredential(
      (await issueCredential(platform.ctx, grant("position-next"))).credential.document,
      { fetcher: platform.ctx.fetcher },
    );
    expect(report.steps.find((s) => s.id === "status")?.status).toBe("passed");
  });
});

describe("embedding on another site", () => {
  it("public images and credential documents may be loaded by another origin; the rest stays same-origin", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("embed"));
    const id = credential.id;
    const list = (credential.document.credentialStatus as { statusListCredential: string })
      .statusListCredential;
    const anonymous = new TestClient(platform.app);
    for (const url of [
      `/credentials/${id}.png`,
      `/credentials/${id}.svg`,
      `/credentials/${id}.json`,
      `/api/public/badges/${badgeId}/image.png`,
      `/api/public/badges/${badgeId}/image.svg`,
      `/api/public/credentials/${id}/qr.svg`,
      `/ob2/assertions/${id}`,
      `/ob2/badges/${badgeId}`,
      `/ob2/issuers/${region.slug}`,
      `/issuers/${region.slug}/did.json`,
      new URL(list).pathname,
    ]) {
      const response = await anonymous.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cross-origin-resource-policy"], url).toBe("cross-origin");
      expect(response.headers["access-control-allow-origin"], url).toBe("*");
    }
    const asDocument = await platform.app.inject({
      url: `/credentials/${id}`,
      headers: { accept: "application/ld+json" },
    });
    expect(asDocument.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    const profile = await platform.app.inject({
      url: `/issuers/${region.slug}`,
      headers: { accept: "application/ld+json" },
    });
    expect(profile.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    // The API and the app stay for this origin only.
    for (const url of ["/api/health", `/api/public/credentials/${id}`])
      expect((await anonymous.get(url)).headers["cross-origin-resource-policy"], url).toBe(
        "same-origin",
      );
  });
});

describe("revocation", () => {
  it("shows everywhere: public page, status list, OB 2.0 410 Gone, and the verifier", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("revoked"));
    const manager = await buildUser(platform.ctx, { platformRoles: ["programme_manager"] });
    const anonymous = new TestClient(platform.app);
    const entry = credential.document.credentialStatus as {
      statusListCredential: string;
      statusListIndex: string;
    };
    const listPath = new URL(entry.statusListCredential).pathname;
    const bitBefore = async () => {
      const list = json<{ credentialSubject: { encodedList: string } }>(
        await anonymous.get(listPath),
      );
      return getStatus(
        decodeBitstring(list.credentialSubject.encodedList),
        Number(entry.statusListIndex),
      );
    };
    expect(await bitBefore()).toBe(false);

    const client = await clientAs(manager.id);
    const response = await client.post(`/api/credentials/${credential.id}/revoke`, {
      reason: "Les preuves fournies ne correspondaient pas à la réalité.",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: "revoked" });

    const view = json<{ status: string; revocationReason: string }>(
      await anonymous.get(`/api/public/credentials/${credential.id}`),
    );
    expect(view).toMatchObject({ status: "revoked", revocationReason: /preuves/ });
    expect(await bitBefore()).toBe(true);
    const ob2 = await anonymous.get(`/ob2/assertions/${credential.id}`);
    expect(ob2.statusCode).toBe(410);
    expect(ob2.json()).toMatchObject({ revoked: true });
    const report = await verifyCredential(credential.document, { fetcher: platform.ctx.fetcher });
    expect(report.verified).toBe(false);
    const status = report.steps.find((s) => s.id === "status") as Step;
    expect(status).toMatchObject({ status: "failed", details: { code: "REVOKED" } });

    const again = await client.post(`/api/credentials/${credential.id}/revoke`, {
      reason: "Deuxième tentative",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CREDENTIAL_ALREADY_REVOKED");
  });

  it("only programme managers revoke; a CFA member cannot", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("not-revoked"));
    const member = await buildUser(platform.ctx);
    await addMember(platform.ctx, cfa.id, member.id, "admin");
    const response = await (await clientAs(member.id)).post(
      `/api/credentials/${credential.id}/revoke`,
      { reason: "Je voudrais le retirer" },
    );
    expect(response.statusCode).toBe(403);
  });
});

describe("accepting a badge", () => {
  it("a member of the CFA accepts once; an outsider cannot see it", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("claim"));
    const member = await buildUser(platform.ctx);
    await addMember(platform.ctx, cfa.id, member.id, "member");
    const client = await clientAs(member.id);
    const accepted = await client.post(`/api/credentials/${credential.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().claimState).toBe("accepted");
    const twice = await client.post(`/api/credentials/${credential.id}/decline`, {});
    expect(twice.json().error.code).toBe("CLAIM_ALREADY_ANSWERED");
    const outsider = await buildUser(platform.ctx);
    const refused = await (await clientAs(outsider.id)).post(
      `/api/credentials/${credential.id}/accept`,
      {},
    );
    expect(refused.statusCode).toBe(404);
    const list = json<{ credentials: { id: string }[] }>(
      await client.get(`/api/organisations/${cfa.id}/credentials`),
    );
    expect(list.credentials.map((c) => c.id)).toContain(credential.id);
  });

  it("declining revokes the badge", async () => {
    const { credential } = await issueCredential(platform.ctx, grant("declined"));
    const member = await buildUser(platform.ctx);
    await addMember(platform.ctx, cfa.id, member.id, "admin");
    const declined = await (await clientAs(member.id)).post(
      `/api/credentials/${credential.id}/decline`,
      {},
    );
    expect(declined.json()).toMatchObject({ claimState: "declined", status: "revoked" });
  });
});
