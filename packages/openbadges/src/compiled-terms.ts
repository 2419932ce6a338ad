import { createRequire } from "node:module";
import { NotCompiled } from "./compiled-contexts";

/** RDF terms and quads of the compiled JSON-LD path, and jsonld's literals. */
export type Term =
  | { termType: "NamedNode"; value: string }
  | { termType: "BlankNode"; value: string }
  | {
      termType: "Literal";
      value: string;
      datatype: { termType: "NamedNode"; value: string };
    };
export type Graph =
  | { termType: "DefaultGraph"; value: "" }
  | { termType: "BlankNode"; value: string };
export type Quad = { subject: Term; predicate: Term; object: Term; graph: Graph };

const require = createRequire(import.meta.url);
const url = require("jsonld/lib/url.js") as { isAbsolute(value: unknown): boolean };
const types = require("jsonld/lib/types.js") as { isDouble(value: unknown): boolean };

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
export const RDF_TYPE = `${RDF}type`;
export const RDF_FIRST = `${RDF}first`;
export const RDF_REST = `${RDF}rest`;
export const RDF_NIL = `${RDF}nil`;
const XSD = "http://www.w3.org/2001/XMLSchema#";
export const DEFAULT_GRAPH = { termType: "DefaultGraph", value: "" } as const;

export function fail(reason: string): never {
  throw new NotCompiled(reason);
}

export function keyOfTerm(term: Term): string {
  return term.termType === "Literal"
    ? `L${term.datatype.value}\u0000${term.value}`
    : `${term.termType[0]}${term.value}`;
}

function keyOfQuad(quad: Quad): string {
  return `${keyOfTerm(quad.subject)}\u0001${quad.predicate.value}\u0001${keyOfTerm(quad.object)}\u0001${quad.graph.value}`;
}

/** The quads as a set, in their order. */
export function distinct(quads: Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((quad) => {
    const key = keyOfQuad(quad);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Terms of one property without repeats (a value given twice is one statement). */
export function distinctTerms(terms: Term[]): Term[] {
  if (terms.length < 2) return terms;
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = keyOfTerm(term);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Named nodes already checked, shared (rdf-canonize copies what it changes). */
const checked = new Map<string, Term & { termType: "NamedNode" }>();

/** An IRI jsonld would turn into a named node without a warning. */
export function namedNode(iri: string | null, what: string): Term & { termType: "NamedNode" } {
  if (iri === null) fail(`${what} not absolute`);
  const known = checked.get(iri);
  if (known) return known;
  if (iri.startsWith("_:") || !url.isAbsolute(iri)) fail(`${what} not absolute`);
  const node = { termType: "NamedNode", value: iri } as const;
  // Identifiers come from documents: the terms of the contexts fill this first.
  if (checked.size < 20_000 && iri.length <= 200) checked.set(iri, node);
  return node;
}

/** jsonld's literal for a JSON scalar with an optional datatype (toRdf's _objectToRDF). */
export function literal(value: unknown, datatype: string | null): Term {
  let text: string;
  let type: string;
  if (typeof value === "boolean") {
    text = value.toString();
    type = datatype ?? `${XSD}boolean`;
  } else if (types.isDouble(value) || datatype === `${XSD}double`) {
    const number = types.isDouble(value) ? (value as number) : Number.parseFloat(String(value));
    text = number.toExponential(15).replace(/(\d)0*e\+?/, "$1E");
    type = datatype ?? `${XSD}double`;
  } else if (typeof value === "number") {
    text = value.toFixed(0);
    type = datatype ?? `${XSD}integer`;
  } else if (typeof value === "string") {
    text = value;
    type = datatype ?? `${XSD}string`;
  } else fail("value not a JSON scalar");
  return { termType: "Literal", value: text, datatype: namedNode(type, "datatype") };
}
