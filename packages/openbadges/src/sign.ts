import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { createVerifyCryptosuite } from "@digitalbazaar/ecdsa-sd-2023-cryptosuite";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import jsonld from "jsonld";
import jsigs from "jsonld-signatures";
import { type DocumentLoader, defaultDocumentLoader } from "./contexts";
import { fastContextOptions } from "./fast-context";
import { type IssuerKey, keyPairFor } from "./keys";

/**
 * The eddsa-rdfc-2022 cryptosuite with our canonicalisation: the same
 * algorithm and the same bytes, through the faster context path.
 */
const eddsaRdfc2022Fast = {
  ...eddsaRdfc2022,
  canonize: (input: unknown, options: Record<string, unknown>) =>
    eddsaRdfc2022.canonize(input, { ...options, ...fastContextOptions() }),
};

/** "eddsa-2022" is the earlier name of the same suite (RDFC-1.0 and Ed25519). */
const eddsa2022 = { ...eddsaRdfc2022Fast, name: "eddsa-2022" };

export type SignOptions = { key: IssuerKey; date?: Date | string; documentLoader?: DocumentLoader };

/**
 * Signs a credential with an eddsa-rdfc-2022 Data Integrity proof
 * (proofPurpose assertionMethod), with contexts loaded offline.
 */
export async function signCredential<T extends object>(
  credential: T,
  options: SignOptions,
): Promise<T & { proof: Record<string, unknown> }> {
  const pair = await keyPairFor(options.key);
  const date = options.date === undefined ? new Date() : new Date(options.date);
  const suite = new DataIntegrityProof({
    signer: pair.signer(),
    date,
    cryptosuite: eddsaRdfc2022Fast,
  });
  const signed = await vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: options.documentLoader ?? defaultDocumentLoader,
  });
  return signed as T & { proof: Record<string, unknown> };
}

/**
 * RDF Dataset Canonicalization (RDFC-1.0) to N-Quads: the one function of
 * ours that canonicalises, so that a faster byte-identical path can replace it.
 */
export function canonicalize(
  document: unknown,
  documentLoader: DocumentLoader = defaultDocumentLoader,
): Promise<string> {
  return jsonld.canonize(document, {
    algorithm: "RDFC-1.0",
    format: "application/n-quads",
    documentLoader,
    safe: true,
    // Poison graphs: bound the canonicalisation work.
    maxWorkFactor: 1,
    ...fastContextOptions(),
  });
}

export type ProofCheck = {
  verified: boolean;
  verificationMethod?: string;
  cryptosuite?: string;
  error?: string;
};

function describeError(error: unknown): string {
  if (!error) return "unknown error";
  if (Array.isArray(error)) return error.map(describeError).join("; ");
  const e = error as { message?: string; errors?: unknown[]; cause?: unknown };
  if (e.errors?.length) return e.errors.map(describeError).join("; ");
  return e.message ?? String(error);
}

/** Verifies the Data Integrity proof of a document; never throws. */
export async function verifyDataIntegrity(
  document: object,
  options: { documentLoader: DocumentLoader; now?: Date },
): Promise<ProofCheck> {
  const proofs = (document as { proof?: unknown }).proof;
  const proof = (Array.isArray(proofs) ? proofs[0] : proofs) as Record<string, unknown> | undefined;
  if (!proof || typeof proof !== "object") return { verified: false, error: "no proof" };
  const type = proof.type;
  const cryptosuite = typeof proof.cryptosuite === "string" ? proof.cryptosuite : undefined;
  const verificationMethod =
    typeof proof.verificationMethod === "string" ? proof.verificationMethod : undefined;
  const suites: Record<string, () => unknown> = {
    "eddsa-rdfc-2022": () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Fast }),
    // The earlier name came with the data-integrity v1 context: its documents carry that one.
    "eddsa-2022": () => new DataIntegrityProof({ cryptosuite: eddsa2022, legacyContext: true }),
    // Selective disclosure: a holder's derived credential, checked against the issuer's P-256 key.
    "ecdsa-sd-2023": () => new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
  };
  const makeSuite =
    type === "DataIntegrityProof" && cryptosuite
      ? suites[cryptosuite]
      : type === "Ed25519Signature2020"
        ? () => new Ed25519Signature2020()
        : undefined;
  if (!makeSuite)
    return {
      verified: false,
      error: `unsupported proof type ${String(type)} ${cryptosuite ?? ""}`.trim(),
    };
  const described = {
    ...(verificationMethod ? { verificationMethod } : {}),
    cryptosuite: cryptosuite ?? String(type),
  };
  try {
    // The issuer-to-key binding is checked by the verifier from the issuer's
    // published documents; here only the proof itself is at stake.
    const result = await jsigs.verify(structuredClone(document), {
      suite: makeSuite(),
      purpose: new jsigs.purposes.AssertionProofPurpose(options.now ? { date: options.now } : {}),
      documentLoader: options.documentLoader,
    });
    return result.verified
      ? { verified: true, ...described }
      : { verified: false, ...described, error: describeError(result.error ?? result.results) };
  } catch (error) {
    return { verified: false, ...described, error: describeError(error) };
  }
}
