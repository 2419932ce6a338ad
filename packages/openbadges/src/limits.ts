/**
 * Bounds on the work a document may cost before any JSON-LD is done.
 *
 * JSON-LD processing is not linear in every shape: jsonld's node map checks
 * each new value of a property against all the values already there, so a
 * list of n values costs n² comparisons (a 20,000-tag credential took a
 * minute). Real credentials stay far below these caps (the largest 1EdTech
 * example holds a few hundred values); a hostile one is refused at once,
 * with the list and the limit named.
 */
export type Limits = {
  /** Nesting of objects and arrays. */
  maxDepth: number;
  /** Every JSON value counted once: objects, arrays, strings, numbers, booleans, nulls. */
  maxNodes: number;
  /** The longest array anywhere in the document. */
  maxArrayLength: number;
  /** RDF statements (quads) produced from the document, checked before canonicalisation. */
  maxQuads: number;
};

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxDepth: 64,
  maxNodes: 20_000,
  maxArrayLength: 1_000,
  maxQuads: 20_000,
});

export type LimitCode = "LIMIT_DEPTH" | "LIMIT_NODES" | "LIMIT_ARRAY" | "LIMIT_QUADS";

export type LimitBreach = {
  code: LimitCode;
  max: number;
  /** How many were found; for nodes, at least this many (counting stops there). */
  found: number;
  /** Where, as a dotted path (array items as [i]); absent for the whole document. */
  path?: string;
};

const fr = (n: number) => n.toLocaleString("fr-FR").replace(/\u202f|\u00a0/g, " ");
const en = (n: number) => n.toLocaleString("en-GB");

/** The breach in words, for the report's parse step. */
export function limitReason(breach: LimitBreach): { fr: string; en: string } {
  switch (breach.code) {
    case "LIMIT_ARRAY":
      return {
        fr: `La liste « ${breach.path ?? "document"} » contient ${fr(breach.found)} éléments ; Blason en accepte au plus ${fr(breach.max)} par liste.`,
        en: `The list "${breach.path ?? "document"}" holds ${en(breach.found)} items; Blason accepts at most ${en(breach.max)} per list.`,
      };
    case "LIMIT_NODES":
      return {
        fr: `Le document contient plus de ${fr(breach.max)} valeurs : c'est plus qu'aucun badge n'en a besoin.`,
        en: `The document holds more than ${en(breach.max)} values: more than any badge needs.`,
      };
    case "LIMIT_DEPTH":
      return {
        fr: `Le document est imbriqué sur plus de ${fr(breach.max)} niveaux.`,
        en: `The document is nested more than ${en(breach.max)} levels deep.`,
      };
    case "LIMIT_QUADS":
      return {
        fr: `Le document produit ${fr(breach.found)} déclarations RDF ; Blason en accepte au plus ${fr(breach.max)}.`,
        en: `The document produces ${en(breach.found)} RDF statements; Blason accepts at most ${en(breach.max)}.`,
      };
  }
}

/** Thrown by canonicalisation and signing when a document breaks a bound. */
export class LimitError extends Error {
  readonly breach: LimitBreach;
  constructor(breach: LimitBreach) {
    super(limitReason(breach).en);
    this.name = "LimitError";
    this.breach = breach;
  }
}

const childPath = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * Walks the document once, iteratively (no recursion to overflow), and
 * answers the first bound it breaks, or undefined. Cost: linear in the
 * values it visits, never more than maxNodes of them.
 */
export function measureDocument(
  value: unknown,
  limits: Readonly<Limits> = DEFAULT_LIMITS,
): LimitBreach | undefined {
  const stack: [unknown, number, string][] = [[value, 0, ""]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    if (++nodes > limits.maxNodes)
      return { code: "LIMIT_NODES", max: limits.maxNodes, found: nodes };
    if (!v || typeof v !== "object") continue;
    if (depth >= limits.maxDepth)
      return {
        code: "LIMIT_DEPTH",
        max: limits.maxDepth,
        found: depth + 1,
        ...(path ? { path } : {}),
      };
    if (Array.isArray(v)) {
      if (v.length > limits.maxArrayLength)
        return {
          code: "LIMIT_ARRAY",
          max: limits.maxArrayLength,
          found: v.length,
          path: path || "document",
        };
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], depth + 1, childPath(path, i)]);
    } else
      for (const [key, child] of Object.entries(v))
        stack.push([child, depth + 1, childPath(path, key)]);
  }
  return undefined;
}

/** measureDocument, throwing a LimitError. */
export function assertWithinLimits(value: unknown, limits: Readonly<Limits> = DEFAULT_LIMITS) {
  const breach = measureDocument(value, limits);
  if (breach) throw new LimitError(breach);
}
