import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { unbakePng } from "../src/bake/png";
import type { Fetcher } from "../src/fetch";
import { verifyCredential } from "../src/verify";
import { describeWithFixtures, fixturesDir } from "./fixtures";

const dir = path.join(fixturesDir, "validator/ob20");

/**
 * example.org, played by the test: http(s)://example.org/<name> answers the
 * file assets/<name> (with or without .json), and the assertion under test
 * answers at its own id. Nothing leaves the process.
 */
function exampleOrg(hosted?: { id: string; text: string }): Fetcher {
  return async (url) => {
    let text: string | undefined;
    if (hosted && url === hosted.id) text = hosted.text;
    const match = /^https?:\/\/example\.org\/([A-Za-z0-9._-]+)$/.exec(url);
    if (!text && match?.[1]) {
      for (const candidate of [match[1], `${match[1]}.json`]) {
        const file = path.join(dir, "assets", candidate);
        if (fs.existsSync(file)) text = fs.readFileSync(file, "utf8");
        if (text) break;
      }
    }
    if (text === undefined)
      return { ok: false, url, code: "FETCH_HTTP_STATUS", status: 404, message: "HTTP 404" };
    return {
      ok: true,
      status: 200,
      url,
      finalUrl: url,
      contentType: "application/json",
      body: new TextEncoder().encode(text),
      text,
    };
  };
}

type Expectation = { pass: true } | { pass: false; step: string; code?: string };
const pass: Expectation = { pass: true };
const fail = (step: string, code?: string): Expectation => ({
  pass: false,
  step,
  ...(code ? { code } : {}),
});

const ob20: Record<string, Expectation> = {
  "basic-assertion.json": pass,
  "basic-assertion-with-language.json": pass,
  "basic-assertion-no-public-key.json": pass,
  "assertion-with-data-image.json": pass,
  "assertion-with-endorsements.json": pass,
  "assertion-with-extension-node-basic.json": pass,
  "assertion-with-multiple-extensions.json": pass,
  "basic-assertion-with-allowed-origins.json": pass,
  "basic-assertion-with-allowed-origins-valid-starts-with.json": pass,
  "basic-assertion-with-allowed-origins-valid-multiple-starts-with.json": pass,
  "warning-with-redirection.json": pass,
  "simple-badge.png": pass,
  "simple.jwt": pass,
  "simple-not-revoked.jwt": pass,
  "basic-assertion-expired.json": fail("validity_period", "EXPIRED"),
  "basic-assertion-expired-before-issued.json": fail("validity_period", "EXPIRES_BEFORE_ISSUED"),
  "basic-assertion-in-future.json": fail("validity_period", "NOT_YET_VALID"),
  "basic-assertion-invalid-context.json": fail("context"),
  "basic-assertion-invalid-type.json": fail("schema"),
  "basic-assertion-with-allowed-origins-invalid-starts-with.json": fail(
    "ob2_hosted",
    "HOSTED_ORIGIN_NOT_ALLOWED",
  ),
  "basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json": fail(
    "ob2_hosted",
    "HOSTED_ORIGIN_NOT_ALLOWED",
  ),
  "simple-revoked.jwt": fail("status", "REVOKED"),
};

describeWithFixtures("1EdTech OB 2.0 fixtures get the outcome their names promise", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  for (const [file, expected] of Object.entries(ob20)) {
    it(`${file} -> ${expected.pass ? "verified" : `fails at ${expected.step}`}`, async () => {
      const bytes = fs.readFileSync(path.join(dir, file));
      const input = file.endsWith(".png") ? new Uint8Array(bytes) : bytes.toString("utf8");
      let hosted: { id: string; text: string } | undefined;
      const text = file.endsWith(".json")
        ? bytes.toString("utf8")
        : file.endsWith(".png")
          ? unbakePng(new Uint8Array(bytes))?.payload
          : undefined;
      if (text) hosted = { id: JSON.parse(text).id, text };
      const report = await verifyCredential(input, { fetcher: exampleOrg(hosted), now });
      const failed = report.steps.filter((s) => s.status === "failed");
      if (expected.pass) {
        expect(
          failed,
          JSON.stringify(report.steps.map((s) => [s.id, s.status, s.reason.en])),
        ).toEqual([]);
        expect(report.verified, JSON.stringify(report.steps.map((s) => [s.id, s.status]))).toBe(
          true,
        );
      } else {
        expect(report.verified).toBe(false);
        const step = failed.find((s) => s.id === expected.step);
        expect(
          step,
          JSON.stringify(report.steps.map((s) => [s.id, s.status, s.reason.en])),
        ).toBeDefined();
        if (expected.code) expect(step!.details?.code).toBe(expected.code);
      }
    });
  }
});

describeWithFixtures("OB 2.0 fixtures that are not plain awards", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");

  it("warning-issuer-non-http.json verifies, with a warning on the issuer's non-web identifier", async () => {
    const text = read("warning-issuer-non-http.json");
    const report = await verifyCredential(text, {
      fetcher: exampleOrg({ id: JSON.parse(text).id, text }),
      now,
    });
    expect(report.verified).toBe(true);
    expect(report.steps.find((s) => s.id === "issuer")).toMatchObject({
      status: "warning",
      details: { code: "ISSUER_ID_NOT_HTTP" },
    });
  });

  it("assertion-with-extension-node-invalid.json: known gap, extension schemas are remote and not checked; it verifies with a warning", async () => {
    const text = read("assertion-with-extension-node-invalid.json");
    const report = await verifyCredential(text, {
      fetcher: exampleOrg({ id: JSON.parse(text).id, text }),
      now,
    });
    expect(report.verified).toBe(true);
    expect(report.steps.find((s) => s.id === "extensions")).toMatchObject({
      status: "warning",
      details: { extensions: ["extensions:exampleExtension"] },
    });
  });

  it("redirected-validation-subject.json is JSON with comments: refused at parse as given", async () => {
    const report = await verifyCredential(read("redirected-validation-subject.json"), {
      fetcher: exampleOrg(),
      now,
    });
    expect(report.verified).toBe(false);
    expect(report.steps[0]).toMatchObject({ id: "parse", status: "failed" });
  });

  it("redirected-validation-subject.json, comments removed and served at its id as its comment says, verifies", async () => {
    const text = read("redirected-validation-subject.json").replace(/\/\/[^\n"]*$/gm, "");
    const report = await verifyCredential(text, {
      fetcher: exampleOrg({ id: JSON.parse(text).id, text }),
      now,
    });
    expect(report.steps.filter((s) => s.status === "failed")).toEqual([]);
    expect(report.verified).toBe(true);
  });

  /** Badge classes and issuer profiles: 1EdTech validates their structure; we say they are no award, and check it too. */
  const documents: Record<string, "valid" | "invalid"> = {
    "badge-class-with-language.json": "valid",
    "issuer-compact-iri-validation.json": "valid",
    "rdf-validation/valid-badge-class.json": "valid",
    "rdf-validation/valid-badge-class-empty-criteria-type.json": "valid",
    "rdf-validation/valid-issuer-extension.json": "valid",
    "rdf-validation/valid-alignment-object.json": "valid",
    "rdf-validation/valid-cool-class.json": "valid",
    "rdf-validation/invalid-class.json": "invalid",
    "rdf-validation/invalid-empty-type.json": "invalid",
    "rdf-validation/invalid-one-invalid-class.json": "invalid",
    "rdf-validation/badge-class-invalid-issuer-type.json": "invalid",
  };
  it.each(Object.entries(documents))(
    "%s is not an award (format fails); its structure is %s (schema step)",
    async (file, verdict) => {
      const report = await verifyCredential(read(file), { fetcher: exampleOrg(), now });
      expect(report.verified).toBe(false);
      expect(report.steps.find((s) => s.id === "format")).toMatchObject({
        status: "failed",
        details: { code: "NOT_AN_ASSERTION" },
      });
      expect(report.steps.find((s) => s.id === "schema")?.status).toBe(
        verdict === "valid" ? "passed" : "failed",
      );
    },
  );

  it("no file in validator/ob20 (outside assets/) is left out", () => {
    const files = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .filter((f) => !f.startsWith("assets/"));
    const covered = new Set([
      ...Object.keys(ob20),
      ...Object.keys(documents),
      "warning-issuer-non-http.json",
      "assertion-with-extension-node-invalid.json",
      "redirected-validation-subject.json",
    ]);
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });
});
