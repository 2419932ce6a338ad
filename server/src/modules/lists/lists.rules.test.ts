import { describe, expect, it } from "vitest";
import { totalOf } from "./lists.rules";

describe("the total of a list", () => {
  const perState = [
    { state: "submitted", n: 3 },
    { state: "granted", n: 2 },
  ];
  it("adds every state without a state filter", () => expect(totalOf(perState)).toBe(5));
  it("is the count of the state filtered on", () => {
    expect(totalOf(perState, "granted")).toBe(2);
    expect(totalOf(perState, "refused")).toBe(0);
  });
});
