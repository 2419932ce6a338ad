import { createRequire } from "node:module";

/**
 * A faster JSON-LD context path for our own canonicalisation, byte-identical
 * to jsonld's.
 *
 * Open Badges 3.0 declares many type-scoped contexts. jsonld applies each one
 * by cloning the active context first, and its clone copies every term
 * definition deeply: on an OB 3.0 credential that cloning is the largest part
 * of canonicalisation. Term definitions are never changed once made (a new
 * context replaces a definition by a new object), so a clone can share them:
 * it copies the map of terms, not the terms.
 *
 * jsonld keeps one initial context per processing mode. We pass the default
 * mode ("json-ld-1.1") explicitly, which gives our calls an initial context
 * of their own; only that one clones this way. Other users of jsonld in the
 * process (the reference stack in the benchmark, other libraries) keep
 * jsonld's own clone. Tests compare the N-Quads with jsonld's, byte for byte.
 */
type ActiveContext = {
  mappings: Map<string, unknown>;
  clone: (this: ActiveContext) => ActiveContext;
  inverse: unknown;
  getInverse: unknown;
  protected: Record<string, unknown>;
  previousContext?: ActiveContext;
  revertToPreviousContext: unknown;
  "@base"?: unknown;
  "@language"?: unknown;
  "@vocab"?: unknown;
};

const require = createRequire(import.meta.url);
const context = require("jsonld/lib/context.js") as {
  getInitialContext(options: { processingMode?: string }): ActiveContext;
};

export const FAST_PROCESSING_MODE = "json-ld-1.1";

function sharingClone(this: ActiveContext): ActiveContext {
  const child: ActiveContext = {
    mappings: new Map(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: { ...this.protected },
    revertToPreviousContext: this.revertToPreviousContext,
  };
  if (this.previousContext) child.previousContext = this.previousContext.clone();
  if ("@base" in this) child["@base"] = this["@base"];
  if ("@language" in this) child["@language"] = this["@language"];
  if ("@vocab" in this) child["@vocab"] = this["@vocab"];
  return child;
}

/** Options to add to a jsonld call so that it takes the faster path. */
export function fastContextOptions(): { processingMode: string } {
  const initial = context.getInitialContext({ processingMode: FAST_PROCESSING_MODE });
  if (initial.clone !== sharingClone) initial.clone = sharingClone;
  return { processingMode: FAST_PROCESSING_MODE };
}
