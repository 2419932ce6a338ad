import fs from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { type VerificationReport, verifyCredential } from "@blason/openbadges";
import { and, eq } from "drizzle-orm";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses, credentials } from "../src/db/schema";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { repoRoot } from "../src/paths";
import { json, TestClient } from "./support/client";
import {
  addMember,
  buildOrganisation,
  buildUser,
  catalogueBadges,
  signedInClient,
} from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * OB 2.0 for every award: each credential Blason issues (a CFA's badge, the
 * label, a person's regional badge, a partner's own badge) is also an OB 2.0
 * hosted assertion, downloadable as a baked PNG (iTXt `openbadges`: the
 * assertion's JSON) and SVG (`openbadges:assertion`, its URL in `verify`),
 * whose BadgeClass and Issuer name the organisation that issues it. A revoked
 * one answers 410 Gone with `revoked` and its reason, and reads as revoked.
 */

let platform: TestPlatform;
let base: string;
let region: Awaited<ReturnType<typeof buildOrganisation>>;
let partnerSlug: string;
const awards: Record<string, { id: string; badge: string; issuer: string }> = {};

const partnerProfile = {
  name: "Atelier Emploi Rouen",
  website: "https://atelier-emploi-rouen.example/",
  contactEmail: "badges@atelier-emploi-rouen.example",
};

beforeAll(async () => {
  platform = await createTestPlatform();
  base = platform.config.publicUrl;
  region = await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  const cfa = await buildOrganisation(platform.ctx, { name: "CFA des Métiers de Caen" });
  const [first] = await catalogueBadges(platform.ctx);
  const [label] = await platform.ctx.db
    .select()
    .from(badgeClasses)
    .where(and(eq(badgeClasses.collectionId, first!.collectionId), eq(badgeClasses.kind, "label")));
  const [regional] = await platform.ctx.db
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.slug, "organiser-1"));
  const person = await buildUser(platform.ctx, { email: "camille@exemple.fr" });
  const validFrom = new Date(Date.now() - 86_400_000);
  for (const [kind, grant] of [
    ["a CFA's badge", { badgeClassId: first!.id, subjectOrgId: cfa.id }],
    ["the label", { badgeClassId: label!.id, subjectOrgId: cfa.id }],
    ["a person's regional badge", { badgeClassId: regional!.id, subjectUserId: person.id }],
  ] as const) {
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: `ob2:${kind}`,
      validFrom,
      ...grant,
    });
    const [badge] = await platform.ctx.db
      .select()
      .from(badgeClasses)
      .where(eq(badgeClasses.id, credential.badgeClassId));
    awards[kind] = { id: credential.id, badge: badge!.name, issuer: region.name };
  }

  // A participant sets its profile, defines its own badge and awards it.
  const org = await buildOrganisation(platform.ctx, { name: "Atelier", kind: "partner" });
  partnerSlug = org.slug;
  const admin = await buildUser(platform.ctx);
  await addMember(platform.ctx, org.id, admin.id, "admin");
  const partner = await signedInClient(platform, admin.id);
  const manager = await signedInClient(
    platform,
    (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
  );
  const participation = await manager.post(`/api/organisations/${org.id}/participations`, {
    kind: "participant",
    validFrom: validFrom.toISOString(),
  });
  expect(participation.statusCode, participation.body).toBe(201);
  const profile = await partner.patch(`/api/organisations/${org.id}`, partnerProfile);
  expect(profile.statusCode, profile.body).toBe(200);
  const created = await partner.post(`/api/organisations/${org.id}/own-badges`, {
    name: "Planifier sa semaine de travail",
    recognises: "La personne prépare et tient le planning de sa semaine à l'atelier.",
    criteria: [{ statement: "A tenu son planning quatre semaines de suite.", evidence: [] }],
    validityMonths: 36,
    color: "#1f5f8b",
  });
  expect(created.statusCode, created.body).toBe(201);
  const awarded = await partner.post(
    `/api/organisations/${org.id}/own-badges/${created.json().id}/awards`,
    { email: "lea.durand@exemple.fr", name: "Léa Durand" },
  );
  expect(awarded.statusCode, awarded.body).toBe(201);
  awards["a partner's own badge"] = {
    id: awarded.json().id,
    badge: "Planifier sa semaine de travail",
    issuer: partnerProfile.name,
  };
  await platform.worker.drain();
});
afterAll(() => platform?.close());

const anonymous = () => new TestClient(platform.app);
const failed = (report: VerificationReport) =>
  report.steps.filter((s) => s.status === "failed").map((s) => `${s.id}: ${s.reason.en}`);
const step = (report: VerificationReport, id: string) => report.steps.find((s) => s.id === id);

/**
 * The test's own PNG reader, independent of the engine's: checks the
 * signature and each chunk's CRC, and returns the text chunks (iTXt with its
 * compression flag, tEXt) by keyword.
 */
function pngTextChunks(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const found: { type: string; keyword: string; compressed: boolean; text: string }[] = [];
  let offset = 8;
  for (;;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(crc32(png.subarray(offset + 4, offset + 8 + length)) >>> 0).toBe(
      png.readUInt32BE(offset + 8 + length),
    );
    const nul = data.indexOf(0);
    if (type === "tEXt")
      found.push({
        type,
        keyword: data.toString("latin1", 0, nul),
        compressed: false,
        text: data.toString("latin1", nul + 1),
      });
    if (type === "iTXt") {
      // keyword \0 flag method language \0 translated keyword \0 text
      const language = data.indexOf(0, nul + 3);
      const translated = data.indexOf(0, language + 1);
      found.push({
        type,
        keyword: data.toString("latin1", 0, nul),
        compressed: data[nul + 1] === 1,
        text: data.toString("utf8", translated + 1),
      });
    }
    offset += 12 + length;
    if (type === "IEND") return found;
  }
}

/** The `openbadges:assertion` element right after the opening svg tag, read with a regex of the test's own. */
function svgAssertion(svg: string) {
  const match =
    /^(?:<\?xml[^>]*>\s*)?<svg\b([^>]*)>\s*<openbadges:assertion\s+verify="([^"]*)"\s*>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>)?\s*<\/openbadges:assertion>/.exec(
      svg,
    );
  expect(match, svg.slice(0, 300)).not.toBeNull();
  return {
    namespace: /xmlns:openbadges="([^"]*)"/.exec(match![1]!)?.[1],
    verify: match![2]!,
    json: match![3],
  };
}

describe("every award is an OB 2.0 hosted assertion, baked in PNG and SVG", () => {
  it.each(["a CFA's badge", "the label", "a person's regional badge", "a partner's own badge"])(
    "%s: the baked PNG and SVG read back, by the engine and by the test's own readers",
    async (kind) => {
      const award = awards[kind]!;
      const url = `${base}/ob2/assertions/${award.id}`;
      const hosted = await anonymous().get(`/ob2/assertions/${award.id}`);
      expect(hosted.statusCode).toBe(200);
      expect(hosted.headers["content-type"]).toMatch(/^application\/ld\+json/);
      const assertion = hosted.json();
      expect(assertion).toMatchObject({ id: url, type: "Assertion", image: `${url}.png` });

      const png = await anonymous().get(`/ob2/assertions/${award.id}.png`);
      expect(png.statusCode).toBe(200);
      expect(png.headers["content-type"]).toBe("image/png");
      const chunks = pngTextChunks(png.rawPayload).filter((c) => c.keyword === "openbadges");
      expect(chunks.map((c) => [c.type, c.compressed])).toEqual([["iTXt", false]]);
      expect(JSON.parse(chunks[0]!.text)).toEqual(assertion);
      const fromPng = await verifyCredential(new Uint8Array(png.rawPayload), {
        fetcher: platform.ctx.fetcher,
      });
      expect(failed(fromPng)).toEqual([]);
      expect(fromPng).toMatchObject({
        verified: true,
        format: "ob2-hosted",
        source: "png",
        summary: { name: award.badge, issuerName: award.issuer },
      });

      const svg = await anonymous().get(`/ob2/assertions/${award.id}.svg`);
      expect(svg.statusCode).toBe(200);
      expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
      const element = svgAssertion(svg.payload);
      expect(element.namespace).toBe("http://openbadges.org");
      expect(element.verify).toBe(url);
      expect(JSON.parse(element.json ?? "null")).toEqual(assertion);
      const fromSvg = await verifyCredential(svg.payload, { fetcher: platform.ctx.fetcher });
      expect(failed(fromSvg)).toEqual([]);
      expect(fromSvg).toMatchObject({
        verified: true,
        format: "ob2-hosted",
        source: "svg",
        summary: { name: award.badge, issuerName: award.issuer },
      });
    },
  );

  it("the credential's public view offers the 2.0 downloads beside the 3.0 ones", async () => {
    const { id } = awards["a CFA's badge"]!;
    const view = json<{ downloads: Record<string, string> }>(
      await anonymous().get(`/api/public/credentials/${id}`),
    );
    expect(view.downloads).toEqual({
      json: `${base}/credentials/${id}.json`,
      png: `${base}/credentials/${id}.png`,
      svg: `${base}/credentials/${id}.svg`,
      ob2: `${base}/ob2/assertions/${id}`,
      ob2Png: `${base}/ob2/assertions/${id}.png`,
      ob2Svg: `${base}/ob2/assertions/${id}.svg`,
    });
  });

  it("an unknown award has no 2.0 image", async () => {
    for (const ext of ["png", "svg"])
      expect(
        (await anonymous().get(`/ob2/assertions/00000000-0000-4000-8000-000000000000.${ext}`))
          .statusCode,
      ).toBe(404);
  });
});

describe("a partner's own badge in OB 2.0", () => {
  it("its hosted BadgeClass and Issuer name the partner, as the partner set its profile", async () => {
    const { id } = awards["a partner's own badge"]!;
    const assertion = json<{ badge: string }>(await anonymous().get(`/ob2/assertions/${id}`));
    const badgeClass = json<{ issuer: string; name: string }>(
      await anonymous().get(new URL(assertion.badge).pathname),
    );
    expect(badgeClass.name).toBe("Planifier sa semaine de travail");
    expect(badgeClass.issuer).toBe(`${base}/ob2/issuers/${partnerSlug}`);
    const issuer = await anonymous().get(new URL(badgeClass.issuer).pathname);
    expect(issuer.statusCode).toBe(200);
    expect(issuer.json()).toEqual({
      "@context": "https://w3id.org/openbadges/v2",
      type: "Issuer",
      id: badgeClass.issuer,
      name: partnerProfile.name,
      url: partnerProfile.website,
      email: partnerProfile.contactEmail,
    });
    const report = await verifyCredential(`${base}/ob2/assertions/${id}`, {
      fetcher: platform.ctx.fetcher,
      recipient: { email: "lea.durand@exemple.fr" },
    });
    expect(failed(report)).toEqual([]);
    expect(report.summary).toMatchObject({
      issuerId: badgeClass.issuer,
      issuerName: partnerProfile.name,
    });
  });

  it("a partner's badge not yet awarded already has its issuer published", async () => {
    const org = await buildOrganisation(platform.ctx, { name: "Atelier neuf", kind: "partner" });
    const admin = await buildUser(platform.ctx);
    await addMember(platform.ctx, org.id, admin.id, "admin");
    const partner = await signedInClient(platform, admin.id);
    const manager = await signedInClient(
      platform,
      (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
    );
    await manager.post(`/api/organisations/${org.id}/participations`, {
      kind: "participant",
      validFrom: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const created = await partner.post(`/api/organisations/${org.id}/own-badges`, {
      name: "Accueillir un nouveau collègue",
      recognises: "La personne accueille un collègue arrivé à l'atelier.",
      criteria: [{ statement: "A présenté l'atelier et ses règles.", evidence: [] }],
      validityMonths: 24,
      color: "#1f5f8b",
    });
    expect(created.statusCode, created.body).toBe(201);
    const badgeClass = await anonymous().get(`/ob2/badges/${created.json().id}`);
    expect(badgeClass.statusCode, badgeClass.body).toBe(200);
    const issuer = await anonymous().get(new URL(badgeClass.json().issuer).pathname);
    expect(issuer.statusCode).toBe(200);
    expect(issuer.json()).toMatchObject({ type: "Issuer", name: "Atelier neuf" });
  });

  it("the Region's badges still name the Region", async () => {
    const { id } = awards["a CFA's badge"]!;
    const assertion = json<{ badge: string }>(await anonymous().get(`/ob2/assertions/${id}`));
    const badgeClass = json<{ issuer: string }>(
      await anonymous().get(new URL(assertion.badge).pathname),
    );
    expect(badgeClass.issuer).toBe(`${base}/ob2/issuers/${region.slug}`);
  });
});

describe("a revoked award in OB 2.0", () => {
  it("answers 410 Gone with revoked and its reason, and reads as revoked by its issuer", async () => {
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: "ob2:revoked",
      badgeClassId: (await catalogueBadges(platform.ctx))[1]!.id,
      subjectOrgId: (await buildOrganisation(platform.ctx)).id,
      validFrom: new Date(Date.now() - 86_400_000),
    });
    const url = `${base}/ob2/assertions/${credential.id}`;
    const baked = (await anonymous().get(`/ob2/assertions/${credential.id}.png`)).rawPayload;
    const reason = "Les preuves fournies ne correspondaient pas à la réalité.";
    const manager = await signedInClient(
      platform,
      (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
    );
    const revoked = await manager.post(`/api/credentials/${credential.id}/revoke`, { reason });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const gone = await anonymous().get(`/ob2/assertions/${credential.id}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers["content-type"]).toMatch(/^application\/ld\+json/);
    expect(gone.json()).toMatchObject({
      "@context": "https://w3id.org/openbadges/v2",
      id: url,
      revoked: true,
      revocationReason: reason,
    });

    for (const input of [url, new Uint8Array(baked)]) {
      const report = await verifyCredential(input, { fetcher: platform.ctx.fetcher });
      expect(report.format).toBe("ob2-hosted");
      expect(report.verified).toBe(false);
      expect(step(report, "status")).toMatchObject({
        status: "failed",
        details: { code: "REVOKED" },
        reason: { fr: expect.stringContaining(reason) },
      });
      expect(step(report, "ob2_hosted")?.status).toBe("passed");
      expect(failed(report)).toHaveLength(1);
    }
    const [row] = await platform.ctx.db
      .select({ revokedAt: credentials.revokedAt })
      .from(credentials)
      .where(eq(credentials.id, credential.id));
    expect(row!.revokedAt).not.toBeNull();
  });
});

/**
 * 1EdTech's copy of the OB 2.0 JSON-LD context (its validator's test asset),
 * used as published: the first line names its URL, the rest is the context.
 * 1EdTech publishes no JSON schema for OB 2.0; its validator checks 2.0
 * documents against this vocabulary.
 */
const contextFile = path.resolve(
  repoRoot,
  "../shared/fixtures/1edtech/validator/ob20/assets/openbadges_context.json",
);
const haveContext = fs.existsSync(contextFile);
if (!haveContext)
  console.warn(
    `1EdTech fixtures not found at ${contextFile}: the OB 2.0 vocabulary test is skipped.`,
  );

describe.skipIf(!haveContext)("the hosted documents in 1EdTech's OB 2.0 vocabulary", () => {
  const expand = async (doc: unknown) => {
    const text = fs.readFileSync(contextFile, "utf8");
    const [url, ...rest] = text.split("\n");
    const context = JSON.parse(rest.join("\n"));
    return jsonld.expand(doc as object, {
      safe: true,
      documentLoader: async (asked: string) => {
        if (asked !== url?.trim()) throw new Error(`no remote document: ${asked}`);
        return { contextUrl: null, documentUrl: asked, document: context };
      },
    });
  };

  it("every property of the Assertion, BadgeClass and Issuer is an OB 2.0 term (safe mode drops nothing)", async () => {
    for (const kind of Object.keys(awards)) {
      const assertion = json<{ badge: string }>(
        await anonymous().get(`/ob2/assertions/${awards[kind]!.id}`),
      );
      const badgeClass = json<{ issuer: string }>(
        await anonymous().get(new URL(assertion.badge).pathname),
      );
      const issuer = json(await anonymous().get(new URL(badgeClass.issuer).pathname));
      for (const [doc, type] of [
        [assertion, "Assertion"],
        [badgeClass, "BadgeClass"],
        [issuer, "Issuer"],
      ] as const) {
        const [expanded] = (await expand(doc)) as { "@type": string[] }[];
        expect(expanded?.["@type"], `${kind}: ${type}`).toEqual([
          `https://w3id.org/openbadges#${type}`,
        ]);
      }
    }
  });

  it("the check bites: a property outside the vocabulary is refused", async () => {
    const assertion = json(await anonymous().get(`/ob2/assertions/${awards["the label"]!.id}`));
    await expect(expand({ ...assertion, notAnOpenBadgesTerm: 1 })).rejects.toThrow();
  });
});
