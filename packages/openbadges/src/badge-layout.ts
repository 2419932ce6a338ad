import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import hyphenFr from "hyphen/fr";

/**
 * Where a badge's name goes on its generated shield, measured with the real
 * metrics of the one font the images use: DejaVu Sans Condensed Bold, from
 * the dejavu-fonts-ttf npm package (pinned by the lockfile). The text is
 * drawn as the font's own glyph outlines (SVG paths), so what was measured
 * is exactly what resvg, a browser or a baked file shows: no font is looked
 * up at render time. The full name always fits: font-size steps, then
 * French hyphenation, then, for a word with no hyphenation point, a break
 * between letters; no word is ever dropped.
 */
export const BADGE_FONT_FILE = createRequire(import.meta.url).resolve(
  "dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf",
);
const font = fontkit.openSync(BADGE_FONT_FILE) as fontkit.Font;
const UNITS = font.unitsPerEm;
/** Ink above and below the baseline, per unit of font size (accented capitals, descenders). */
const ASCENT = font.ascent / UNITS;
const DESCENT = -font.descent / UNITS;
const LINE_HEIGHT = 1.16;

/** The shield's inner border (stroke 8 wide), as in badgeImageSvg. */
const CENTER_X = 200;
/** Horizontal room kept between the ink and the inner edge of the gold border. */
const SIDE_MARGIN = 14;
const BAND_MARGIN = 5;

/** Half the width inside the shield's inner border line at height y (0 outside it). */
export function shieldHalfWidth(y: number): number {
  if (y <= 40 || y >= 382) return 0;
  if (y <= 82) return ((y - 40) * 142) / 42;
  if (y <= 188) return 142;
  // The lower curve: from (342,188) through (342,278) and (282,344) to (200,382).
  const at = (t: number, a: number, b: number, c: number, d: number) =>
    (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid, 188, 278, 344, 382) < y) lo = mid;
    else hi = mid;
  }
  return at(lo, 342, 342, 282, 200) - CENTER_X;
}

/** The width a line of text may take when its ink spans [top, bottom]. */
export function usableWidth(top: number, bottom: number): number {
  let half = Number.POSITIVE_INFINITY;
  for (let y = top - BAND_MARGIN; y <= bottom + BAND_MARGIN; y += 1)
    half = Math.min(half, shieldHalfWidth(y));
  half = Math.min(half, shieldHalfWidth(bottom + BAND_MARGIN));
  return Math.max(0, 2 * (half - 4 - SIDE_MARGIN));
}

type Ink = { minX: number; maxX: number; advance: number };
const inkCache = new Map<string, Ink>();

/** The shaped text's ink extent and advance, in font units (kerning and ligatures applied). */
function ink(text: string): Ink {
  let found = inkCache.get(text);
  if (!found) {
    const run = font.layout(text);
    const box = run.bbox;
    found = Number.isFinite(box.minX)
      ? { minX: box.minX, maxX: box.maxX, advance: run.advanceWidth }
      : { minX: 0, maxX: 0, advance: run.advanceWidth };
    if (inkCache.size > 20_000) inkCache.clear();
    inkCache.set(text, found);
  }
  return found;
}

/** The ink width of a line at a font size. */
export const inkWidth = (text: string, size: number) => {
  const i = ink(text);
  return ((i.maxX - i.minX) * size) / UNITS;
};

export type LaidLine = {
  text: string;
  /** The line ends inside a word, which goes on at the next line (after a hyphen it added or not). */
  breaksWord: boolean;
  addedHyphen: boolean;
  /** Baseline, and where the ink starts so that it is centred on the shield. */
  baseline: number;
  x: number;
  width: number;
  /** Ink spans [top, bottom]; `room` is the width the shield leaves it there. */
  top: number;
  bottom: number;
  room: number;
};
export type TextLayout = { fontSize: number; lines: LaidLine[] };
export type TextBox = {
  top: number;
  bottom: number;
  width?: (top: number, bottom: number) => number;
};

type Mode = "words" | "hyphens" | "letters";

/** Places where a word may break, and whether a hyphen is added there. */
function breakPoints(word: string, mode: Mode): { at: number; hyphen: boolean }[] {
  const points: { at: number; hyphen: boolean }[] = [];
  for (let i = 1; i < word.length; i++)
    if (word[i - 1] === "-") points.push({ at: i, hyphen: false });
  if (mode === "words") return points;
  const parts = hyphenFr.hyphenateSync(word, { hyphenChar: "\u00ad" }).split("\u00ad");
  let at = 0;
  for (const part of parts.slice(0, -1)) {
    at += part.length;
    // French typography: at least two letters before the break and three after.
    if (at >= 2 && word.length - at >= 3 && !points.some((p) => p.at === at))
      points.push({ at, hyphen: true });
  }
  if (mode === "letters")
    for (let i = 1; i < word.length; i++)
      if (!points.some((p) => p.at === i)) points.push({ at: i, hyphen: true });
  return points.sort((a, b) => a.at - b.at);
}

/**
 * Fills `n` lines of the given widths with the words, greedily; a word that
 * does not fit is broken at the last break point that fits (per the mode).
 * Undefined when the words need more than `n` lines.
 */
type Filled = { text: string; breaksWord: boolean; addedHyphen: boolean };

function fill(words: string[], widths: number[], size: number, mode: Mode): Filled[] | undefined {
  const lines: Filled[] = [];
  const queue = [...words];
  let current = "";
  while (queue.length) {
    const room = widths[lines.length];
    if (room === undefined) return undefined;
    const word = queue[0]!;
    const candidate = current ? `${current} ${word}` : word;
    if (inkWidth(candidate, size) <= room) {
      current = candidate;
      queue.shift();
      continue;
    }
    // The word does not fit whole: its longest piece that fits, on this line.
    const piece = breakPoints(word, mode)
      .reverse()
      .map((p) => ({ ...p, head: word.slice(0, p.at) + (p.hyphen ? "-" : "") }))
      .find((p) => inkWidth(current ? `${current} ${p.head}` : p.head, size) <= room);
    if (piece) {
      lines.push({
        text: current ? `${current} ${piece.head}` : piece.head,
        breaksWord: true,
        addedHyphen: piece.hyphen,
      });
      queue[0] = word.slice(piece.at);
      current = "";
    } else if (current) {
      lines.push({ text: current, breaksWord: false, addedHyphen: false });
      current = "";
    } else return undefined;
  }
  if (current) lines.push({ text: current, breaksWord: false, addedHyphen: false });
  return lines.length <= widths.length ? lines : undefined;
}

/** The text a layout shows, its broken words joined again: the name it was given. */
export function layoutWords(layout: TextLayout): string {
  return layout.lines.reduce(
    (text, line, i) =>
      i === 0
        ? line.text
        : layout.lines[i - 1]!.breaksWord
          ? text.slice(0, layout.lines[i - 1]!.addedHyphen ? -1 : undefined) + line.text
          : `${text} ${line.text}`,
    "",
  );
}

/** Lines of `n` at `size`, centred vertically in the box, and each one's width. */
function bands(box: TextBox, size: number, n: number) {
  const lineHeight = size * LINE_HEIGHT;
  const block = (n - 1) * lineHeight + (ASCENT + DESCENT) * size;
  if (block > box.bottom - box.top) return undefined;
  const first = (box.top + box.bottom) / 2 - block / 2 + ASCENT * size;
  const width = box.width ?? usableWidth;
  return Array.from({ length: n }, (_, i) => {
    const baseline = first + i * lineHeight;
    const top = baseline - ASCENT * size;
    const bottom = baseline + DESCENT * size;
    return { baseline, top, bottom, room: width(top, bottom) };
  });
}

function place(text: string, size: number, n: number, box: TextBox, mode: Mode) {
  const rows = bands(box, size, n);
  if (!rows) return undefined;
  const words = text.split(/\s+/).filter(Boolean);
  const lines = fill(
    words,
    rows.map((r) => r.room),
    size,
    mode,
  );
  if (!lines) return undefined;
  // Fewer lines than planned: centre those instead, if they still fit there.
  const centred = lines.length < n ? bands(box, size, lines.length) : undefined;
  const used =
    centred?.every((r, i) => inkWidth(lines[i]!.text, size) <= r.room) === true ? centred : rows;
  return {
    fontSize: size,
    lines: lines.map((line, i) => {
      const i0 = ink(line.text);
      const width = ((i0.maxX - i0.minX) * size) / UNITS;
      return {
        ...line,
        ...used[i]!,
        width,
        x: CENTER_X - width / 2 - (i0.minX * size) / UNITS,
      };
    }),
  };
}

/**
 * The largest layout that fits: whole words at font sizes down to
 * `wordsDownTo`, then hyphenated (from `hyphensFrom` down), then broken
 * between letters; at each size, the fewest lines.
 */
export function layoutText(
  text: string,
  box: TextBox,
  options: { sizes: number[]; wordsDownTo: number; hyphensFrom: number },
): TextLayout {
  // No hyphenation at display sizes: a short name shrinks a little before it is cut.
  const small = options.sizes.filter((s) => s <= options.hyphensFrom);
  const passes: [Mode, number[]][] = [
    ["words", options.sizes.filter((s) => s >= options.wordsDownTo)],
    ["hyphens", small],
    ["letters", small],
  ];
  const clean = text.replace(/\s+/g, " ").trim();
  for (const [mode, sizes] of passes)
    for (const size of sizes) {
      const most = Math.floor((box.bottom - box.top) / (size * LINE_HEIGHT)) + 1;
      for (let n = 1; n <= most; n++) {
        const laid = place(clean, size, n, box, mode);
        if (laid) return laid;
      }
    }
  // Beyond any name the forms accept: the smallest size, as many lines as it takes, every
  // letter kept (the box grows downwards).
  const size = options.sizes.at(-1)!;
  const middle = (box.top + box.bottom) / 2;
  const room = usableWidth(middle - size, middle + size);
  for (let n = 1; n <= clean.length + 1; n++) {
    const bottom = box.top + (n - 1) * size * LINE_HEIGHT + (ASCENT + DESCENT) * size;
    const tall = { top: box.top, bottom: Math.max(box.bottom, bottom), width: () => room };
    const laid = place(clean, size, n, tall, "letters");
    if (laid) return laid;
  }
  throw new Error(`badge text cannot be laid out: ${clean.slice(0, 40)}`);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A laid-out line as the font's glyph outlines, an SVG path's data. */
export function linePath(line: LaidLine, size: number): string {
  const run = font.layout(line.text);
  const k = size / UNITS;
  let pen = 0;
  let d = "";
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const ox = line.x + (pen + pos.xOffset) * k;
    const oy = line.baseline - pos.yOffset * k;
    for (const c of glyph.path.commands) {
      const pts: string[] = [];
      for (let j = 0; j < c.args.length; j += 2)
        pts.push(`${round(ox + c.args[j]! * k)} ${round(oy - c.args[j + 1]! * k)}`);
      const op = {
        moveTo: "M",
        lineTo: "L",
        quadraticCurveTo: "Q",
        bezierCurveTo: "C",
        closePath: "Z",
      }[c.command];
      d += `${op}${pts.join(" ")}`;
    }
    pen += pos.xAdvance;
  });
  return d;
}
