import { unbakePng } from "../bake/png";
import { unbakeSvg } from "../bake/svg";
import {
  DEFAULT_LIMITS,
  type LimitBreach,
  type Limits,
  limitReason,
  measureDocument,
} from "../limits";

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
export const MAX_JSON_DEPTH = DEFAULT_LIMITS.maxDepth;

export type Parsed =
  | {
      kind: "json";
      value: Record<string, unknown>;
      source: "json" | "png" | "svg" | "url";
      version?: "3.0" | "2.0";
    }
  | { kind: "jwt"; value: string; source: "jwt" | "png" | "svg" | "url" }
  | { kind: "url"; value: string }
  | {
      kind: "error";
      source: "json" | "png" | "svg" | "unknown";
      fr: string;
      en: string;
      /** A bound the document breaks (nodes, list length, depth). */
      breach?: LimitBreach;
    };

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Parses JSON with every bound (size, depth, values, list lengths); a JSON
 * document must be an object. For remote documents: null when unusable.
 */
export function parseJson(
  text: string,
  maxBytes: number = MAX_INPUT_BYTES,
  limits: Readonly<Limits> = DEFAULT_LIMITS,
): Record<string, unknown> | null {
  const value = readJson(text, maxBytes);
  return value && !measureDocument(value, limits) ? value : null;
}

/** JSON.parse behind a size cap and a depth pre-check that costs one pass over the text. */
function readJson(text: string, maxBytes: number): Record<string, unknown> | null {
  if (text.length > maxBytes) return null;
  // A cheap pre-check: nesting deeper than the limit is refused before parsing.
  // Brackets inside strings do not count.
  let open = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++open > MAX_JSON_DEPTH) return null;
    } else if (c === 125 || c === 93) open--;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    return value as Record<string, unknown>;
  } catch {
    return null;
  }
}

const isPng = (b: Uint8Array) =>
  b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;

/** A document over the bounds, as a parse error that names the bound. */
function bounded(
  value: Record<string, unknown>,
  source: "json" | "png" | "svg" | "url",
  limits: Readonly<Limits>,
  version?: "3.0" | "2.0",
): Parsed {
  const breach = measureDocument(value, limits);
  if (breach)
    return {
      kind: "error",
      source: source === "url" ? "unknown" : source,
      ...limitReason(breach),
      breach,
    };
  return { kind: "json", value, source, ...(version ? { version } : {}) };
}

function fromText(
  text: string,
  source: "json" | "png" | "svg" | "url",
  maxBytes: number,
  limits: Readonly<Limits>,
  version?: "3.0" | "2.0",
): Parsed {
  const trimmed = text.trim();
  if (JWT.test(trimmed))
    return { kind: "jwt", value: trimmed, source: source === "json" ? "jwt" : source };
  if (/^https?:\/\/\S+$/.test(trimmed)) return { kind: "url", value: trimmed };
  const value = readJson(trimmed, maxBytes);
  if (!value)
    return {
      kind: "error",
      source: source === "url" ? "unknown" : source,
      fr: "Ce contenu n'est ni un JSON valide, ni un JWT, ni une adresse web.",
      en: "This content is neither valid JSON, nor a JWT, nor a web address.",
    };
  return bounded(value, source, limits, version);
}

/** Turns whatever a person hands us into a credential to check. */
export function parseInput(
  input: unknown,
  maxBytes: number = MAX_INPUT_BYTES,
  limits: Readonly<Limits> = DEFAULT_LIMITS,
): Parsed {
  const limit = `${Math.round(maxBytes / 1024 / 1024)}`;
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    if (bytes.length > maxBytes)
      return {
        kind: "error",
        source: "unknown",
        fr: `Le fichier dépasse ${limit} Mo.`,
        en: `The file is larger than ${limit} MB.`,
      };
    if (isPng(bytes)) {
      const baked = unbakePng(bytes);
      return baked
        ? fromText(baked.payload, "png", maxBytes, limits, baked.version)
        : {
            kind: "error",
            source: "png",
            fr: "Cette image PNG ne contient pas de badge.",
            en: "This PNG image holds no badge.",
          };
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    return parseInput(text, maxBytes, limits);
  }
  if (typeof input === "string") {
    if (input.length > maxBytes)
      return {
        kind: "error",
        source: "unknown",
        fr: `Le contenu dépasse ${limit} Mo.`,
        en: `The content is larger than ${limit} MB.`,
      };
    if (/^\s*(<\?xml[\s\S]*?\?>\s*)?(<!DOCTYPE[\s\S]*?>\s*)?<svg\b/i.test(input)) {
      const baked = unbakeSvg(input);
      return baked
        ? fromText(baked.payload, "svg", maxBytes, limits, baked.version)
        : {
            kind: "error",
            source: "svg",
            fr: "Cette image SVG ne contient pas de badge.",
            en: "This SVG image holds no badge.",
          };
    }
    return fromText(input, "json", maxBytes, limits);
  }
  if (input && typeof input === "object" && !Array.isArray(input))
    return bounded(input as Record<string, unknown>, "json", limits);
  return { kind: "error", source: "unknown", fr: "Rien à vérifier.", en: "Nothing to verify." };
}
