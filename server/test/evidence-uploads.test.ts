import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationFiles } from "../src/db/schema";
import { json, type TestClient } from "./support/client";
import {
  addMember,
  buildOrganisation,
  buildUser,
  catalogueBadges,
  signedInClient,
} from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/** Every bidirectional control: embeddings, overrides, isolates and marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let platform: TestPlatform;
let applicant: TestClient;
let applicationId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  const cfa = await buildOrganisation(platform.ctx);
  const user = await buildUser(platform.ctx);
  await addMember(platform.ctx, cfa.id, user.id, "member");
  applicant = await signedInClient(platform, user.id);
  const [badge] = await catalogueBadges(platform.ctx);
  const draft = await applicant.post("/api/applications", {
    organisationId: cfa.id,
    badgeClassId: badge!.id,
  });
  applicationId = json<{ id: string }>(draft).id;
});
afterAll(() => platform?.close());

function upload(body: Buffer, type: string, name: string, path = "files") {
  return applicant.request({
    method: "POST",
    url: `/api/applications/${applicationId}/${path}?criterion=0${path === "files" ? "" : "&holderName=L%C3%A9a%20Roux"}`,
    body,
    headers: { "content-type": type, "x-file-name": encodeURIComponent(name) },
  });
}

type Detail = { files: { filename: string }[]; staffBadges: { input: string }[] };

describe("evidence uploads", () => {
  it("take a plain-text file, as documented, and give it back as it was", async () => {
    const notes = Buffer.from("Compte rendu du comité du 12 mars\nPrésents : 8 personnes\n");
    for (const type of ["text/plain", "text/plain; charset=utf-8"]) {
      const sent = await upload(notes, type, "compte-rendu.txt");
      expect(sent.statusCode, sent.body).toBe(201);
      expect(json(sent)).toMatchObject({ filename: "compte-rendu.txt", contentType: "text/plain" });
      const back = await applicant.get(
        `/api/applications/${applicationId}/files/${json<{ id: string }>(sent).id}`,
      );
      expect(back.rawPayload.equals(notes)).toBe(true);
      expect(back.headers["content-type"]).toMatch(/^text\/plain/);
    }
  });

  it("still refuse a text file that is not text", async () => {
    const sent = await upload(Buffer.from([0x4d, 0x5a, 0x00, 0x90]), "text/plain", "notes.txt");
    expect(sent.statusCode).toBe(415);
    expect(json(sent).error).toMatchObject({ code: "FILE_TYPE_REFUSED" });
  });

  it("neutralise a right-to-left override in a file name where it is kept, shown and sent", async () => {
    // Shown as "contrat-txt.pdf" where the override is obeyed.
    const sent = await upload(Buffer.from("texte"), "text/plain", "contrat-\u202efdp.txt");
    expect(sent.statusCode, sent.body).toBe(201);
    const { id, filename } = json<{ id: string; filename: string }>(sent);
    expect(filename).toBe("contrat-fdp.txt");
    const [kept] = await platform.ctx.db
      .select()
      .from(applicationFiles)
      .where(eq(applicationFiles.id, id));
    expect(kept?.filename).toBe("contrat-fdp.txt");
    const download = await applicant.get(`/api/applications/${applicationId}/files/${id}`);
    expect(decodeURIComponent(String(download.headers["content-disposition"]))).not.toMatch(BIDI);
  });

  it("neutralise every bidi control in a name kept before this rule, when shown and sent", async () => {
    const [old] = await platform.ctx.db
      .insert(applicationFiles)
      .values({
        applicationId,
        criterion: "0",
        filename:
          "a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl.txt",
        contentType: "text/plain",
        size: 1,
        sha256: "0".repeat(64),
        content: Buffer.from("x"),
      })
      .returning();
    const detail = json<Detail>(await applicant.get(`/api/applications/${applicationId}`));
    for (const file of detail.files) expect(file.filename).not.toMatch(BIDI);
    const download = await applicant.get(`/api/applications/${applicationId}/files/${old!.id}`);
    const disposition = decodeURIComponent(String(download.headers["content-disposition"]));
    expect(disposition).toContain("abcdefghijkl.txt");
  });

  it("neutralise bidi controls in a staff badge image's name", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const sent = await upload(png, "image/png", "badge-\u202egnp.exe.png", "staff-badges/image");
    expect(sent.statusCode, sent.body).toBe(201);
    expect(json<{ input: string }>(sent).input).toBe("badge-gnp.exe.png");
    const detail = json<Detail>(await applicant.get(`/api/applications/${applicationId}`));
    for (const badge of detail.staffBadges) expect(badge.input).not.toMatch(BIDI);
  });
});
