import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultDocumentLoader } from "../src/contexts";
import { generateIssuerKey } from "../src/keys";
import { signCredential } from "../src/sign";
import {
  allocateIndex,
  buildStatusListCredential,
  createBitstring,
  decodeBitstring,
  encodeBitstring,
  getStatus,
  MIN_STATUS_LIST_LENGTH,
  setStatus,
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

  it("allocates distinct indexes", () => {
    const used = new Set<number>();
    for (let i = 0; i < 500; i++) used.add(allocateIndex(used));
    expect(used.size).toBe(500);
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
