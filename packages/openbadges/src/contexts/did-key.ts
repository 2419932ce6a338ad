/**
 * did:key for Ed25519 (multicodec 0xed01, base58btc "z6Mk..."), P-256
 * (0x1200, "zDn...") and P-384 (0x1201, "z82..."): the DID document is
 * derived from the identifier itself, no network involved. Whether the key
 * really is one is for the verifier to find when it reads it.
 */
export function didKeyDocument(url: string): Record<string, unknown> | undefined {
  const [did, fragment] = url.split("#");
  const match = /^did:key:(z(?:6Mk|Dn|82)[1-9A-HJ-NP-Za-km-z]{40,80})$/.exec(did ?? "");
  if (!match?.[1]) return undefined;
  const multibase = match[1];
  const vmId = `${did}#${multibase}`;
  const method = {
    "@context": "https://w3id.org/security/multikey/v1",
    id: vmId,
    type: "Multikey",
    controller: did,
    publicKeyMultibase: multibase,
  };
  if (fragment) return fragment === multibase ? method : undefined;
  // A proof may name the bare DID as its verification method: the document
  // then serves as both the key and its controller.
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: did,
    type: "Multikey",
    controller: did,
    publicKeyMultibase: multibase,
    verificationMethod: [method],
    assertionMethod: [vmId, did],
    authentication: [vmId],
  };
}
