import { Resvg } from "@resvg/resvg-js";

/** Renders an SVG to PNG bytes (no external resources are loaded). */
export function renderSvgToPng(svg: string, options: { width: number }): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: options.width },
    font: { loadSystemFonts: true },
  });
  return new Uint8Array(resvg.render().asPng());
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Splits a title into at most three lines that fit the shield. */
function lines(text: string, max = 16): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    if (`${current} ${word}`.trim().length > max && current) {
      out.push(current);
      current = word;
    } else current = `${current} ${word}`.trim();
  }
  if (current) out.push(current);
  return out.slice(0, 3);
}

/**
 * A generated badge image: a heraldic shield, deep blue with a gold border,
 * the badge's title and a subtitle ribbon. Self-contained SVG.
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
  const titleLines = lines(options.title);
  const startY = 250 - (titleLines.length - 1) * 22;
  const title = titleLines
    .map(
      (l, i) =>
        `<text x="200" y="${startY + i * 44}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="34" font-weight="700" fill="#ffffff">${escapeXml(l)}</text>`,
    )
    .join("");
  const subtitle = options.subtitle
    ? `<path d="M60 355h280l-20 24 20 24H60l20-24z" fill="${accent}"/><text x="200" y="387" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="20" font-weight="700" fill="#14245c">${escapeXml(options.subtitle)}</text>`
    : "";
  const star = options.required
    ? `<path d="m200 96 9 19 21 3-15 15 4 21-19-10-19 10 4-21-15-15 21-3z" fill="${accent}"/>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="440" viewBox="0 0 400 440" role="img"><title>${escapeXml(options.title)}</title><path d="M200 16 364 64v124c0 104-70 180-164 224C106 368 36 292 36 188V64z" fill="${color}"/><path d="M200 40 342 82v106c0 90-60 156-142 194-82-38-142-104-142-194V82z" fill="none" stroke="${accent}" stroke-width="8"/>${star}${title}${subtitle}</svg>`;
}
