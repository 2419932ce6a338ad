import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultDocumentLoader } from "../src/contexts";
import { generateIssuerKey } from "../src/keys";
import { signCredential } from "../src/sign";
import {
  allocateIndex,
  BIT_LIST,
  buildBitstring,
  buildStatusListCredential,
  createBitstring,
  decodeBitstring,
  encodeBitstring,
  getStatus,
  getStatusValue,
  MESSAGE_LIST,
  MIN_STATUS_LIST_LENGTH,
  STATUS_VALUES,
  setStatus,
  statusEntry,
} from "../src/status-list";

describe("bitstring status list", () => {
  it("has at least 131,072 entries and compresses an empty list to a few dozen bytes", () => {
    const bits = createBitstring();
    expect(bits.length * 8).toBe(MIN_STATUS_LIST_LENGTH);
    expect(encodeBitstring(bits).length).toBeLessThan(200);
    expect(() => createBitstring(1000)).toThrow();
  });

  it("revoking, suspending and reinstating flips exactly one bit, and survives encoding", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: MIN_STATUS_LIST_LENGTH - 1 }), { maxLength: 50 }),
        (indexes) => {
          const bits = createBitstring();
          for (const i of indexes) setStatus(bits, i, true);
          const decoded = decodeBitstring(encodeBitstring(bits));
          for (const i of indexes) expect(getStatus(decoded, i)).toBe(true);
          const [first] = indexes;
          if (first !== undefined) {
            setStatus(decoded, first, false);
            expect(getStatus(decoded, first)).toBe(false);
          }
          const neverSet = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((i) => !indexes.includes(i))!;
          expect(getStatus(decoded, neverSet)).toBe(false);
        },
      ),
    );
  });

  it("orders bits from the most significant bit of the first byte", () => {
    const bits = createBitstring();
    setStatus(bits, 0, true);
    setStatus(bits, 9, true);
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
  });

  it("allocates distinct indexes, at random: not in issue order", () => {
    const used = new Set<number>();
    const drawn: number[] = [];
    for (let i = 0; i < 500; i++) {
      const index = allocateIndex(used);
      drawn.push(index);
      used.add(index);
    }
    expect(used.size).toBe(500);
    expect(drawn).not.toEqual([...drawn].sort((a, b) => a - b));
    expect(Math.max(...drawn)).toBeGreaterThan(10_000);
  });

  it("finds the last free position of a nearly full list, and refuses a full one", () => {
    const layout = { ...BIT_LIST, first: 8, capacity: 16 };
    const used = new Set(Array.from({ length: 16 }, (_, i) => i + 8).filter((i) => i !== 19));
    expect(allocateIndex(used, layout)).toBe(19);
    used.add(19);
    expect(() => allocateIndex(used, layout)).toThrow(/full/);
  });

  it("a message list gives out only its upper half, and never twice", () => {
    const used = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const index = allocateIndex(used, MESSAGE_LIST);
      expect(index).toBeGreaterThanOrEqual(MIN_STATUS_LIST_LENGTH);
      expect(index).toBeLessThan(2 * MIN_STATUS_LIST_LENGTH);
      expect(used.has(index)).toBe(false);
      used.add(index);
    }
  });

  it("a message entry has two bits, 0x0 valid, 0x1 suspended, 0x2 revoked, read at index × 2; bit index says 'not valid' to one-bit readers", () => {
    const [valid, suspended, revoked] = [131_072, 131_073, 262_143];
    const bits = decodeBitstring(
      encodeBitstring(
        buildBitstring(MESSAGE_LIST, [
          { index: valid, value: STATUS_VALUES.valid },
          { index: suspended, value: STATUS_VALUES.suspended },
          { index: revoked, value: STATUS_VALUES.revoked },
        ]),
      ),
    );
    // 262,144 entries of 2 bits: the specification's 131,072 entries at least, once divided by statusSize.
    expect(bits.length * 8).toBe(2 * 2 * MIN_STATUS_LIST_LENGTH);
    expect(getStatusValue(bits, valid, 2)).toBe(0);
    expect(getStatusValue(bits, suspended, 2)).toBe(1);
    expect(getStatusValue(bits, revoked, 2)).toBe(2);
    expect([getStatus(bits, valid), getStatus(bits, suspended), getStatus(bits, revoked)]).toEqual([
      false,
      true,
      true,
    ]);
    // Those single bits sit where no entry is given out.
    expect(getStatusValue(bits, suspended >> 1, 2)).toBeGreaterThan(0);
    expect(suspended >> 1).toBeLessThan(MESSAGE_LIST.first);
    expect(() => buildBitstring(MESSAGE_LIST, [{ index: 5, value: 1 }])).toThrow(RangeError);
  });

  it("a message entry declares its size and one message per value", () => {
    expect(
      statusEntry({
        listUrl: "https://badges.example/status/r-1-message",
        index: 140_000,
        purpose: "message",
      }),
    ).toEqual({
      id: "https://badges.example/status/r-1-message#140000",
      type: "BitstringStatusListEntry",
      statusPurpose: "message",
      statusListIndex: "140000",
      statusSize: 2,
      statusListCredential: "https://badges.example/status/r-1-message",
      statusMessage: [
        { status: "0x0", message: "valid" },
        { status: "0x1", message: "suspended" },
        { status: "0x2", message: "revoked" },
        { status: "0x3", message: "undefined" },
      ],
    });
  });

  it("refuses a non-multibase or oversized list", () => {
    expect(() => decodeBitstring("zabc")).toThrow();
    expect(() => decodeBitstring(`u${Buffer.from("not gzip").toString("base64url")}`)).toThrow();
  });

  it("the status list credential is signed like any credential", async () => {
    const key = await generateIssuerKey({ controller: "did:key:placeholder" });
    const did = `did:key:${key.publicKeyMultibase}`;
    const issuerKey = { ...key, controller: did, id: `${did}#${key.publicKeyMultibase}` };
    const list = buildStatusListCredential({
      id: "https://badges.example/status/1",
      issuer: did,
      purpose: "revocation",
      encodedList: encodeBitstring(createBitstring()),
      validFrom: new Date("2026-11-22T00:00:00Z"),
    });
    const signed = await signCredential(list, {
      key: issuerKey,
      documentLoader: defaultDocumentLoader,
    });
    expect(signed.proof).toEqual([expect.objectContaining({ cryptosuite: "eddsa-rdfc-2022" })]);
  });
});
