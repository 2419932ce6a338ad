import { describe, expect, it } from "vitest";
import { neutralFilename } from "./filenames";

describe("neutralFilename", () => {
  it.each([
    ["contrat-\u202efdp.txt", "contrat-fdp.txt"],
    [
      "a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl.txt",
      "abcdefghijkl.txt",
    ],
    ["../../etc/passwd", ".._.._etc_passwd"],
    ["C:\\Users\\x.pdf", "C:_Users_x.pdf"],
    ["ligne\nsuivante\u0000.pdf", "ligne_suivante_.pdf"],
    ["  Plan de formation 2026.pdf  ", "Plan de formation 2026.pdf"],
    ["تقرير.pdf", "تقرير.pdf"],
    ["Élodie — compte rendu.odt", "Élodie — compte rendu.odt"],
  ])("%j is kept as %j", (name, expected) => {
    expect(neutralFilename(name)).toBe(expected);
    expect(neutralFilename(expected)).toBe(expected);
  });

  it("keeps at most 200 characters", () => {
    expect(neutralFilename(`${"a".repeat(300)}.pdf`)).toHaveLength(200);
  });
});
