import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { Ed25519Signature2020 } from "@digitalbazaar/ed25519-signature-2020";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import jsonld from "jsonld";
import { type DocumentLoader, defaultDocumentLoader } from "./contexts";
import { type IssuerKey, keyPairFor } from "./keys";

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
  const suite = new DataIntegrityProof({ signer: pair.signer(), date, cryptosuite: eddsaRdfc2022 });
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
  let suite: unknown;
  if (type === "DataIntegrityProof" && cryptosuite === "eddsa-rdfc-2022")
    suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  else if (type === "Ed25519Signature2020") suite = new Ed25519Signature2020();
  else
    return {
      verified: false,
      ...(cryptosuite ? { cryptosuite } : {}),
      error: `unsupported proof type ${String(type)} ${cryptosuite ?? ""}`.trim(),
    };
  try {
    const result = await vc.verifyCredential({
      credential: document,
      suite,
      documentLoader: options.documentLoader,
      // Status is checked by the verifier itself, reading the bit.
      checkStatus: async () => ({ verified: true }),
      ...(options.now ? { now: options.now } : {}),
    });
    const proofResults = (result.results ?? []) as { verified?: boolean; error?: unknown }[];
    const proofOk = proofResults.length > 0 && proofResults.every((r) => r.verified);
    return {
      verified: proofOk,
      ...(verificationMethod ? { verificationMethod } : {}),
      ...(cryptosuite ? { cryptosuite } : { cryptosuite: String(type) }),
      ...(proofOk
        ? {}
        : { error: describeError(result.error ?? proofResults.find((r) => !r.verified)?.error) }),
    };
  } catch (error) {
    return {
      verified: false,
      ...(verificationMethod ? { verificationMethod } : {}),
      error: describeError(error),
    };
  }
}
