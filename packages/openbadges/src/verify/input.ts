import { unbakePng } from "../bake/png";
import { unbakeSvg } from "../bake/svg";

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
export const MAX_JSON_DEPTH = 64;

export type Parsed =
  | {
      kind: "json";
      value: Record<string, unknown>;
      source: "json" | "png" | "svg" | "url";
      version?: "3.0" | "2.0";
    }
  | { kind: "jwt"; value: string; source: "jwt" | "png" | "svg" | "url" }
  | { kind: "url"; value: string }
  | { kind: "error"; source: "json" | "png" | "svg" | "unknown"; fr: string; en: string };

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function depth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > limit) return false;
    if (v && typeof v === "object")
      for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return true;
}

/** Parses JSON with a size and depth bound; a JSON document must be an object. */
export function parseJson(text: string): Record<string, unknown> | null {
  if (text.length > MAX_INPUT_BYTES) return null;
  // A cheap pre-check: nesting deeper than the limit is refused before parsing.
  let open = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) max = Math.max(max, ++open);
    else if (c === 125 || c === 93) open--;
  }
  if (max > MAX_JSON_DEPTH * 2) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (
      !value ||
      typeof value !== "object" ||
      Array.isArray(value) ||
      !depth(value, MAX_JSON_DEPTH)
    )
      return null;
    return value as Record<string, unknown>;
  } catch {
    return null;
  }
}

const isPng = (b: Uint8Array) =>
  b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

function fromText(
  text: string,
  source: "json" | "png" | "svg" | "url",
  version?: "3.0" | "2.0",
): Parsed {
  const trimmed = text.trim();
  if (JWT.test(trimmed))
    return { kind: "jwt", value: trimmed, source: source === "json" ? "jwt" : source };
  if (/^https?:\/\/\S+$/.test(trimmed)) return { kind: "url", value: trimmed };
  const value = parseJson(trimmed);
  if (!value)
    return {
      kind: "error",
      source: source === "url" ? "unknown" : source,
      fr: "Ce contenu n'est ni un JSON valide, ni un JWT, ni une adresse web.",
      en: "This content is neither valid JSON, nor a JWT, nor a web address.",
    };
  return { kind: "json", value, source, ...(version ? { version } : {}) };
}

/** Turns whatever a person hands us into a credential to check. */
export function parseInput(input: unknown): Parsed {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    if (bytes.length > MAX_INPUT_BYTES)
      return {
        kind: "error",
        source: "unknown",
        fr: "Le fichier dépasse 5 Mo.",
        en: "The file is larger than 5 MB.",
      };
    if (isPng(bytes)) {
      const baked = unbakePng(bytes);
      return baked
        ? fromText(baked.payload, "png", baked.version)
        : {
            kind: "error",
            source: "png",
            fr: "Cette image PNG ne contient pas de badge.",
            en: "This PNG image holds no badge.",
          };
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    return parseInput(text);
  }
  if (typeof input === "string") {
    if (input.length > MAX_INPUT_BYTES)
      return {
        kind: "error",
        source: "unknown",
        fr: "Le contenu dépasse 5 Mo.",
        en: "The content is larger than 5 MB.",
      };
    if (/^\s*(<\?xml[\s\S]*?\?>\s*)?(<!DOCTYPE[\s\S]*?>\s*)?<svg\b/i.test(input)) {
      const baked = unbakeSvg(input);
      return baked
        ? fromText(baked.payload, "svg", baked.version)
        : {
            kind: "error",
            source: "svg",
            fr: "Cette image SVG ne contient pas de badge.",
            en: "This SVG image holds no badge.",
          };
    }
    return fromText(input, "json");
  }
  if (input && typeof input === "object" && !Array.isArray(input)) {
    if (!depth(input, MAX_JSON_DEPTH))
      return {
        kind: "error",
        source: "json",
        fr: "Le document est trop imbriqué.",
        en: "The document is nested too deeply.",
      };
    return { kind: "json", value: input as Record<string, unknown>, source: "json" };
  }
  return { kind: "error", source: "unknown", fr: "Rien à vérifier.", en: "Nothing to verify." };
}
