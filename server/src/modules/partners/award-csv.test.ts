import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_AWARD_ROWS, parseAwardCsv } from "./award-csv";

describe("parseAwardCsv", () => {
  it("reads French Excel's semicolons, a header and a byte-order mark", () => {
    const parsed = parseAwardCsv(
      "\uFEFFCourriel;Nom\r\nlea@exemple.fr;Léa Durand\r\n\r\nYanis@Exemple.fr;Yanis Benali\r\n",
    );
    expect(parsed.rows).toEqual([
      { line: 2, email: "lea@exemple.fr", name: "Léa Durand" },
      { line: 4, email: "yanis@exemple.fr", name: "Yanis Benali" },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it("reads commas and quoted cells, and joins first and last names", () => {
    const parsed = parseAwardCsv('a@b.fr,"Durand, Léa"\nc@d.fr,Inès,Moreau\n');
    expect(parsed.rows.map((r) => r.name)).toEqual(["Durand, Léa", "Inès Moreau"]);
  });

  it("names the line of every address it cannot use, and keeps a repeated address once", () => {
    const parsed = parseAwardCsv(
      "email;nom\nlea@exemple.fr;Léa\npas-une-adresse;X\nLEA@exemple.fr;Léa bis\n",
    );
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems).toEqual([
      { line: 3, email: "pas-une-adresse", reason: "Adresse électronique invalide." },
      {
        line: 4,
        email: "lea@exemple.fr",
        reason: "Adresse déjà présente plus haut dans le fichier.",
      },
    ]);
  });

  it("takes only the first line without an address as a header", () => {
    const parsed = parseAwardCsv("a@b.fr;A\nnom;prénom\n");
    expect(parsed.problems.map((p) => p.line)).toEqual([2]);
  });

  it("uses the part before @ when no name is given", () => {
    expect(parseAwardCsv("ines.moreau@exemple.fr\n").rows[0]?.name).toBe("ines.moreau");
  });

  it(`stops at ${MAX_AWARD_ROWS} people and says so`, () => {
    const text = Array.from(
      { length: MAX_AWARD_ROWS + 1 },
      (_, i) => `p${i}@exemple.fr;P ${i}`,
    ).join("\n");
    const parsed = parseAwardCsv(text);
    expect(parsed.rows).toHaveLength(MAX_AWARD_ROWS);
    expect(parsed.tooMany).toBe(true);
  });

  it("never throws, and every line is either a row, a problem, blank or the header", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const parsed = parseAwardCsv(text);
        const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
        const used = parsed.rows.length + parsed.problems.length;
        const nonBlank = lines.filter((l) => l.trim()).length;
        expect(used === nonBlank || used === nonBlank - 1).toBe(true);
        for (const row of parsed.rows) expect(row.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
      }),
    );
  });
});
