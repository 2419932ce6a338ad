import { describe, expect, it } from "vitest";
import { badgeText, jsonDocument, line, text, url } from "./text";

const controls = ["\u0000", "\u0001", "\u001b", "\u007f", "\u0080", "\u0085", "\u009f"];
const jwtOf = (payload: unknown) =>
  ["e30", Buffer.from(JSON.stringify(payload)).toString("base64url"), "c2ln"].join(".");

describe("text schemas", () => {
  it.each(controls.map((c) => [c.codePointAt(0)!.toString(16).padStart(4, "0"), c]))(
    "refuse U+%s in every kind of text",
    (_code, c) => {
      for (const schema of [line(), text(), badgeText()])
        expect(schema.safeParse(`a${c}b`).success).toBe(false);
      expect(url().safeParse(`https://a.example/${c}`).success).toBe(false);
      expect(jsonDocument().safeParse({ name: `a${c}b` }).success).toBe(false);
      expect(jsonDocument().safeParse({ [`a${c}`]: "b" }).success).toBe(false);
      expect(jsonDocument().safeParse({ list: [{ deep: [`a${c}`] }] }).success).toBe(false);
    },
  );

  it("keep tabs and line breaks in text over several lines only", () => {
    for (const c of ["\t", "\n", "\r"]) {
      expect(text().safeParse(`a${c}b`).success).toBe(true);
      expect(jsonDocument().safeParse({ name: `a${c}b` }).success).toBe(true);
      expect(line().safeParse(`a${c}b`).success).toBe(false);
    }
  });

  it("accept every other character, accents, no-break spaces and emoji included", () => {
    const sample = "Élodie  N’Diaye — « Ça va ? » 中文 العربية 🎓";
    for (const schema of [line(), text(), badgeText()])
      expect(schema.safeParse(sample).success).toBe(true);
  });

  it("point at the path of the offending string in a document", () => {
    const result = jsonDocument().safeParse({ a: { b: ["ok", "x\u0000"] } });
    expect(result.error?.issues[0]?.path).toEqual(["a", "b", 1]);
  });

  it("read the document inside a pasted badge: JSON text or a VC-JWT's payload", () => {
    const hostile = { name: "a\u0000b" };
    expect(badgeText().safeParse(JSON.stringify(hostile)).success).toBe(false);
    expect(badgeText().safeParse(jwtOf(hostile)).success).toBe(false);
    expect(badgeText().safeParse(JSON.stringify({ name: "ok" })).success).toBe(true);
    expect(badgeText().safeParse(jwtOf({ name: "ok" })).success).toBe(true);
    expect(badgeText().safeParse("https://badges.example/a.json").success).toBe(true);
    expect(badgeText().safeParse("{ not json").success).toBe(true);
  });
});
