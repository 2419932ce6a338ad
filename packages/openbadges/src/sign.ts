import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as ecdsaRdfc2019 } from "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite";
import { createVerifyCryptosuite } from "@digitalbazaar/ecdsa-sd-2023-cryptosuite";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import jsonld from "jsonld";
import jsigs from "jsonld-signatures";
import * as rdfCanonize from "rdf-canonize";
import { compiledDataset } from "./compiled-nquads";
import { type DocumentLoader, defaultDocumentLoader } from "./contexts";
import { fastSigner, fastVerifier } from "./ed25519-fast";
import { fastContextOptions } from "./fast-context";
import { type IssuerKey, keyPairFor } from "./keys";
import { assertWithinLimits, DEFAULT_LIMITS, LimitError, type Limits } from "./limits";

/**
 * JSON-LD to an RDF dataset, then RDFC-1.0, with the work bounded twice:
 * the document's values, lists and depth before expansion (jsonld's node map
 * is quadratic in a list's length), and the number of statements before
 * canonicalisation. The dataset comes from the compiled path when every term
 * of the document is known (compiled-nquads.ts), from jsonld otherwise; it
 * goes to rdf-canonize as quads, never re-parsed.
 */
async function canonizeBounded(
  input: unknown,
  toRdfOptions: Record<string, unknown>,
  canonizeOptions: Record<string, unknown>,
  limits: Readonly<Limits>,
): Promise<string> {
  assertWithinLimits(input, limits);
  const dataset =
    (await compiledDataset(input)) ??
    ((await jsonld.toRDF(input as object, toRdfOptions)) as unknown[]);
  if (dataset.length > limits.maxQuads)
    throw new LimitError({ code: "LIMIT_QUADS", max: limits.maxQuads, found: dataset.length });
  return rdfCanonize.canonize(dataset, canonizeOptions);
}

/**
 * The canonicalisation of the RDFC cryptosuites (eddsa-rdfc-2022 and
 * ecdsa-rdfc-2019 share it: toRDF with i18n-datatype directions, then
 * rdf-canonize, with the suite's options, such as ecdsa-rdfc-2019's SHA-384
 * for P-384 keys), through the faster context path and within the bounds.
 */
function suiteCanonize(input: unknown, options: Record<string, unknown>) {
  const merged = {
    algorithm: "RDFC-1.0",
    format: "application/n-quads",
    base: null,
    safe: true,
    ...options,
    ...fastContextOptions(),
  };
  const { format: _format, ...toRdf } = {
    rdfDirection: "i18n-datatype",
    ...merged,
    produceGeneralizedRdf: false,
  };
  return canonizeBounded(input, toRdf, merged, DEFAULT_LIMITS);
}

const eddsaRdfc2022Fast = {
  ...eddsaRdfc2022,
  canonize: suiteCanonize,
  createVerifier: fastVerifier,
};
/** P-256 or P-384 (the hash follows the key: SHA-256 or SHA-384). */
const ecdsaRdfc2019Fast = { ...ecdsaRdfc2019, canonize: suiteCanonize };

/** "eddsa-2022" is the earlier name of the same suite (RDFC-1.0 and Ed25519). */
const eddsa2022 = { ...eddsaRdfc2022Fast, name: "eddsa-2022" };

export type SignOptions = { key: IssuerKey; date?: Date | string; documentLoader?: DocumentLoader };

/** A signed credential: its proofs always a list, as 1EdTech's schema declares `proof`. */
export type Signed<T> = Omit<T, "proof"> & { proof: Record<string, unknown>[] };

/**
 * Signs a credential with an eddsa-rdfc-2022 Data Integrity proof
 * (proofPurpose assertionMethod), with contexts loaded offline. The proof is
 * written as a list of one (JSON-LD reads it the same, the signature does not
 * change), which 1EdTech's JSON schema requires.
 */
export async function signCredential<T extends object>(
  credential: T,
  options: SignOptions,
): Promise<Signed<T>> {
  assertWithinLimits(credential);
  const pair = await keyPairFor(options.key);
  const date = options.date === undefined ? new Date() : new Date(options.date);
  const suite = new DataIntegrityProof({
    signer: fastSigner(pair),
    date,
    cryptosuite: eddsaRdfc2022Fast,
  });
  const signed = await vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: options.documentLoader ?? defaultDocumentLoader,
  });
  const { proof, ...unsigned } = signed as { proof: unknown };
  return { ...unsigned, proof: Array.isArray(proof) ? proof : [proof] } as Signed<T>;
}

/**
 * RDF Dataset Canonicalization (RDFC-1.0) to N-Quads: the one function of
 * ours that canonicalises, so that a faster byte-identical path can replace it.
 */
export function canonicalize(
  document: unknown,
  documentLoader: DocumentLoader = defaultDocumentLoader,
  limits: Readonly<Limits> = DEFAULT_LIMITS,
): Promise<string> {
  // jsonld.canonize's own steps and options, bounded.
  return canonizeBounded(
    document,
    { documentLoader, safe: true, produceGeneralizedRdf: false, ...fastContextOptions() },
    // Poison graphs: bound the canonicalisation work.
    { algorithm: "RDFC-1.0", maxWorkFactor: 1 },
    limits,
  );
}

export type ProofCheck = {
  verified: boolean;
  verificationMethod?: string;
  cryptosuite?: string;
  error?: string;
  /** The document broke a bound: nothing was checked. */
  limit?: LimitError["breach"];
};

function failedCheck(described: Omit<ProofCheck, "verified">, error: unknown): ProofCheck {
  const limit = limitOf(error);
  return {
    verified: false,
    ...described,
    error: describeError(error),
    ...(limit ? { limit } : {}),
  };
}

function limitOf(error: unknown): LimitError["breach"] | undefined {
  if (error instanceof LimitError) return error.breach;
  const e = error as { errors?: unknown[]; cause?: unknown } | undefined;
  for (const inner of [...(Array.isArray(error) ? error : []), ...(e?.errors ?? []), e?.cause]) {
    const found = inner ? limitOf(inner) : undefined;
    if (found) return found;
  }
  return undefined;
}

function describeError(error: unknown): string {
  if (!error) return "unknown error";
  if (Array.isArray(error)) return error.map(describeError).join("; ");
  const e = error as { message?: string; errors?: unknown[]; cause?: unknown };
  if (e.errors?.length) return e.errors.map(describeError).join("; ");
  return e.message ?? String(error);
}

/**
 * The proofs we check: for each, its suite, and the kinds of key it signs
 * with (the issuer's published key must be one of them).
 */
const PROOF_SUITES: Record<string, { keys: readonly string[]; suite: () => unknown }> = {
  "eddsa-rdfc-2022": {
    keys: ["Ed25519"],
    suite: () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Fast }),
  },
  // The earlier name came with the data-integrity v1 context: its documents carry that one.
  "eddsa-2022": {
    keys: ["Ed25519"],
    suite: () => new DataIntegrityProof({ cryptosuite: eddsa2022, legacyContext: true }),
  },
  "ecdsa-rdfc-2019": {
    keys: ["P-256", "P-384"],
    suite: () => new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019Fast }),
  },
  // Selective disclosure: a holder's derived credential, checked against the issuer's P-256 key.
  "ecdsa-sd-2023": {
    keys: ["P-256"],
    suite: () => new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
  },
  Ed25519Signature2020: { keys: ["Ed25519"], suite: () => new Ed25519Signature2020() },
};

/** The name we check a proof under (its cryptosuite, or its legacy type), if we check it at all. */
export function proofSuiteName(proof: Record<string, unknown>): string | undefined {
  const name =
    proof.type === "DataIntegrityProof"
      ? typeof proof.cryptosuite === "string"
        ? proof.cryptosuite
        : undefined
      : proof.type === "Ed25519Signature2020"
        ? proof.type
        : undefined;
  return name && Object.hasOwn(PROOF_SUITES, name) ? name : undefined;
}

/** The kinds of key ("Ed25519", "P-256", "P-384") a proof of this suite is signed with. */
export function keyKindsOf(suiteName: string): readonly string[] {
  return PROOF_SUITES[suiteName]?.keys ?? [];
}

/** The document and its proofs copied, the values below them shared. */
function shallowCopy(document: object): object {
  const proof = (document as { proof?: unknown }).proof;
  const copyOf = (p: unknown) =>
    typeof p === "object" && p !== null && !Array.isArray(p) ? { ...p } : p;
  return {
    ...document,
    ...(proof === undefined
      ? {}
      : { proof: Array.isArray(proof) ? proof.map(copyOf) : copyOf(proof) }),
  };
}

/** Verifies the Data Integrity proof of a document; never throws. */
export async function verifyDataIntegrity(
  document: object,
  options: { documentLoader: DocumentLoader; now?: Date },
): Promise<ProofCheck> {
  const proofs = (document as { proof?: unknown }).proof;
  const proof = (Array.isArray(proofs) ? proofs[0] : proofs) as Record<string, unknown> | undefined;
  if (!proof || typeof proof !== "object") return { verified: false, error: "no proof" };
  const cryptosuite = typeof proof.cryptosuite === "string" ? proof.cryptosuite : undefined;
  const verificationMethod =
    typeof proof.verificationMethod === "string" ? proof.verificationMethod : undefined;
  const name = proofSuiteName(proof);
  const makeSuite = name ? PROOF_SUITES[name]?.suite : undefined;
  if (!makeSuite)
    return {
      verified: false,
      error: `unsupported proof type ${String(proof.type)} ${cryptosuite ?? ""}`.trim(),
    };
  const described = {
    ...(verificationMethod ? { verificationMethod } : {}),
    cryptosuite: cryptosuite ?? String(proof.type),
  };
  try {
    // The issuer-to-key binding is checked by the verifier from the issuer's
    // published documents; here only the proof itself is at stake.
    // jsonld-signatures and data-integrity change only the document's top
    // level and its proofs (each on a copy of its own); the rest is read.
    const result = await jsigs.verify(shallowCopy(document), {
      suite: makeSuite(),
      purpose: new jsigs.purposes.AssertionProofPurpose(options.now ? { date: options.now } : {}),
      documentLoader: options.documentLoader,
    });
    if (result.verified) return { verified: true, ...described };
    return failedCheck(described, result.error ?? result.results);
  } catch (error) {
    return failedCheck(described, error);
  }
}
