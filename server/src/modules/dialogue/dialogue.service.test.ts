import { describe, expect, it } from "vitest";
import { excerptOf } from "./dialogue.service";

describe("the excerpt an email quotes", () => {
  it("is the whole message up to 400 characters", () => {
    expect(excerptOf("Bonjour")).toBe("Bonjour");
    const exact = "a".repeat(400);
    expect(excerptOf(exact)).toBe(exact);
  });

  it("cuts a longer message at 400 characters, with an ellipsis", () => {
    expect(excerptOf("b".repeat(401))).toBe(`${"b".repeat(400)}…`);
  });
});
