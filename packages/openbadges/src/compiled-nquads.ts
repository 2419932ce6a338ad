import {
  type ActiveContext,
  baseIri,
  ContextMiss,
  derive,
  documentContext,
  initialContext,
  NotCompiled,
  reverted,
  termOf,
  typeIri,
  vocabIri,
} from "./compiled-contexts";
import {
  DEFAULT_GRAPH,
  distinct,
  distinctTerms,
  fail,
  type Graph,
  literal,
  namedNode,
  type Quad,
  RDF_FIRST,
  RDF_NIL,
  RDF_REST,
  RDF_TYPE,
  type Term,
} from "./compiled-terms";

export type { Quad, Term } from "./compiled-terms";

/**
 * The compiled JSON-LD path: a document whose terms all come from the
 * bundled contexts goes straight to RDF quads, in one walk, without jsonld's
 * expanded form and node map. The walk follows jsonld's expansion (the same
 * contexts in the same order: reverted type-scoped contexts, property-scoped
 * ones applied twice as jsonld does, type-scoped ones in sorted order) and its
 * conversion of values to literals, @graph containers (VC 2.0's proof) and
 * @list containers included. Anything it does not handle (an unknown or
 * dropped term, a context not bundled, blank node identifiers, lists of
 * lists, @graph or @list keywords, JSON literals, languages, directions,
 * reverse or index maps...)
 * returns undefined: jsonld's general algorithm then decides, errors
 * included. The quads are a set (jsonld's node map merges the same way);
 * blank node labels differ from jsonld's, which RDFC-1.0 does not see.
 */

/**
 * The quads so far, blank nodes issued, the graph being written, and the
 * named nodes met: jsonld's node map merges a node met twice, so the quads
 * are made a set at the end when one was (or when two keys of a node
 * expanded to the same property); otherwise they are one already.
 */
type Walk = {
  quads: Quad[];
  blanks: number;
  graph: Graph;
  named: Set<string>;
  merge: boolean;
};

function emit(walk: Walk, subject: Term, predicate: Term, object: Term): void {
  walk.quads.push({ subject, predicate, object, graph: walk.graph });
}

/** A scalar value of `property` (expand.js's _expandValue). */
function scalar(ctx: ActiveContext, property: string, value: unknown): Term {
  if (value === null) fail("null value");
  const term = termOf(ctx, property);
  const type = term.coercion;
  if (type === "@id" && typeof value === "string")
    return namedNode(baseIri(ctx, value), "@id value");
  if (type === "@vocab" && typeof value === "string")
    return namedNode(typeIri(ctx, value), "@vocab value");
  if (type === "@json") fail("@json");
  if (type && type !== "@id" && type !== "@vocab" && type !== "@none") return literal(value, type);
  if (typeof value === "string" && term.tagged) fail("language or direction");
  return literal(value, null);
}

/** The values of one property of a node, as terms. */
function values(walk: Walk, ctx: ActiveContext, property: string, value: unknown): Term[] {
  if (Array.isArray(value)) {
    if (termOf(ctx, property).container.includes("@list")) fail("@list");
    const out: Term[] = [];
    for (const item of value) {
      if (Array.isArray(item)) fail("nested array");
      if (item === null) fail("null value");
      out.push(one(walk, ctx, property, item));
    }
    return out;
  }
  return [one(walk, ctx, property, value)];
}

/**
 * The value of a property with a @list container, as toRdf's _listToRDF
 * writes it: a blank node per item (rdf:first, rdf:rest), rdf:nil when empty.
 */
function list(walk: Walk, ctx: ActiveContext, property: string, value: unknown): Term {
  const { container } = termOf(ctx, property);
  if (container.length !== 1 || container[0] !== "@list") fail("@list context changed");
  const items = Array.isArray(value) ? value : [value];
  const terms = items.map((item) => {
    if (Array.isArray(item)) fail("list of lists");
    if (item === null) fail("null value");
    return one(walk, ctx, property, item);
  });
  const nil = namedNode(RDF_NIL, "rdf:nil");
  const first = namedNode(RDF_FIRST, "rdf:first");
  const rest = namedNode(RDF_REST, "rdf:rest");
  const cells: Term[] = terms.map(() => ({ termType: "BlankNode", value: `c${walk.blanks++}` }));
  terms.forEach((term, i) => {
    emit(walk, cells[i]!, first, term);
    emit(walk, cells[i]!, rest, cells[i + 1] ?? nil);
  });
  return cells[0] ?? nil;
}

function one(walk: Walk, ctx: ActiveContext, property: string, item: unknown): Term {
  if (typeof item === "object" && item !== null)
    return object(walk, ctx, property, item as Record<string, unknown>, null);
  return scalar(ctx, property, item);
}

/**
 * A node or value object (expand.js's expand for objects, then
 * _expandObject), its quads emitted; returns the term that names it.
 */
function object(
  walk: Walk,
  start: ActiveContext,
  property: string | null,
  element: Record<string, unknown>,
  typeScoped: ActiveContext | null,
): Term {
  let ctx = start;
  const keys = Object.keys(element).sort();
  const propertyScoped = property === null ? undefined : termOf(ctx, property).scoped;
  const scopedBefore = typeScoped ?? (ctx.previousContext ? ctx : null);
  let mustRevert = true;
  if (scopedBefore && keys.length <= 2 && !keys.includes("@context"))
    for (const key of keys) {
      const expanded = termOf(scopedBefore, key).iri;
      if (expanded === "@value") {
        mustRevert = false;
        ctx = scopedBefore;
        break;
      }
      if (expanded === "@id" && keys.length === 1) {
        mustRevert = false;
        break;
      }
    }
  if (mustRevert) ctx = reverted(ctx);
  if (propertyScoped !== undefined) ctx = derive(ctx, propertyScoped, "property");
  if ("@context" in element) ctx = documentContext(ctx, element["@context"]);
  const typeContext = ctx;
  const typeKeys: string[] = [];
  for (const key of keys)
    if (termOf(ctx, key).iri === "@type") {
      typeKeys.push(key);
      const value = element[key];
      const list = Array.isArray(value) ? [...value].sort() : [value];
      for (const type of list) {
        if (typeof type !== "string") fail("@type not a string");
        const { scoped } = termOf(typeContext, type);
        if (scoped !== undefined) ctx = derive(ctx, scoped, "type");
      }
    }
  const first = typeKeys.length ? element[typeKeys[0]!] : undefined;
  const firstType = Array.isArray(first) ? first[0] : first;
  if (typeof firstType === "string" && termOf(ctx, firstType).iri === "@json") fail("@json");

  // Classify the keys: keywords first (the subject must be known before its quads).
  let seenKeywords = "";
  let id: unknown;
  let value: unknown;
  let valueType: unknown;
  let hasValue = false;
  const properties: [string, Term][] = [];
  for (const key of keys) {
    if (key === "@context") continue;
    const expanded = termOf(ctx, key).iri;
    if (expanded === null || expanded.startsWith("_:")) fail(`term ${key} not defined`);
    if (expanded.startsWith("@")) {
      if (expanded !== "@type" && seenKeywords.includes(` ${expanded} `))
        fail("colliding keywords");
      seenKeywords += ` ${expanded} `;
      if (expanded === "@id") id = element[key];
      else if (expanded === "@value") {
        hasValue = true;
        value = element[key];
      } else if (expanded === "@type") valueType = element[key];
      else fail(`keyword ${expanded}`);
    } else properties.push([key, namedNode(expanded, `term ${key}`)]);
  }

  if (hasValue) {
    if (property === null) fail("top-level value");
    if (properties.length || id !== undefined) fail("invalid value object");
    if (valueType === undefined) return literal(value, null);
    if (typeof valueType !== "string") fail("value @type not a string");
    const datatype = typeIri(typeContext, valueType);
    if (datatype === "@json") fail("@json");
    return literal(value, namedNode(datatype, "value @type").value);
  }

  let subject: Term;
  if (id === undefined) subject = { termType: "BlankNode", value: `c${walk.blanks++}` };
  else if (typeof id === "string") {
    subject = namedNode(baseIri(ctx, id), "@id");
    if (walk.named.has(subject.value)) walk.merge = true;
    walk.named.add(subject.value);
  } else fail("@id not a string");
  if (property === null && properties.length === 0 && valueType === undefined)
    fail("top-level object dropped");

  if (valueType !== undefined) {
    const list = Array.isArray(valueType) ? valueType : [valueType];
    const typeTerms: Term[] = [];
    for (const type of list) {
      if (typeof type !== "string") fail("@type not a string");
      typeTerms.push(namedNode(typeIri(typeContext, type), "@type"));
    }
    const rdfType = namedNode(RDF_TYPE, "rdf:type");
    for (const term of distinctTerms(typeTerms)) emit(walk, subject, rdfType, term);
  }

  if (typeKeys.length > 1) walk.merge = true;
  if (properties.length > 1) {
    const predicates = new Set(properties.map(([, predicate]) => predicate.value));
    if (predicates.size < properties.length) walk.merge = true;
  }
  for (const [key, predicate] of properties) {
    const term = termOf(ctx, key);
    const { container } = term;
    const asGraph = container.includes("@graph");
    const asList = container.length === 1 && container[0] === "@list";
    if (!asList && container.some((c) => c !== "@set" && c !== "@graph"))
      fail(`container ${container.join(" ")}`);
    if (term.coercion === "@json") fail("@json");
    const termCtx = term.scoped === undefined ? ctx : derive(ctx, term.scoped, "property");
    if (term.reverse || termOf(termCtx, key).reverse) fail("@reverse");
    if (asGraph) graphs(walk, termCtx, key, element[key], subject, predicate);
    else if (asList) emit(walk, subject, predicate, list(walk, termCtx, key, element[key]));
    else
      for (const object of distinctTerms(values(walk, termCtx, key, element[key])))
        emit(walk, subject, predicate, object);
  }
  return subject;
}

/**
 * The values of a property with a @graph container (VC 2.0's proof): each a
 * node in a graph of its own, named by a blank node that the property names.
 */
function graphs(
  walk: Walk,
  ctx: ActiveContext,
  property: string,
  value: unknown,
  subject: Term,
  predicate: Term,
): void {
  const items = Array.isArray(value) ? value : [value];
  const outer = walk.graph;
  for (const item of items) {
    if (typeof item !== "object" || item === null || Array.isArray(item))
      fail("@graph value not a node");
    const keys = Object.keys(item).filter((k) => k !== "@context");
    // jsonld drops empty nodes and bare references in a graph container.
    if (keys.length === 0 || (keys.length === 1 && vocabIri(ctx, keys[0]!) === "@id"))
      fail("@graph value dropped");
    const name: Graph = { termType: "BlankNode", value: `c${walk.blanks++}` };
    emit(walk, subject, predicate, name);
    walk.graph = name;
    const node = object(walk, ctx, property, item as Record<string, unknown>, null);
    walk.graph = outer;
    if (node.termType === "Literal") fail("@graph value not a node");
  }
}

/** Compiled N-Quads' quads for the document, or why the document needs jsonld. */
function attempt(document: unknown): Quad[] | NotCompiled | ContextMiss {
  const walk: Walk = {
    quads: [],
    blanks: 0,
    graph: DEFAULT_GRAPH,
    named: new Set(),
    merge: false,
  };
  try {
    if (typeof document !== "object" || document === null || Array.isArray(document))
      fail("not a JSON object");
    if (!("@context" in document)) fail("no @context");
    object(walk, initialContext(), null, document as Record<string, unknown>, null);
    return walk.merge ? distinct(walk.quads) : walk.quads;
  } catch (error) {
    if (error instanceof NotCompiled || error instanceof ContextMiss) return error;
    // jsonld's own context processing refused something: let jsonld say it.
    return new NotCompiled(error instanceof Error ? error.message : String(error));
  }
}

const counts = { compiled: 0, fallback: 0 };
const reasons = new Map<string, number>();

/** How many documents took the compiled path, how many fell back, and why. */
export function compiledPathCounts(): {
  compiled: number;
  fallback: number;
  reasons: Record<string, number>;
} {
  return { ...counts, reasons: Object.fromEntries(reasons) };
}
export function resetCompiledPathCounts(): void {
  counts.compiled = 0;
  counts.fallback = 0;
  reasons.clear();
}

/**
 * The document's RDF dataset by the compiled path (contexts compiled on
 * first use), or undefined when jsonld must expand it.
 */
export async function compiledDataset(document: unknown): Promise<Quad[] | undefined> {
  for (let round = 0; round < 64; round++) {
    const result = attempt(document);
    if (result instanceof ContextMiss) {
      try {
        await result.compute();
      } catch (error) {
        return fallback(error instanceof Error ? error.message : "context");
      }
      continue;
    }
    if (result instanceof NotCompiled) return fallback(result.reason);
    counts.compiled++;
    return result;
  }
  return fallback("too many contexts");
}

function fallback(reason: string): undefined {
  counts.fallback++;
  const short = reason.slice(0, 60);
  if (reasons.size < 50 || reasons.has(short)) reasons.set(short, (reasons.get(short) ?? 0) + 1);
  return undefined;
}
