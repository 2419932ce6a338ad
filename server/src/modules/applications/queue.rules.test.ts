import { describe, expect, it } from "vitest";
import { reviewDeadline, totalOf } from "./queue.rules";

describe("the review deadline", () => {
  it("falls a week before the commission, across months and years", () => {
    expect(reviewDeadline("2026-12-15")).toBe("2026-12-08");
    expect(reviewDeadline("2026-03-03")).toBe("2026-02-24");
    expect(reviewDeadline("2027-01-05")).toBe("2026-12-29");
  });
});

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
