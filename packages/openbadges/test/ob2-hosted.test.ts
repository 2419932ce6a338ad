import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bakePng, unbakePng } from "../src/bake/png";
import { bakeSvg, unbakeSvg } from "../src/bake/svg";
import { createMapFetcher, httpAnswer } from "../src/fetch";
import { renderSvgToPng } from "../src/render";
import { type VerificationReport, verifyCredential } from "../src/verify";

/**
 * OB 2.0 hosted assertions: a revoked one may answer 410 Gone with
 * `{"revoked": true, "revocationReason": ...}`, and a backpack reads it as
 * revoked by its issuer, for that reason. Baked 2.0 images carry the hosted
 * assertion (PNG: its JSON; SVG: its URL in `verify`, its JSON inside).
 */

const now = new Date("2026-11-22T12:00:00Z");
const step = (report: VerificationReport, id: string) => report.steps.find((s) => s.id === id);
const base = "https://badges.example";
const issuer = {
  "@context": "https://w3id.org/openbadges/v2",
  type: "Issuer",
  id: `${base}/issuers/1`,
  name: "Atelier Exemple",
  url: base,
  email: "contact@badges.example",
};
const badge = {
  "@context": "https://w3id.org/openbadges/v2",
  type: "BadgeClass",
  id: `${base}/badges/1`,
  name: "Planifier sa semaine",
  description: "La personne tient le planning de sa semaine.",
  image: `${base}/badges/1.png`,
  criteria: { narrative: "Quatre semaines de suite." },
  issuer: issuer.id,
};
const salt = "0f1e2d3c";
const assertion = {
  "@context": "https://w3id.org/openbadges/v2",
  type: "Assertion",
  id: `${base}/assertions/1`,
  recipient: {
    type: "email",
    hashed: true,
    salt,
    identity: `sha256$${createHash("sha256").update(`lea@exemple.fr${salt}`).digest("hex")}`,
  },
  badge: badge.id,
  verification: { type: "hosted" },
  issuedOn: "2026-09-01T00:00:00Z",
};
const documents = { [issuer.id]: issuer, [badge.id]: badge };
const reason = "Les preuves ne correspondaient pas à la réalité.";

describe("a revoked OB 2.0 hosted assertion (410 Gone)", () => {
  it("reads as revoked by its issuer, with the reason its 410 body gives", async () => {
    const fetcher = createMapFetcher({
      ...documents,
      [assertion.id]: httpAnswer(410, { ...assertion, revoked: true, revocationReason: reason }),
    });
    const report = await verifyCredential(assertion.id, { fetcher, now });
    expect(report.format).toBe("ob2-hosted");
    expect(report.verified).toBe(false);
    expect(step(report, "status")).toMatchObject({
      status: "failed",
      details: { code: "REVOKED" },
      reason: { fr: expect.stringContaining(reason), en: expect.stringContaining(reason) },
    });
    // Not a failed fetch: the issuer answered for its badge.
    expect(step(report, "ob2_hosted")).toMatchObject({ status: "passed" });
    expect(report.steps.filter((s) => s.status === "failed").map((s) => s.id)).toEqual(["status"]);
    // The displayer still shows what was revoked, and by whom.
    expect(report.summary).toMatchObject({
      name: badge.name,
      issuerName: issuer.name,
    });
  });

  it("a 410 with only the id, revoked and revocationReason reads the same from the assertion given", async () => {
    const fetcher = createMapFetcher({
      ...documents,
      [assertion.id]: httpAnswer(410, {
        id: assertion.id,
        revoked: true,
        revocationReason: reason,
      }),
    });
    const report = await verifyCredential(assertion, { fetcher, now });
    expect(step(report, "status")).toMatchObject({
      status: "failed",
      details: { code: "REVOKED" },
      reason: { en: expect.stringContaining(reason) },
    });
    expect(step(report, "ob2_hosted")?.status).toBe("passed");
    expect(report.summary).toMatchObject({ name: badge.name, issuerName: issuer.name });
  });

  it("a bare 410 (no body) is still revoked by its issuer, without a reason", async () => {
    const fetcher = createMapFetcher({ ...documents, [assertion.id]: httpAnswer(410, "") });
    const report = await verifyCredential(assertion, { fetcher, now });
    expect(step(report, "status")).toMatchObject({
      status: "failed",
      details: { code: "REVOKED" },
      reason: { en: "The badge was revoked by its issuer." },
    });
  });

  it("a 410 for another assertion does not pass as the issuer's answer for this one", async () => {
    const fetcher = createMapFetcher({
      ...documents,
      [assertion.id]: httpAnswer(410, {
        ...assertion,
        id: `${base}/assertions/2`,
        revoked: true,
      }),
    });
    const report = await verifyCredential(assertion, { fetcher, now });
    expect(report.verified).toBe(false);
    expect(step(report, "ob2_hosted")).toMatchObject({
      status: "failed",
      details: { code: "HOSTED_MISMATCH" },
    });
  });

  it("other statuses stay a failed fetch (404: not published)", async () => {
    const fetcher = createMapFetcher({ ...documents, [assertion.id]: httpAnswer(404, "gone?") });
    const report = await verifyCredential(assertion, { fetcher, now });
    expect(step(report, "ob2_hosted")).toMatchObject({
      status: "failed",
      details: { code: "HOSTED_NOT_FOUND", fetch: "FETCH_HTTP_STATUS" },
    });
  });
});

describe("OB 2.0 baked images of a hosted assertion", () => {
  const shield =
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>';
  const json = JSON.stringify(assertion);
  const fetcher = createMapFetcher({ ...documents, [assertion.id]: assertion });

  it("a PNG carries the assertion's JSON in its openbadges iTXt chunk and verifies as hosted", async () => {
    const png = bakePng(renderSvgToPng(shield, { width: 64 }), json, { version: "2.0" });
    expect(unbakePng(png)).toEqual({ version: "2.0", payload: json });
    const report = await verifyCredential(png, { fetcher, now });
    expect(report.format).toBe("ob2-hosted");
    expect(report.verified).toBe(true);
  });

  it("an SVG names the hosted URL in verify and carries the JSON inside", async () => {
    const svg = bakeSvg(shield, json, { version: "2.0", verify: assertion.id });
    expect(svg).toMatch(
      /<svg xmlns:openbadges="http:\/\/openbadges.org"[^>]*><openbadges:assertion verify="https:\/\/badges.example\/assertions\/1"><!\[CDATA\[/,
    );
    expect(unbakeSvg(svg)).toEqual({ version: "2.0", payload: json });
    const report = await verifyCredential(svg, { fetcher, now });
    expect(report.format).toBe("ob2-hosted");
    expect(report.verified).toBe(true);
  });

  it("an SVG baked with the URL only verifies from the hosted document", async () => {
    const svg = bakeSvg(shield, assertion.id, { version: "2.0" });
    expect(unbakeSvg(svg)).toEqual({ version: "2.0", payload: assertion.id });
    const report = await verifyCredential(svg, { fetcher, now });
    expect(report.verified).toBe(true);
  });
});
