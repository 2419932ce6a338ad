import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expiryBand } from "./reminders.rules";

const now = new Date("2026-11-23T09:00:00Z");
const inMonths = (m: number, days = 0) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() + m);
  return new Date(d.getTime() + days * 86_400_000);
};

describe("expiry reminders", () => {
  it.each([
    [inMonths(7), null],
    [inMonths(6), 6],
    [inMonths(5), 6],
    [inMonths(3), 3],
    [inMonths(2), 3],
    [inMonths(1), 1],
    [inMonths(0, 10), 1],
    [inMonths(0, -1), null],
  ])("a badge valid until %s is in the %s-month band", (until, band) => {
    expect(expiryBand(until, now, [6, 3, 1])).toBe(band);
  });

  it("has no band without an end date, and follows configured thresholds", () => {
    expect(expiryBand(null, now, [6, 3, 1])).toBeNull();
    expect(expiryBand(inMonths(2), now, [2, 12])).toBe(2);
  });

  it("the band only narrows as time passes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (end, later) => {
          const until = new Date(now.getTime() + end * 86_400_000);
          const first = expiryBand(until, now, [6, 3, 1]);
          const second = expiryBand(until, new Date(now.getTime() + later * 86_400_000), [6, 3, 1]);
          if (first !== null && second !== null) expect(second).toBeLessThanOrEqual(first);
        },
      ),
    );
  });
});
