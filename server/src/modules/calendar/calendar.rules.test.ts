import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endOfLocalDay, localDate, startOfLocalDay } from "../../lib/zoned-time";
import {
  checkSession,
  daysUntilDeadline,
  type Session,
  sessionForSubmission,
} from "./calendar.rules";

// The 2022 calendar of the label, as the Region published it.
const sessions: Session[] = [
  { id: "feb", deadline: "2022-01-21", commissionDate: "2022-02-04", revisionsOnly: false },
  { id: "may", deadline: "2022-05-06", commissionDate: "2022-05-20", revisionsOnly: false },
  { id: "oct", deadline: "2022-09-23", commissionDate: "2022-10-07", revisionsOnly: false },
  { id: "nov", deadline: "2022-11-10", commissionDate: "2022-11-18", revisionsOnly: true },
];

const at = (iso: string) => new Date(iso);
const pick = (iso: string, kind: "new" | "revision" = "new") => {
  const choice = sessionForSubmission(sessions, at(iso), kind);
  return choice.ok ? choice.session.id : choice.reason;
};

describe("Europe/Paris days", () => {
  it("a winter day starts at 23:00 UTC the day before, a summer day at 22:00", () => {
    expect(startOfLocalDay("2022-01-21").toISOString()).toBe("2022-01-20T23:00:00.000Z");
    expect(startOfLocalDay("2022-09-23").toISOString()).toBe("2022-09-22T22:00:00.000Z");
  });

  it("the days of the clock changes have 23 and 25 hours", () => {
    const spring = endOfLocalDay("2026-03-29").getTime() - startOfLocalDay("2026-03-29").getTime();
    const autumn = endOfLocalDay("2026-10-25").getTime() - startOfLocalDay("2026-10-25").getTime();
    expect(spring / 3_600_000).toBe(23);
    expect(autumn / 3_600_000).toBe(25);
  });

  it("every instant of a local day maps back to that day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }),
        (instant) => {
          const day = localDate(instant);
          expect(startOfLocalDay(day).getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(endOfLocalDay(day).getTime()).toBeGreaterThan(instant.getTime());
        },
      ),
    );
  });
});

describe("which session a submission lands in", () => {
  it.each([
    ["2022-01-10T09:00:00Z", "feb"],
    ["2022-01-21T22:59:59Z", "feb"], // 23:59:59 in Paris on the deadline day
    ["2022-01-21T23:00:00Z", "may"], // midnight in Paris: too late for February
    ["2022-05-06T21:59:59Z", "may"], // summer time: 23:59:59 in Paris
    ["2022-05-06T22:00:00Z", "oct"],
    ["2022-09-23T21:59:59Z", "oct"],
    ["2022-09-23T22:00:00Z", "NO_OPEN_SESSION"], // November takes revisions only
    ["2022-12-01T10:00:00Z", "NO_OPEN_SESSION"],
  ])("a new application submitted at %s goes to %s", (instant, expected) => {
    expect(pick(instant)).toBe(expected);
  });

  it.each([
    ["2022-09-23T21:59:59Z", "oct"],
    ["2022-09-23T22:00:00Z", "nov"], // a revision may still use the revisions-only session
    ["2022-11-10T22:59:59Z", "nov"], // winter time again
    ["2022-11-10T23:00:00Z", "NO_OPEN_SESSION"],
  ])("a revised application submitted at %s goes to %s", (instant, expected) => {
    expect(pick(instant, "revision")).toBe(expected);
  });

  it("sends a revision to a commission after the one that asked for it", () => {
    const afterMay = (iso: string) => {
      const choice = sessionForSubmission(sessions, at(iso), "revision", undefined, "2022-05-20");
      return choice.ok ? choice.session.id : choice.reason;
    };
    // Revised before February's deadline: February has met already in the
    // story of this application, so it waits for October.
    expect(afterMay("2022-01-10T09:00:00Z")).toBe("oct");
    expect(afterMay("2022-09-23T22:00:00Z")).toBe("nov");
    expect(
      sessionForSubmission(
        sessions,
        at("2022-01-10T09:00:00Z"),
        "revision",
        undefined,
        "2022-11-18",
      ),
    ).toEqual({ ok: false, reason: "NO_OPEN_SESSION" });
  });

  it("does not depend on the order sessions are listed in", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(sessions, { minLength: sessions.length, maxLength: sessions.length }),
        fc.date({ min: new Date("2021-12-01"), max: new Date("2022-12-31"), noInvalidDate: true }),
        fc.constantFrom("new" as const, "revision" as const),
        (shuffled, instant, kind) => {
          expect(sessionForSubmission(shuffled, instant, kind)).toEqual(
            sessionForSubmission(sessions, instant, kind),
          );
        },
      ),
    );
  });

  it("never picks a session whose deadline has passed, nor a revisions-only one for a new application", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2021-12-01"), max: new Date("2022-12-31"), noInvalidDate: true }),
        (instant) => {
          const choice = sessionForSubmission(sessions, instant, "new");
          if (!choice.ok) return;
          expect(instant.getTime()).toBeLessThan(endOfLocalDay(choice.session.deadline).getTime());
          expect(choice.session.revisionsOnly).toBe(false);
        },
      ),
    );
  });
});

describe("session consistency", () => {
  it.each([
    [{ deadline: "2026-10-16", commissionDate: "2026-11-06" }, null],
    [{ deadline: "2026-10-16", commissionDate: "2026-10-16" }, "COMMISSION_BEFORE_DEADLINE"],
    [{ deadline: "2026-10-16", commissionDate: "2026-10-01" }, "COMMISSION_BEFORE_DEADLINE"],
    [{ deadline: "16/10/2026", commissionDate: "2026-11-06" }, "INVALID_DATE"],
    [{ deadline: "2026-02-30", commissionDate: "2026-11-06" }, "INVALID_DATE"],
  ])("%o -> %s", (session, problem) => {
    expect(checkSession(session)).toBe(problem);
  });
});

describe("days until a deadline", () => {
  it("counts whole local days and is 0 on the day itself", () => {
    const session = { deadline: "2026-10-16" };
    expect(daysUntilDeadline(session, at("2026-10-16T08:00:00Z"))).toBe(0);
    expect(daysUntilDeadline(session, at("2026-10-15T08:00:00Z"))).toBe(1);
    expect(daysUntilDeadline(session, at("2026-10-09T08:00:00Z"))).toBe(7);
    expect(daysUntilDeadline(session, at("2026-10-17T08:00:00Z"))).toBe(-1);
  });
});
