/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): inside a
 * file name they reorder what is shown, so that "contrat-\u202Efdp.txt"
 * reads "contrat-txt.pdf". A name never needs them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const CONTROLS_AND_SEPARATORS = /[\p{Cc}/\\]/gu;

/**
 * A file name as Blason keeps, shows and sends it (Content-Disposition):
 * no bidi control, no control character, no path separator, 200 characters
 * at most. Idempotent, so names kept before this rule are shown the same way.
 */
export function neutralFilename(name: string): string {
  return name.replace(BIDI_CONTROLS, "").replace(CONTROLS_AND_SEPARATORS, "_").trim().slice(0, 200);
}
