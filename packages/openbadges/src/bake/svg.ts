import type { BadgeVersion, Unbaked } from "./png";

const NS: Record<BadgeVersion, string> = {
  "3.0": "https://purl.imsglobal.org/ob/v3p0",
  "2.0": "http://openbadges.org",
};
export const MAX_SVG_CHARS = 5 * 1024 * 1024;

const isJwt = (s: string) => /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(s.trim());
const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * Bakes a credential into an SVG: `<openbadges:credential>` (3.0) or
 * `<openbadges:assertion>` (2.0) right after the opening svg tag, JSON in
 * CDATA, or a JWT / hosted URL in the `verify` attribute. `verify` names the
 * hosted URL of an OB 2.0 assertion baked as JSON (the 2.0 baking spec's
 * hosted form: both the URL and the JSON).
 */
export function bakeSvg(
  svg: string,
  payload: string,
  options: { version: BadgeVersion; verify?: string },
): string {
  const cleaned = svg.replace(
    /<openbadges:(credential|assertion)\b[\s\S]*?(<\/openbadges:\1>|\/>)/g,
    "",
  );
  const open = /<svg\b[^>]*>/.exec(cleaned);
  if (!open) throw new Error("not an SVG image");
  let tag = open[0];
  if (!/xmlns:openbadges=/.test(tag))
    tag = tag.replace(/^<svg\b/, `<svg xmlns:openbadges="${NS[options.version]}"`);
  const element = options.version === "3.0" ? "openbadges:credential" : "openbadges:assertion";
  const trimmed = payload.trim();
  const inAttribute = isJwt(trimmed) || /^https?:\/\//.test(trimmed);
  const verify = options.verify ?? (inAttribute ? trimmed : undefined);
  const attribute = verify === undefined ? "" : ` verify="${escapeAttr(verify)}"`;
  const content = inAttribute ? "" : `<![CDATA[${trimmed.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
  const inner = `<${element}${attribute}>${content}</${element}>`;
  return cleaned.slice(0, open.index) + tag + inner + cleaned.slice(open.index + open[0].length);
}

/** Reads the baked credential of an SVG, or null; never throws on bad input. */
export function unbakeSvg(svg: string): Unbaked | null {
  if (typeof svg !== "string" || svg.length > MAX_SVG_CHARS || !/<svg\b/.test(svg)) return null;
  const match =
    /<openbadges:(credential|assertion)\b([^>]*?)(\/>|>([\s\S]*?)<\/openbadges:\1>)/.exec(svg);
  if (!match) return null;
  const version: BadgeVersion = match[1] === "credential" ? "3.0" : "2.0";
  const verify = /\bverify\s*=\s*"([^"]*)"/.exec(match[2] ?? "")?.[1];
  const body = (match[4] ?? "").trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body)?.[1];
  const content = (cdata ?? body).replaceAll("]]]]><![CDATA[>", "]]>").trim();
  const payload = content || (verify ? decodeEntities(verify) : "");
  return payload ? { version, payload } : null;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
