import { createRequire } from "node:module";
import { defaultDocumentLoader, isBundledContext } from "./contexts";
import { FAST_PROCESSING_MODE, fastContextOptions } from "./fast-context";

/**
 * The active contexts of the compiled JSON-LD path, computed once by
 * jsonld's own context processing from the bundled context files and kept.
 *
 * Every context the compiled path meets (a document's `@context`, a type- or
 * property-scoped context, the reversion of a type-scoped one) is derived
 * from an earlier one by a single step. Each step is computed the first time
 * by jsonld, then remembered under the context it started from: contexts are
 * never changed once made, so the second credential reads term definitions
 * straight from memory. Nothing is written by hand: the tables are jsonld's.
 *
 * Computing is asynchronous and the walk over a document is not: a walk that
 * meets a step not yet computed throws a `ContextMiss`; the caller computes
 * it (`miss.compute()`) and walks again.
 */
export type TermDefinition = {
  "@id"?: string;
  "@type"?: string;
  "@container"?: string[];
  "@context"?: unknown;
  "@language"?: unknown;
  "@direction"?: unknown;
  reverse?: boolean;
};
export type ActiveContext = {
  mappings: Map<string, TermDefinition | null>;
  previousContext?: ActiveContext;
  "@language"?: unknown;
  "@direction"?: unknown;
};

const require = createRequire(import.meta.url);
const jsonldContext = require("jsonld/lib/context.js") as {
  process(args: {
    activeCtx: ActiveContext;
    localCtx: unknown;
    options: object;
    propagate?: boolean;
    overrideProtected?: boolean;
  }): Promise<ActiveContext>;
  expandIri(
    ctx: ActiveContext,
    value: string,
    relativeTo: { vocab?: boolean; base?: boolean },
    options: object,
  ): string | null;
  getContextValue(ctx: ActiveContext, key: string | null, type: string): unknown;
  getInitialContext(options: object): ActiveContext;
};
const ContextResolver = require("jsonld/lib/ContextResolver.js") as new (options: {
  sharedCache: Map<unknown, unknown>;
}) => object;
const events = require("jsonld/lib/events.js") as { safeEventHandler: unknown };

/**
 * The options of jsonld's own calls in safe mode, contexts from the bundle
 * only. A bundled URL means the same whatever loader a call passes: every
 * loader of ours (createDocumentLoader) answers it from the bundle first.
 */
const processOptions = {
  documentLoader: defaultDocumentLoader,
  contextResolver: new ContextResolver({ sharedCache: new Map() }),
  processingMode: FAST_PROCESSING_MODE,
  base: null,
  safe: true,
  eventHandler: [events.safeEventHandler],
};
const iriOptions = { base: null };

/** A step the walk needs and that is not computed yet. */
export class ContextMiss extends Error {
  constructor(readonly compute: () => Promise<void>) {
    super("context not compiled yet");
  }
}

/** Something the compiled path does not handle: jsonld's general algorithm decides. */
export class NotCompiled extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Beyond this many derived contexts, new ones are not kept (and the document falls back). */
const MAX_DERIVED = 4000;
let derivedCount = 0;

type Step = "document" | "property" | "type";
const derived = new WeakMap<ActiveContext, Map<unknown, Map<Step, ActiveContext>>>();
const pending = new Map<string, Promise<void>>();
let nextId = 0;
const ids = new WeakMap<object, string>();

function entry<K, V>(map: Map<K, V> | WeakMap<K & object, V>, key: K, make: () => V): V {
  const found = (map as Map<K, V>).get(key);
  if (found !== undefined) return found;
  const made = make();
  (map as Map<K, V>).set(key, made);
  return made;
}

function keyOf(local: unknown): unknown {
  // A document's own @context is a new array each time: its URLs name it.
  // Any other context (an object, an array with objects) is one a term
  // definition holds: itself names it.
  return Array.isArray(local) && local.every((url) => typeof url === "string")
    ? `\u0000${local.join("\u0000")}`
    : local;
}

/** Names a step in progress, so that two walks waiting for it compute it once. */
function pendingKey(ctx: ActiveContext, local: unknown, step: Step): string {
  const idOf = (o: object) => entry(ids, o, () => String(nextId++));
  const named = keyOf(local);
  const localId = typeof named === "object" && named !== null ? idOf(named) : String(named);
  return `${idOf(ctx)} ${step} ${localId}`;
}

/** The context `step` makes of `ctx` with `local`; throws ContextMiss if not computed yet. */
export function derive(ctx: ActiveContext, local: unknown, step: Step): ActiveContext {
  const known = derived.get(ctx)?.get(keyOf(local))?.get(step);
  if (known) return known;
  if (derivedCount >= MAX_DERIVED) throw new NotCompiled("too many contexts");
  const key = pendingKey(ctx, local, step);
  throw new ContextMiss(() => {
    let running = pending.get(key);
    if (!running) {
      running = compute(ctx, local, step).finally(() => pending.delete(key));
      pending.set(key, running);
    }
    return running;
  });
}

async function compute(ctx: ActiveContext, local: unknown, step: Step): Promise<void> {
  const result = await jsonldContext.process({
    activeCtx: ctx,
    localCtx: local,
    options: processOptions,
    ...(step === "property" ? { propagate: true, overrideProtected: true } : {}),
    ...(step === "type" ? { propagate: false } : {}),
  });
  const byLocal = entry(derived, ctx, () => new Map<unknown, Map<Step, ActiveContext>>());
  const bySteps = entry(byLocal, keyOf(local), () => new Map<Step, ActiveContext>());
  if (!bySteps.has(step)) {
    bySteps.set(step, result);
    derivedCount++;
  }
}

/** A document's @context: only bundled context URLs are compiled. */
export function documentContext(ctx: ActiveContext, local: unknown): ActiveContext {
  const urls = Array.isArray(local) ? local : [local];
  if (urls.length === 0 || !urls.every((u) => typeof u === "string" && isBundledContext(u)))
    throw new NotCompiled("@context other than bundled URLs");
  return derive(ctx, urls, "document");
}

/** The context jsonld starts from (its fast path's, see fast-context.ts). */
let initial: ActiveContext | undefined;
export function initialContext(): ActiveContext {
  if (!initial) {
    fastContextOptions();
    initial = jsonldContext.getInitialContext({ processingMode: FAST_PROCESSING_MODE });
  }
  return initial;
}

/**
 * A type-scoped context reverted: jsonld clones the previous context, which
 * reads the same as the previous context itself.
 */
export function reverted(ctx: ActiveContext): ActiveContext {
  return ctx.previousContext ?? ctx;
}

/** Expansions kept, over every context: terms first (met on every document), then IRIs. */
const MAX_MEMOISED = 20_000;
let memoised = 0;
const vocabIris = new WeakMap<ActiveContext, Map<string, string | null>>();
const baseIris = new WeakMap<ActiveContext, Map<string, string | null>>();
const bothIris = new WeakMap<ActiveContext, Map<string, string | null>>();

function memo(
  table: WeakMap<ActiveContext, Map<string, string | null>>,
  ctx: ActiveContext,
  value: string,
  relativeTo: { vocab?: boolean; base?: boolean },
): string | null {
  const byValue = entry(table, ctx, () => new Map<string, string | null>());
  let iri = byValue.get(value);
  if (iri === undefined) {
    iri = jsonldContext.expandIri(ctx, value, relativeTo, iriOptions);
    // Documents bring values without end: what is kept is bounded, in all.
    if (ctx.mappings.has(value) || (memoised < MAX_MEMOISED && value.length <= 200)) {
      byValue.set(value, iri);
      memoised++;
    }
  }
  return iri;
}

/** A key or a term, as jsonld expands it with the vocabulary. */
export const vocabIri = (ctx: ActiveContext, value: string) =>
  memo(vocabIris, ctx, value, { vocab: true });
/** An @id, as jsonld expands it (no base: the path runs with base null). */
export const baseIri = (ctx: ActiveContext, value: string) =>
  memo(baseIris, ctx, value, { base: true });
/** A type or an @vocab-typed value. */
export const typeIri = (ctx: ActiveContext, value: string) =>
  memo(bothIris, ctx, value, { base: true, vocab: true });

export const contextValue = jsonldContext.getContextValue;

/**
 * What the walk asks of a key in a context, read once per (context, key):
 * its expansion with the vocabulary and its term definition's container,
 * type coercion, scoped context, whether its strings get a language or a
 * direction, and whether it is a reverse property.
 */
export type TermRecord = {
  iri: string | null;
  container: readonly string[];
  coercion: string | null;
  scoped: unknown;
  tagged: boolean;
  reverse: boolean;
};
const records = new WeakMap<ActiveContext, Map<string, TermRecord>>();

export function termOf(ctx: ActiveContext, key: string): TermRecord {
  const byKey = entry(records, ctx, () => new Map<string, TermRecord>());
  const known = byKey.get(key);
  if (known) return known;
  const record: TermRecord = {
    iri: vocabIri(ctx, key),
    container: (contextValue(ctx, key, "@container") as string[] | null) ?? [],
    coercion: contextValue(ctx, key, "@type") as string | null,
    scoped: contextValue(ctx, key, "@context"),
    tagged:
      contextValue(ctx, key, "@language") !== null || contextValue(ctx, key, "@direction") !== null,
    reverse: Boolean(ctx.mappings.get(key)?.reverse),
  };
  if (ctx.mappings.has(key) || (memoised < MAX_MEMOISED && key.length <= 200)) {
    byKey.set(key, record);
    memoised++;
  }
  return record;
}
