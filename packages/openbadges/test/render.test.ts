import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutWords } from "../src/badge-layout";
import {
  badgeImageSvg,
  renderedLineBoxes,
  renderSvgToPng,
  subtitleLayout,
  titleLayout,
} from "../src/render";

/**
 * A generated badge shows its whole name inside the shield: every word, each
 * line within the width the shield leaves at its height, as resvg (the
 * renderer of the PNGs, baked or not) actually draws it.
 */
function expectFits(options: { title: string; subtitle?: string; required?: boolean }) {
  const title = titleLayout(options);
  expect(layoutWords(title)).toBe(options.title.replace(/\s+/g, " ").trim());
  const svg = badgeImageSvg(options);
  const boxes = renderedLineBoxes(svg);
  const drawn = boxes.filter((b) => b.kind === "title");
  expect(drawn).toHaveLength(title.lines.length);
  for (const { index, box } of drawn) {
    const line = title.lines[index]!;
    if (!box) continue; // a line of punctuation only, e.g. "—", may have no ink box of its own
    // Half a pixel for resvg's anti-aliased curve bounds.
    expect(box.x).toBeGreaterThanOrEqual(200 - line.room / 2 - 0.5);
    expect(box.x + box.width).toBeLessThanOrEqual(200 + line.room / 2 + 0.5);
    expect(box.y).toBeGreaterThanOrEqual(line.top - 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(line.bottom + 0.5);
  }
  if (options.subtitle) {
    const ribbon = subtitleLayout(options.subtitle);
    expect(layoutWords(ribbon)).toBe(options.subtitle.replace(/\s+/g, " ").trim());
    for (const { box } of boxes.filter((b) => b.kind === "subtitle"))
      if (box) {
        expect(box.x).toBeGreaterThanOrEqual(86 - 0.5);
        expect(box.x + box.width).toBeLessThanOrEqual(314 + 0.5);
      }
  }
  return title;
}

describe("generated badge images", () => {
  it("keeps 'formations' in 'Attractivité et promotion des métiers et formations'", () => {
    const laid = expectFits({
      title: "Attractivité et promotion des métiers et formations",
      subtitle: "Label CFA 2026",
      required: true,
    });
    expect(laid.lines.map((l) => l.text).join(" ")).toContain("formations");
  });

  it("fits 'Mission accompagnement numérique' and the Participant badge inside the shield", () => {
    expectFits({ title: "Mission accompagnement numérique", subtitle: "Label CFA 2026" });
    expectFits({
      title: "Participant — La Normandie badge les compétences",
      subtitle: "Région Normandie",
    });
  });

  it("keeps a short name large and whole, and shrinks before it hyphenates", () => {
    const short = titleLayout({ title: "Veille", subtitle: "Label CFA 2026" });
    expect(short).toMatchObject({ fontSize: 34, lines: [{ text: "Veille" }] });
    const long = expectFits({ title: "Anticonstitutionnellement", subtitle: "Label CFA 2026" });
    expect(long.fontSize).toBeGreaterThanOrEqual(20);
  });

  it("hyphenates in French where whole words cannot fit, and breaks a word with no hyphenation point between letters", () => {
    const hyphenated = expectFits({
      title: "Anticonstitutionnellement interprofessionnalisation",
      subtitle: "Région Normandie",
    });
    expect(hyphenated.lines.map((l) => l.text)).toEqual([
      "Anticonstitutionnel-",
      "lement interpro-",
      "fessionnalisation",
    ]);
    expectFits({ title: "x".repeat(120) });
  });

  it("a long subtitle wraps inside a taller ribbon, every word kept", () => {
    expectFits({
      title: "Coopération",
      subtitle:
        "Association régionale pour l'insertion professionnelle et sociale des jeunes de la Manche et du Calvados",
    });
  });

  it("any name a form accepts (up to 200 characters) is drawn whole inside the shield", () => {
    const letters =
      "abcdeéèêfghijklmnopqrstuvwxyzàçôûœABCÉDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’,.:;!?()«»—-";
    const word = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 28 })
      .map((cs) => cs.join(""));
    const name = fc
      .array(word, { minLength: 1, maxLength: 30 })
      .map((ws) => ws.join(" ").slice(0, 200).trim())
      .filter((n) => n.length > 0);
    fc.assert(
      fc.property(name, fc.boolean(), fc.boolean(), (title, required, withSubtitle) => {
        expectFits({ title, required, ...(withSubtitle ? { subtitle: "Label CFA 2026" } : {}) });
      }),
      { numRuns: 60 },
    );
  });

  it("renders to PNG with the bundled font only", () => {
    const png = renderSvgToPng(badgeImageSvg({ title: "Veille", subtitle: "2026" }), {
      width: 100,
    });
    expect(Buffer.from(png.slice(1, 4)).toString()).toBe("PNG");
  });
});
