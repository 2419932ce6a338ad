import { Resvg } from "@resvg/resvg-js";
import { BADGE_FONT_FILE, layoutText, linePath, type TextLayout } from "./badge-layout";

/**
 * Renders an SVG to PNG bytes (no external resources are loaded). Fonts come
 * only from the bundled badge font, never from the system, so that a render
 * is the same on every machine (the generated badges carry their text as
 * outlines anyway).
 */
export function renderSvgToPng(svg: string, options: { width: number }): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: options.width },
    font: {
      loadSystemFonts: false,
      fontFiles: [BADGE_FONT_FILE],
      defaultFontFamily: "DejaVu Sans Condensed",
    },
  });
  return new Uint8Array(resvg.render().asPng());
}

/**
 * The ink box of every text line of a generated badge, as resvg draws it (each
 * line's outline rendered alone): what the tests hold against the shield.
 */
export function renderedLineBoxes(svg: string) {
  const found = [
    ...svg.matchAll(/<path data-(title|subtitle)-line="(\d+)" fill="[^"]*" d="([^"]*)"\/>/g),
  ];
  return found.map(([, kind, index, d]) => {
    const box = new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="440" viewBox="0 0 400 440"><path d="${d}"/></svg>`,
    ).getBBox();
    return {
      kind: kind as "title" | "subtitle",
      index: Number(index),
      box: box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null,
    };
  });
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The ribbon under the shield: its notched ends leave this much room for text. */
const RIBBON = { top: 355, height: 48, left: 86, right: 314 };

/** Where the badge's name goes: below the star (if any), above the ribbon (if any). */
export function titleLayout(options: {
  title: string;
  subtitle?: string;
  required?: boolean;
}): TextLayout {
  return layoutText(
    options.title,
    { top: options.required ? 170 : 92, bottom: options.subtitle ? 347 : 372 },
    {
      sizes: [34, 32, 30, 28, 26, 24, 22, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10],
      wordsDownTo: 20,
      hyphensFrom: 24,
    },
  );
}

/** The ribbon's text: one line if it can, else more, the ribbon growing with them. */
export function subtitleLayout(subtitle: string): TextLayout {
  const room = RIBBON.right - RIBBON.left;
  return layoutText(
    subtitle,
    { top: RIBBON.top + 6, bottom: RIBBON.top + RIBBON.height - 6, width: () => room },
    { sizes: [20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9], wordsDownTo: 11, hyphensFrom: 14 },
  );
}

const paths = (layout: TextLayout, fill: string, kind: string) =>
  layout.lines
    .map(
      (line, i) =>
        `<path data-${kind}-line="${i}" fill="${fill}" d="${linePath(line, layout.fontSize)}"/>`,
    )
    .join("");

/**
 * A generated badge image: a heraldic shield, deep blue with a gold border,
 * the badge's full name and a subtitle ribbon. Self-contained SVG: the text
 * is drawn as the bundled font's outlines, its words in the title element.
 */
export function badgeImageSvg(options: {
  title: string;
  subtitle?: string;
  color?: string;
  accent?: string;
  required?: boolean;
}): string {
  const color = options.color ?? "#1f3a8a";
  const accent = options.accent ?? "#f2c14e";
  const title = paths(titleLayout(options), "#ffffff", "title");
  let subtitle = "";
  if (options.subtitle) {
    const laid = subtitleLayout(options.subtitle);
    const last = laid.lines.at(-1);
    const bottom = Math.max(RIBBON.top + RIBBON.height, (last?.bottom ?? 0) + 6);
    const mid = (RIBBON.top + bottom) / 2;
    subtitle = `<path d="M60 ${RIBBON.top}h280l-20 ${mid - RIBBON.top} 20 ${bottom - mid}H60l20-${bottom - mid}z" fill="${accent}"/>${paths(laid, "#14245c", "subtitle")}`;
  }
  const star = options.required
    ? `<path d="m200 96 9 19 21 3-15 15 4 21-19-10-19 10 4-21-15-15 21-3z" fill="${accent}"/>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="440" viewBox="0 0 400 440" role="img"><title>${escapeXml(options.title)}</title><path d="M200 16 364 64v124c0 104-70 180-164 224C106 368 36 292 36 188V64z" fill="${color}"/><path d="M200 40 342 82v106c0 90-60 156-142 194-82-38-142-104-142-194V82z" fill="none" stroke="${accent}" stroke-width="8"/>${star}${title}${subtitle}</svg>`;
}
