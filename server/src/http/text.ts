import { z } from "zod";

/**
 * Every text the API takes goes through one of these schemas. Control
 * characters are refused with 400 VALIDATION_FAILED: PostgreSQL cannot store
 * NUL in text or JSON (it was a 500), and the others (escape sequences, C1
 * controls, a DEL) are never meant by a person typing. Text that runs over
 * several lines keeps its tabs and line breaks; a single line keeps none.
 */
export const LINE_PATTERN = /^\P{Cc}*$/u;
export const TEXT_PATTERN = /^[\t\n\r\P{Cc}]*$/u;
const CONTROL_IN_TEXT = /[^\t\n\r\P{Cc}]/u;

/** The validation issue's pattern, as Zod reports it, when it is one of ours. */
const ourPatterns = new Set([String(LINE_PATTERN), String(TEXT_PATTERN)]);
export function isControlCharacterIssue(params: Record<string, unknown>): boolean {
  return (
    (params.format === "regex" && ourPatterns.has(String(params.pattern))) ||
    params.reason === "control_character"
  );
}

/** One line of text: a name, a title, a city, an identifier typed by a person. */
export const line = () => z.string().regex(LINE_PATTERN);

/** Text over several lines: a description, an answer, a message, a pasted document. */
export const text = () => z.string().regex(TEXT_PATTERN);

/** A web address, on one line (`params` as z.url's, e.g. the protocols allowed). */
export const url = (params?: Parameters<typeof z.url>[0]) => z.url(params).regex(LINE_PATTERN);

function controlPath(value: unknown, at: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return CONTROL_IN_TEXT.test(value) ? at : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = controlPath(item, [...at, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL_IN_TEXT.test(key)) return [...at, key];
      const found = controlPath(item, [...at, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The JSON a pasted badge carries: the text itself, or a VC-JWT's payload. */
function pastedDocument(value: string): unknown {
  const trimmed = value.trim();
  try {
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) return JSON.parse(trimmed);
    const payload = /^[\w-]+\.([\w-]+)\.[\w-]*$/.exec(trimmed)?.[1];
    if (payload) return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    // Not JSON: the verifier says what it is.
  }
  return undefined;
}

const controlIssue = (path: (string | number)[]) => ({
  code: "custom" as const,
  path,
  params: { reason: "control_character" },
  message: "control character",
});

/**
 * A badge pasted as text (JSON, a VC-JWT or a URL): the document it carries
 * is held to the same rule, since what is stored is the decoded document.
 */
export const badgeText = () =>
  text().superRefine((value, ctx) => {
    if (controlPath(pastedDocument(value))) ctx.addIssue(controlIssue([]));
  });

/**
 * A JSON document given as an object (a badge someone holds): no key or
 * string anywhere in it may hold a control character other than tab and
 * line breaks.
 */
export const jsonDocument = () =>
  z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const found = controlPath(value);
    if (found) ctx.addIssue(controlIssue(found));
  });
