import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("the CSV writer", () => {
  it("neutralises every cell a spreadsheet would read as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
  });

  it("leaves other text and numbers as they are, quotes and doubles quotes", () => {
    expect(csvCell("Veille")).toBe('"Veille"');
    expect(csvCell('Dit "bonjour"')).toBe('"Dit ""bonjour"""');
    expect(csvCell("a=b")).toBe('"a=b"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(2026)).toBe('"2026"');
  });

  it("writes semicolon-separated lines after a byte-order mark, as French spreadsheets expect", () => {
    expect(
      toCsv([
        ["a", 1],
        ["=b", "c;d"],
      ]),
    ).toBe('\ufeff"a";"1"\r\n"\'=b";"c;d"\r\n');
  });
});
