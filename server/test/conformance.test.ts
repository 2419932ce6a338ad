import fs from "node:fs";
import path from "node:path";
import { verifyCredential as dccVerifyCredential } from "@digitalcredentials/verifier-core";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturesDir } from "../../packages/openbadges/test/fixtures";
import { badgeClasses, credentials } from "../src/db/schema";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import {
  addMember,
  buildOrganisation,
  buildUser,
  catalogueBadges,
  signedInClient,
} from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * What Blason issues passes 1EdTech's JSON schema as published, and the
 * Digital Credentials Consortium's verifier-core (behind the Learner
 * Credential Wallet): a badge of the label, the label, a regional badge and a
 * partner's own badge, issued by the running server. verifier-core fetches
 * the issuers' did:web documents and the status lists; they are answered by
 * this server, and 1EdTech's schema from the fixtures folder (it is not ours
 * to redistribute): nothing reaches the network.
 */
const schemaFile = path.join(fixturesDir, "spec/schema/achievementcredential.json");
const haveSchema = fs.existsSync(schemaFile);
if (!haveSchema)
  console.warn(
    `1EdTech's schema not found at ${schemaFile}: the conformance test is skipped (it is not ours to redistribute).`,
  );
/** Where verifier-core looks for the schema of a VC 2.0 OpenBadgeCredential. */
const SCHEMA_URL =
  "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

type Issued = { kind: string; document: Record<string, unknown> };
type DccResult = {
  log?: { id: string; valid: boolean; matchingIssuers?: unknown[] }[];
  errors?: unknown[];
  additionalInformation?: {
    id: string;
    results: { result: { valid: boolean; errors?: unknown[] } }[];
  }[];
};

let platform: TestPlatform;
const issued: Issued[] = [];
const outbound: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  if (!haveSchema) return;
  platform = await createTestPlatform();
  const origin = new URL(platform.config.publicUrl);
  // did:web resolves over https: both schemes reach this server's own routes.
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.host === origin.host) {
      const response = await platform.app.inject({
        method: "GET",
        url: url.pathname + url.search,
        headers: { accept: new Headers(init?.headers).get("accept") ?? "application/json" },
      });
      return new Response(response.rawPayload, {
        status: response.statusCode,
        headers: { "content-type": String(response.headers["content-type"] ?? "") },
      });
    }
    if (url.href === SCHEMA_URL)
      return new Response(fs.readFileSync(schemaFile), {
        headers: { "content-type": "application/json" },
      });
    outbound.push(url.href);
    throw new Error(`no network in tests: ${url.href}`);
  }) as typeof fetch;

  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  const cfa = await buildOrganisation(platform.ctx, { name: "CFA des Métiers de Caen" });
  const badge = (await catalogueBadges(platform.ctx)).find((b) => b.kind === "badge")!;
  const [label] = await platform.ctx.db
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.kind, "label"));
  const [regional] = await platform.ctx.db
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.slug, "organiser-1"));
  const person = await buildUser(platform.ctx, { email: "camille@exemple.fr" });
  const issue = async (kind: string, grant: Parameters<typeof issueCredential>[1]) =>
    issued.push({
      kind,
      document: (await issueCredential(platform.ctx, grant)).credential.document,
    });
  await issue("a badge of the label", {
    grantKey: "conformance:badge",
    badgeClassId: badge.id,
    subjectOrgId: cfa.id,
    validFrom: new Date(),
  });
  await issue("the label", {
    grantKey: "conformance:label",
    badgeClassId: label!.id,
    subjectOrgId: cfa.id,
    validFrom: new Date(),
    evidence: [{ id: String(issued[0]!.document.id), name: badge.name }],
  });
  await issue("a regional badge", {
    grantKey: `regional:${person.id}:${regional!.id}`,
    badgeClassId: regional!.id,
    subjectUserId: person.id,
    validFrom: new Date(),
    evidence: [{ id: "urn:uuid:7d0b5b1e-4c39-4b5e-9f57-0e0a8f1d2c11", name: "Organiser" }],
  });

  // A partner, Participant, awards a badge of its own, signed with its own key.
  const partner = await buildOrganisation(platform.ctx, {
    name: "Atelier Emploi Rouen",
    kind: "partner",
  });
  const admin = await buildUser(platform.ctx);
  await addMember(platform.ctx, partner.id, admin.id, "admin");
  const manager = await signedInClient(
    platform,
    (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
  );
  expect(
    (
      await manager.post(`/api/organisations/${partner.id}/participations`, {
        kind: "participant",
        validFrom: new Date(Date.now() - 86_400_000).toISOString(),
      })
    ).statusCode,
  ).toBe(201);
  const partnerClient = await signedInClient(platform, admin.id);
  const own = await partnerClient.post(`/api/organisations/${partner.id}/own-badges`, {
    name: "Planifier sa semaine de travail",
    recognises: "La personne prépare et tient le planning de sa semaine à l'atelier.",
    criteria: [{ statement: "A tenu son planning quatre semaines de suite.", evidence: [] }],
    validityMonths: 36,
    color: "#1f5f8b",
  });
  expect(own.statusCode, own.body).toBe(201);
  const award = await partnerClient.post(
    `/api/organisations/${partner.id}/own-badges/${own.json().id}/awards`,
    { email: "lea.durand@exemple.fr", name: "Léa Durand" },
  );
  expect(award.statusCode, award.body).toBe(201);
  const [partnerCredential] = await platform.ctx.db
    .select()
    .from(credentials)
    .where(and(eq(credentials.id, award.json().id), eq(credentials.issuerId, partner.id)));
  issued.push({ kind: "a partner's own badge", document: partnerCredential!.document });
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await platform?.close();
});

describe.skipIf(!haveSchema)("credentials issued by Blason, checked by others' tools", () => {
  it("there are the four kinds to check", () => {
    expect(issued.map((i) => i.kind)).toEqual([
      "a badge of the label",
      "the label",
      "a regional badge",
      "a partner's own badge",
    ]);
  });

  it("each passes 1EdTech's JSON schema for an AchievementCredential, as published", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
    for (const { kind, document } of issued)
      expect(validate(document) ? "valid" : ajv.errorsText(validate.errors), kind).toBe("valid");
  });

  it("each passes verifier-core, every check but the issuer registry (none is configured)", async () => {
    for (const { kind, document } of issued) {
      const result = (await dccVerifyCredential({
        credential: document,
        knownDIDRegistries: [],
      })) as DccResult;
      expect(
        result.errors,
        `${kind}: ${JSON.stringify(result.errors)?.slice(0, 600)}`,
      ).toBeUndefined();
      const failing = (result.log ?? []).filter((l) => !l.valid).map((l) => l.id);
      expect(failing, kind).toEqual(["registered_issuer"]);
      // Signature, status (its own step, named after the entry's purpose) and expiry.
      expect((result.log ?? []).map((l) => l.id).sort(), kind).toEqual(
        [
          "valid_signature",
          "expiration",
          "registered_issuer",
          `${String((document.credentialStatus as { statusPurpose: string }).statusPurpose)}_status`,
        ].sort(),
      );
      const schema = result.additionalInformation?.find((a) => a.id === "schema_check");
      expect(
        schema?.results.map((r) => (r.result.valid ? "valid" : JSON.stringify(r.result.errors))),
        kind,
      ).toEqual(["valid"]);
    }
    expect(outbound).toEqual([]);
  });
});
