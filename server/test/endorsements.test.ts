import fs from "node:fs";
import path from "node:path";
import { defaultDocumentLoader, didWebToUrl, type VerificationReport } from "@blason/openbadges";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturesDir } from "../../packages/openbadges/test/fixtures";
import { badgeClasses } from "../src/db/schema";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { independentIssuer } from "./support/independent-issuer";
import { linkToken, mailsTo } from "./support/mail";
import { appWithWebApp, createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Endorsements: an institution on Blason signs one with its own key; an
 * external one uploads one signed by Digital Bazaar's stack alone. Both pass
 * 1EdTech's EndorsementCredential schema as published and @digitalbazaar/vc;
 * a badge issued after them embeds them and still verifies; a withdrawal
 * flips the endorsement's status and the verifier says so, the badge staying
 * valid.
 */
const schemaDir = path.join(fixturesDir, "spec/schema");
const haveSchemas = fs.existsSync(path.join(schemaDir, "endorsementcredential.json"));
if (!haveSchemas)
  console.warn(
    `1EdTech's schemas not found in ${schemaDir}: the schema checks of endorsements are skipped (they are not ours to redistribute).`,
  );
const schemaCheck = (file: string) => {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemaDir, file), "utf8")));
  return (document: unknown) => (validate(document) ? "valid" : ajv.errorsText(validate.errors));
};

let platform: TestPlatform;
let manager: TestClient;
let endorserAdmin: TestClient;
let regional: typeof badgeClasses.$inferSelect;
let endorser: Awaited<ReturnType<typeof buildOrganisation>>;
let person: Awaited<ReturnType<typeof buildUser>>;

/** Our own documents (did:web, status lists) answered by this server; contexts bundled. */
async function loader(url: string) {
  if (url.startsWith("did:web:")) {
    const [did, fragment] = url.split("#");
    const response = await platform.app.inject({
      method: "GET",
      url: new URL(didWebToUrl(did!)!).pathname,
    });
    const document = response.json() as { verificationMethod: { id: string }[] };
    if (!fragment) return { contextUrl: null, documentUrl: url, document };
    const method = document.verificationMethod.find((m) => m.id === url);
    return {
      contextUrl: null,
      documentUrl: url,
      document: { "@context": "https://w3id.org/security/multikey/v1", ...method },
    };
  }
  return defaultDocumentLoader(url);
}

/** Digital Bazaar's verifier (the status is checked by ours, below). */
const dbVerify = async (credential: object) =>
  (
    await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader,
      checkStatus: async () => ({ verified: true }),
    })
  ).verified;

const ourVerify = async (document: unknown) =>
  (
    await platform.app.inject({
      method: "POST",
      url: "/api/verify",
      payload: document as Record<string, unknown>,
    })
  ).json<VerificationReport & { endorsements?: { outcome: string; endorserName?: string }[] }>();

beforeAll(async () => {
  platform = await createTestPlatform();
  await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
  endorser = await buildOrganisation(platform.ctx, { name: "OPCO Ouest", kind: "partner" });
  const admin = await buildUser(platform.ctx);
  await addMember(platform.ctx, endorser.id, admin.id, "admin");
  endorserAdmin = await signedInClient(platform, admin.id);
  manager = await signedInClient(
    platform,
    (await buildUser(platform.ctx, { platformRoles: ["programme_manager"] })).id,
  );
  const [found] = await platform.ctx.db
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.slug, "organiser-1"));
  regional = found!;
  person = await buildUser(platform.ctx, { email: "camille@exemple.fr" });
});
let web: Awaited<ReturnType<typeof appWithWebApp>> | undefined;
afterAll(async () => {
  await web?.close();
  await platform?.close();
});

const blasonStatement = "L'OPCO Ouest reconnaît ce badge pour ses parcours d'alternance.";
const externalStatement = "La branche reconnaît ce badge dans ses certifications.";
let blasonId: string;
let blasonDocument: Record<string, unknown>;
let externalDocument: Record<string, unknown>;

describe("endorsements", () => {
  it("a manager invites an organisation on Blason, whose admin reads and signs it", async () => {
    const invited = await manager.post("/api/endorsements", {
      target: "badge_class",
      badgeClassId: regional.id,
      endorser: { organisationId: endorser.id },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    blasonId = invited.json().id;
    const [mail] = await mailsTo(platform, endorser.contactEmail);
    expect(mail?.subject).toContain(regional.name);

    const seen = await endorserAdmin.get(`/api/endorsements/${blasonId}`);
    expect(seen.json()).toMatchObject({
      state: "invited",
      endorsed: { name: regional.name, id: `${platform.config.publicUrl}/badges/${regional.id}` },
    });
    // The manager invites; only the endorser's own admin signs.
    expect(
      (await manager.post(`/api/endorsements/${blasonId}/sign`, { statement: blasonStatement }))
        .statusCode,
    ).toBe(403);
    const signed = await endorserAdmin.post(`/api/endorsements/${blasonId}/sign`, {
      statement: blasonStatement,
    });
    expect(signed.statusCode, signed.body).toBe(204);
    const again = await endorserAdmin.post(`/api/endorsements/${blasonId}/sign`, {
      statement: blasonStatement,
    });
    expect(again.json().error.code).toBe("ENDORSEMENT_NOT_OPEN");

    const served = await platform.app.inject({ method: "GET", url: `/endorsements/${blasonId}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers["access-control-allow-origin"]).toBe("*");
    blasonDocument = served.json();
    expect(blasonDocument).toMatchObject({
      type: ["VerifiableCredential", "EndorsementCredential"],
      credentialSubject: { endorsementComment: blasonStatement },
    });
    expect(Array.isArray(blasonDocument.proof)).toBe(true);
    expect((blasonDocument.proof as { cryptosuite: string }[])[0]!.cryptosuite).toBe(
      "eddsa-rdfc-2022",
    );
    expect(await dbVerify(blasonDocument)).toBe(true);
    expect((await ourVerify(blasonDocument)).verified).toBe(true);
  });

  it("an external issuer uploads one signed by its own platform, checked first", async () => {
    const other = await independentIssuer({
      name: "Branche des métiers du bâtiment",
      statusBase: "https://branche.example/status",
    });
    const invited = await manager.post("/api/endorsements", {
      target: "badge_class",
      badgeClassId: regional.id,
      endorser: { issuerId: other.did, name: other.name, email: "contact@branche.example" },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const [mail] = await mailsTo(platform, "contact@branche.example");
    const token = linkToken(mail!.text, "/approbations/invitation/");
    const visitor = new TestClient(platform.app);
    expect((await visitor.get(`/api/endorsement-invitations/${token}`)).json().state).toBe(
      "invited",
    );
    const subjectId = `${platform.config.publicUrl}/badges/${regional.id}`;
    // About something else, or by someone else: refused.
    const elsewhere = await other.endorsement({
      subjectId: "https://ailleurs.example/badge",
      comment: externalStatement,
    });
    const wrong = await visitor.post(`/api/endorsement-invitations/${token}/upload`, {
      document: elsewhere,
    });
    expect(wrong.json().error.code).toBe("ENDORSEMENT_UPLOAD_MISMATCH");
    externalDocument = await other.endorsement({ subjectId, comment: externalStatement });
    const tampered = {
      ...externalDocument,
      credentialSubject: {
        ...(externalDocument.credentialSubject as object),
        endorsementComment: "x",
      },
    };
    expect(
      (
        await visitor.post(`/api/endorsement-invitations/${token}/upload`, { document: tampered })
      ).json().error.code,
    ).toBe("ENDORSEMENT_UPLOAD_INVALID");
    const uploaded = await visitor.post(`/api/endorsement-invitations/${token}/upload`, {
      document: externalDocument,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(204);
    expect(await dbVerify(externalDocument)).toBe(true);
  });

  it.skipIf(!haveSchemas)("both pass 1EdTech's EndorsementCredential schema, as published", () => {
    const check = schemaCheck("endorsementcredential.json");
    expect(check(blasonDocument)).toBe("valid");
    expect(check(externalDocument)).toBe("valid");
  });

  it("the programme's catalogue lists them with the endorser, statement and URL", async () => {
    const response = await platform.app.inject({
      method: "GET",
      url: "/api/public/programmes/competences/badges",
    });
    const badge = response
      .json<{ badges: { id: string; endorsements: unknown[] }[] }>()
      .badges.find((b) => b.id === regional.id);
    expect(badge?.endorsements).toEqual([
      {
        endorser: "OPCO Ouest",
        statement: blasonStatement,
        url: `${platform.config.publicUrl}/endorsements/${blasonId}`,
      },
      expect.objectContaining({
        endorser: "Branche des métiers du bâtiment",
        statement: externalStatement,
      }),
    ]);
  });

  it("the badge page's first HTML names each endorser and its statement", async () => {
    web = await appWithWebApp(platform);
    const page = await web.inject({
      method: "GET",
      url: `/badges/${regional.id}`,
      headers: { accept: "text/html" },
    });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain("<h2>Approbations</h2>");
    expect(html).toContain("<strong>OPCO Ouest</strong>");
    expect(html).toContain(blasonStatement.replaceAll("'", "&#39;"));
    expect(html).toContain("<strong>Branche des métiers du bâtiment</strong>");
  });

  it("a badge issued after embeds them and still verifies, then a withdrawal shows", async () => {
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: `regional:${person.id}:${regional.id}`,
      badgeClassId: regional.id,
      subjectUserId: person.id,
      validFrom: new Date(),
    });
    const document = credential.document;
    const achievement = (document.credentialSubject as { achievement: { endorsement: unknown[] } })
      .achievement;
    expect(achievement.endorsement).toEqual([blasonDocument, externalDocument]);
    if (haveSchemas) expect(schemaCheck("achievementcredential.json")(document)).toBe("valid");
    expect(await dbVerify(document)).toBe(true);
    const before = await ourVerify(document);
    expect(before.verified).toBe(true);
    expect(before.endorsements?.map((e) => e.outcome)).toEqual(["valid", "valid"]);
    expect(before.steps.find((s) => s.id === "endorsements")?.status).toBe("passed");

    // An outsider may not withdraw it; the endorser's admin does.
    const outsider = await signedInClient(platform, (await buildUser(platform.ctx)).id);
    expect((await outsider.post(`/api/endorsements/${blasonId}/withdraw`)).statusCode).toBe(404);
    const withdrawn = await endorserAdmin.post(`/api/endorsements/${blasonId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);

    const endorsementReport = await ourVerify(blasonDocument);
    expect(endorsementReport.verified).toBe(false);
    expect(endorsementReport.steps.find((s) => s.id === "status")?.details?.code).toBe("REVOKED");
    const after = await ourVerify(document);
    expect(after.verified).toBe(true);
    expect(after.endorsements?.map((e) => [e.endorserName, e.outcome])).toEqual([
      ["OPCO Ouest", "revoked"],
      ["Branche des métiers du bâtiment", "valid"],
    ]);
    expect(after.steps.find((s) => s.id === "endorsements")?.status).toBe("warning");
    // No longer listed nor embedded in what is issued next.
    const listed = await platform.app.inject({
      method: "GET",
      url: `/api/public/badges/${regional.id}`,
    });
    expect(listed.json().endorsements.map((e: { endorser: string }) => e.endorser)).toEqual([
      "Branche des métiers du bâtiment",
    ]);
  });

  it("an endorsement of the Region as issuer is embedded in the issuer of what it issues next", async () => {
    const invited = await manager.post("/api/endorsements", {
      target: "issuer",
      endorser: { organisationId: endorser.id },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const id = invited.json().id;
    const signed = await endorserAdmin.post(`/api/endorsements/${id}/sign`, {
      statement: "L'OPCO Ouest reconnaît la Région comme émetteur de badges.",
    });
    expect(signed.statusCode, signed.body).toBe(204);
    const other = await buildUser(platform.ctx, { email: "lea@exemple.fr" });
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: `regional:${other.id}:${regional.id}`,
      badgeClassId: regional.id,
      subjectUserId: other.id,
      validFrom: new Date(),
    });
    const issuer = credential.document.issuer as { id: string; endorsement: { id: string }[] };
    expect(issuer.endorsement.map((e) => e.id)).toEqual([
      `${platform.config.publicUrl}/endorsements/${id}`,
    ]);
    if (haveSchemas)
      expect(schemaCheck("achievementcredential.json")(credential.document)).toBe("valid");
    const report = await ourVerify(credential.document);
    expect(report.verified).toBe(true);
    expect(
      report.endorsements
        ?.filter((e) => (e as { of?: string }).of === "issuer")
        .map((e) => e.outcome),
    ).toEqual(["valid"]);
  });
});
