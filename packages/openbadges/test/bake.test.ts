import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bakePng, unbakePng } from "../src/bake/png";
import { bakeSvg, unbakeSvg } from "../src/bake/svg";
import { renderSvgToPng } from "../src/render";
import { describeWithFixtures, fixture } from "./fixtures";

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#1f3a8a"/></svg>';
const credential = JSON.stringify({
  "@context": ["https://www.w3.org/ns/credentials/v2"],
  name: "Badge « Veille » ]]> é",
});

describe("PNG baking", () => {
  it("round-trips a 3.0 credential and a 2.0 assertion, with exactly one badge chunk", () => {
    const png = renderSvgToPng(svg, { width: 64 });
    const baked = bakePng(png, credential, { version: "3.0" });
    expect(unbakePng(baked)).toEqual({ version: "3.0", payload: credential });
    const rebaked = bakePng(baked, '{"type":"Assertion"}', { version: "2.0" });
    expect(unbakePng(rebaked)).toEqual({ version: "2.0", payload: '{"type":"Assertion"}' });
    const count = Buffer.from(rebaked).toString("latin1").split("iTXtopenbadge").length - 1;
    expect(count).toBe(1);
  });

  it("returns null, never throws, on garbage and truncations", () => {
    const baked = bakePng(renderSvgToPng(svg, { width: 32 }), credential, { version: "3.0" });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(unbakePng(bytes)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: baked.length - 1 }), (cut) => {
        const result = unbakePng(baked.subarray(0, cut));
        expect(result === null || result.payload === credential).toBe(true);
      }),
    );
  });
});

describe("SVG baking", () => {
  it("round-trips JSON in CDATA (even containing ]]>) and a JWT in verify", () => {
    expect(unbakeSvg(bakeSvg(svg, credential, { version: "3.0" }))).toEqual({
      version: "3.0",
      payload: credential,
    });
    const jwt = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln";
    const baked = bakeSvg(svg, jwt, { version: "3.0" });
    expect(baked).toContain(`verify="${jwt}"`);
    expect(unbakeSvg(baked)).toEqual({ version: "3.0", payload: jwt });
    expect(unbakeSvg(bakeSvg(baked, credential, { version: "2.0" }))).toEqual({
      version: "2.0",
      payload: credential,
    });
  });

  it("returns null on garbage", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 500 }),
        (s) => void expect(() => unbakeSvg(s)).not.toThrow(),
      ),
    );
    expect(unbakeSvg(svg)).toBeNull();
  });
});

describeWithFixtures("1EdTech baked fixtures", () => {
  it.each(["ob30/simple-json.png", "ob30/simple-jwt.png", "ob30/simple-jwt_v1.png"])(
    "%s unbakes to a 3.0 credential",
    (file) => {
      const result = unbakePng(fixture(`validator/${file}`));
      expect(result?.version).toBe("3.0");
      expect(result?.payload.startsWith("{") || result?.payload.startsWith("eyJ")).toBe(true);
    },
  );
  it("ob20/simple-badge.png unbakes to a 2.0 assertion", () => {
    const result = unbakePng(fixture("validator/ob20/simple-badge.png"));
    expect(result?.version).toBe("2.0");
    expect(JSON.parse(result!.payload)).toMatchObject({ type: "Assertion" });
  });
  it.each(["ob30/simple-json.svg", "ob30/simple-jwt.svg", "ob30/simple-jwt_v1.svg"])(
    "%s unbakes to a 3.0 credential",
    (file) => {
      const result = unbakeSvg(fixture(`validator/${file}`).toString("utf8"));
      expect(result?.version).toBe("3.0");
    },
  );
});
