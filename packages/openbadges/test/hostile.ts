import type { IssuerKey } from "../src/keys";

/**
 * What an attacker sends: a did:key issuer (its key is computed, not
 * fetched, so the proof is really checked) and a proof that proves nothing.
 * Shared by the engine's and the server's cost tests.
 */
export function didKeyIssuer(key: Pick<IssuerKey, "publicKeyMultibase">) {
  const did = `did:key:${key.publicKeyMultibase}`;
  return { did, method: `${did}#${key.publicKeyMultibase}` };
}

export function madeUpProof(key: Pick<IssuerKey, "publicKeyMultibase">) {
  return {
    type: "DataIntegrityProof",
    cryptosuite: "eddsa-rdfc-2022",
    verificationMethod: didKeyIssuer(key).method,
    proofPurpose: "assertionMethod",
    created: "2026-01-01T00:00:00Z",
    proofValue: `z${"1".repeat(86)}`,
  };
}
