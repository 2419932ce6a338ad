import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkSiret,
  checkUai,
  luhnValid,
  normaliseSiret,
  normaliseUai,
  uaiCheckLetter,
} from "./identifiers";

describe("SIRET", () => {
  it.each([
    ["73282932000074", null], // a real, published SIRET (Luhn-valid)
    ["35600000000048", null], // La Poste head office: plain Luhn
    ["35600000049837", null], // a La Poste establishment: digit sum divisible by 5
    ["73282932000075", "checksum"],
    ["35600000049838", "checksum"],
    ["7328293200007", "format"],
    ["7328293200007A", "format"],
    ["", "format"],
  ])("%s -> %s", (siret, problem) => {
    expect(checkSiret(siret)).toBe(problem);
  });

  it("normalises spaces and dots", () => {
    expect(normaliseSiret("732 829 320 00074")).toBe("73282932000074");
    expect(normaliseSiret("732.829.320.00074")).toBe("73282932000074");
  });

  it("detects every single-digit typo of a valid SIRET", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const valid = "73282932000074";
        const digit = (Number(valid[pos]) + delta) % 10;
        const typo = valid.slice(0, pos) + digit + valid.slice(pos + 1);
        expect(checkSiret(typo)).toBe("checksum");
      }),
    );
  });

  it("luhn agrees with a direct computation", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });
});

describe("UAI", () => {
  it.each([
    ["0750654D", null], // lycée Henri-IV, Paris
    ["0750655E", null], // lycée Louis-le-Grand, Paris
    ["0690026D", null], // lycée du Parc, Lyon
    ["0750654E", "checksum"],
    ["0750654I", "checksum"], // I is not in the alphabet
    ["750654D", "format"],
    ["0750654", "format"],
    ["0750654d", "format"], // normalise first
  ])("%s -> %s", (uai, problem) => {
    expect(checkUai(uai)).toBe(problem);
  });

  it("the check letter is the number modulo 23 in an alphabet without I, O, Q", () => {
    expect(uaiCheckLetter("0000000")).toBe("A");
    expect(uaiCheckLetter("0000022")).toBe("Z");
    expect(uaiCheckLetter("0000023")).toBe("A");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), (n) => {
        const digits = String(n).padStart(7, "0");
        const letter = uaiCheckLetter(digits);
        expect("IOQ".includes(letter)).toBe(false);
        expect(checkUai(digits + letter)).toBeNull();
      }),
    );
  });

  it("normalises case and spaces", () => {
    expect(normaliseUai(" 0750654d ")).toBe("0750654D");
  });
});
