import { describe, expect, it } from "vitest";
import { reviewDeadline } from "./queue.rules";

describe("the review deadline", () => {
  it("falls a week before the commission, across months and years", () => {
    expect(reviewDeadline("2026-12-15")).toBe("2026-12-08");
    expect(reviewDeadline("2026-03-03")).toBe("2026-02-24");
    expect(reviewDeadline("2027-01-05")).toBe("2026-12-29");
  });
});
