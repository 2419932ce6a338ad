import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkPairing,
  defaultEnd,
  isOpen,
  mentorConflict,
  type OrgNode,
  type PairingStatus,
  pairingStatus,
  sharedWithMentor,
} from "./mentoring.rules";

const cfa = (id: string, parentId: string | null = null): OrgNode => ({
  id,
  kind: "cfa",
  parentId,
});

describe("who may mentor whom", () => {
  it("refuses the same organisation", () => {
    expect(mentorConflict(cfa("a"), cfa("a"))).toBe("SAME_ORGANISATION");
  });

  it("refuses an organisation of the same group: parent, site or sibling", () => {
    expect(mentorConflict(cfa("p"), cfa("c", "p"))).toBe("SAME_GROUP");
    expect(mentorConflict(cfa("c", "p"), cfa("p"))).toBe("SAME_GROUP");
    expect(mentorConflict(cfa("c1", "p"), cfa("c2", "p"))).toBe("SAME_GROUP");
  });

  it("refuses anything but two CFAs", () => {
    for (const kind of ["region", "ufa", "partner"]) {
      expect(mentorConflict({ id: "a", kind, parentId: null }, cfa("b"))).toBe("NOT_A_CFA");
      expect(mentorConflict(cfa("b"), { id: "a", kind, parentId: null })).toBe("NOT_A_CFA");
    }
  });

  it("accepts two CFAs of different groups", () => {
    expect(mentorConflict(cfa("a"), cfa("b"))).toBeNull();
    expect(mentorConflict(cfa("a", "p"), cfa("b", "q"))).toBeNull();
  });

  it("agrees with the group relation over every small world of organisations", () => {
    const ids = ["a", "b", "c", "d"];
    const node = fc.record({
      id: fc.constantFrom(...ids),
      kind: fc.constantFrom("cfa", "ufa", "region", "partner"),
      parentId: fc.option(fc.constantFrom(...ids), { nil: null }),
    });
    fc.assert(
      fc.property(node, node, (mentor, mentee) => {
        const reason = mentorConflict(mentor, mentee);
        const related =
          mentor.id === mentee.id ||
          mentor.parentId === mentee.id ||
          mentee.parentId === mentor.id ||
          (!!mentor.parentId && mentor.parentId === mentee.parentId);
        if (mentor.kind !== "cfa" || mentee.kind !== "cfa") expect(reason).toBe("NOT_A_CFA");
        else expect(reason === null).toBe(!related);
        // Symmetric: whoever mentors, the same two organisations conflict.
        expect(mentorConflict(mentee, mentor) === null).toBe(reason === null);
      }),
    );
  });
});

describe("a pairing's dates", () => {
  it("lasts a year by default, 29 February included", () => {
    expect(defaultEnd(new Date("2026-03-15T10:00:00Z")).toISOString()).toBe(
      "2027-03-15T10:00:00.000Z",
    );
    expect(defaultEnd(new Date("2028-02-29T00:00:00Z")).toISOString()).toBe(
      "2029-03-01T00:00:00.000Z",
    );
  });

  const d = (day: number) => new Date(Date.UTC(2026, 0, day));
  const pairing = { startsAt: d(10), endsAt: d(20), endedAt: null };

  it("is upcoming, active, then at its term", () => {
    expect(pairingStatus(pairing, null, d(5))).toBe("upcoming");
    expect(pairingStatus(pairing, null, d(10))).toBe("active");
    expect(pairingStatus(pairing, null, d(19))).toBe("active");
    expect(pairingStatus(pairing, null, d(20))).toBe("term_reached");
  });

  it("ends when the mentee obtains the label during the pairing", () => {
    expect(pairingStatus(pairing, d(15), d(16))).toBe("label_obtained");
    // A label from before the pairing does not end it; one still to come neither.
    expect(pairingStatus(pairing, d(2), d(16))).toBe("active");
    expect(pairingStatus(pairing, d(18), d(16))).toBe("active");
  });

  it("ends when a manager ends it, whatever else holds", () => {
    expect(pairingStatus({ ...pairing, endedAt: d(12) }, d(15), d(16))).toBe("ended");
    expect(pairingStatus({ ...pairing, endedAt: d(12) }, null, d(11))).toBe("active");
  });

  it("is open exactly when upcoming or active", () => {
    const all: PairingStatus[] = ["upcoming", "active", "ended", "term_reached", "label_obtained"];
    expect(all.filter(isOpen)).toEqual(["upcoming", "active"]);
  });
});

describe("what the mentor sees", () => {
  it("is exactly what the mentee shares, only while active", () => {
    const statuses: PairingStatus[] = [
      "upcoming",
      "active",
      "ended",
      "term_reached",
      "label_obtained",
    ];
    for (const status of statuses)
      for (const shareProgress of [false, true])
        for (const shareDrafts of [false, true]) {
          const seen = sharedWithMentor(status, { shareProgress, shareDrafts });
          const expected =
            status === "active"
              ? [...(shareProgress ? ["progress"] : []), ...(shareDrafts ? ["drafts"] : [])]
              : [];
          expect(seen).toEqual(expected);
        }
  });
});

describe("a new pairing", () => {
  const ok = { mentor: cfa("a"), mentee: cfa("b"), startsAt: new Date(1), endsAt: new Date(2) };
  it("is accepted between unrelated CFAs with sound dates", () => {
    expect(checkPairing({ ...ok, openPairings: 0 })).toEqual([]);
  });
  it("lists every problem at once", () => {
    expect(checkPairing({ ...ok, mentor: cfa("b"), endsAt: new Date(1), openPairings: 1 })).toEqual(
      ["SAME_ORGANISATION", "DATES_INVALID", "MENTEE_ALREADY_PAIRED"],
    );
  });
});
