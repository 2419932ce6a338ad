import { crc32, inflateSync } from "node:zlib";

export type BadgeVersion = "3.0" | "2.0";
export type Unbaked = { version: BadgeVersion; payload: string };

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KEYWORD: Record<BadgeVersion, string> = { "3.0": "openbadgecredential", "2.0": "openbadges" };
/** Refuse images past this size before reading them (hostile uploads). */
export const MAX_PNG_BYTES = 10 * 1024 * 1024;
const MAX_TEXT_BYTES = 2 * 1024 * 1024;

type Chunk = { type: string; start: number; end: number; data: Uint8Array };

function isPng(png: Uint8Array): boolean {
  return png.length >= 8 && SIGNATURE.every((b, i) => png[i] === b);
}

/** Walks the chunks with bounds checks; null when the file is not a well-formed PNG. */
function chunks(png: Uint8Array): Chunk[] | null {
  if (!isPng(png) || png.length > MAX_PNG_BYTES) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (length > png.length || end > png.length) return null;
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    out.push({ type, start: offset, end, data: png.subarray(offset + 8, offset + 8 + length) });
    offset = end;
    if (type === "IEND") return out;
  }
  return null;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typeBytes = new TextEncoder().encode(type);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)) >>> 0);
  return out;
}

/** The keyword of a text chunk (iTXt or tEXt), or null. */
function keywordOf(c: Chunk): string | null {
  if (c.type !== "iTXt" && c.type !== "tEXt") return null;
  const nul = c.data.indexOf(0);
  return nul > 0 && nul < 80 ? new TextDecoder("latin1").decode(c.data.subarray(0, nul)) : null;
}

/**
 * Bakes a credential into a PNG: exactly one uncompressed iTXt chunk
 * (`openbadgecredential` for 3.0, `openbadges` for 2.0) before IEND; any
 * earlier badge chunk is replaced.
 */
export function bakePng(
  png: Uint8Array,
  payload: string,
  options: { version: BadgeVersion },
): Uint8Array {
  const list = chunks(png);
  if (!list) throw new Error("not a PNG image");
  const keyword = new TextEncoder().encode(KEYWORD[options.version]);
  const text = new TextEncoder().encode(payload);
  // keyword \0 compression-flag(0) compression-method(0) language \0 translated-keyword \0 text
  const data = new Uint8Array(keyword.length + 5 + text.length);
  data.set(keyword, 0);
  data.set(text, keyword.length + 5);
  const badgeChunk = chunk("iTXt", data);
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  for (const c of list) {
    const kw = keywordOf(c);
    if (kw === "openbadges" || kw === "openbadgecredential") continue;
    if (c.type === "IEND") parts.push(badgeChunk);
    parts.push(png.subarray(c.start, c.end));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Reads the baked credential of a PNG, or null; never throws on bad input. */
export function unbakePng(png: Uint8Array): Unbaked | null {
  try {
    const list = chunks(png);
    if (!list) return null;
    for (const c of list) {
      const kw = keywordOf(c);
      const version: BadgeVersion | null =
        kw === "openbadgecredential" ? "3.0" : kw === "openbadges" ? "2.0" : null;
      if (!version || !kw) continue;
      const payload =
        c.type === "tEXt" ? latin1(c.data.subarray(kw.length + 1)) : itxtText(c.data, kw.length);
      if (payload !== null) return { version, payload: payload.trim() };
    }
    return null;
  } catch {
    return null;
  }
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}

function itxtText(data: Uint8Array, keywordLength: number): string | null {
  let i = keywordLength + 1;
  const compressed = data[i] === 1;
  i += 2;
  const languageEnd = data.indexOf(0, i);
  if (languageEnd < 0) return null;
  const translatedEnd = data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return null;
  const body = data.subarray(translatedEnd + 1);
  const bytes = compressed ? inflateSync(body, { maxOutputLength: MAX_TEXT_BYTES }) : body;
  if (bytes.length > MAX_TEXT_BYTES) return null;
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
