import { expect, it } from "vitest";
import { defaultDocumentLoader } from "../src/contexts";
import { canonicalize, signCredential, verifyDataIntegrity } from "../src/sign";
import { describeWithFixtures, fixture, fixtureJson } from "./fixtures";

type Vector = {
  key: { id: string; controller: string; publicKeyMultibase: string; secretKeyMultibase: string };
  proofCreated: string;
  credential: Record<string, unknown>;
  expectedProofValue: string;
};

describeWithFixtures("1EdTech eddsa-rdfc-2022 test vector", () => {
  const vector = fixtureJson<Vector>("spec/test-vectors/obv3p0-eddsa-rdfc-2022.json");

  it("the credential canonicalises to 1EdTech's N-Quads, byte for byte", async () => {
    const nquads = await canonicalize(vector.credential);
    expect(nquads).toBe(fixture("spec/test-vectors/document-canon.txt").toString("utf8"));
  });

  it("signCredential reproduces the published proofValue", async () => {
    const signed = await signCredential(vector.credential, {
      key: vector.key,
      date: vector.proofCreated,
    });
    // As a list of one, which 1EdTech's schema requires: the same proof, the same value.
    expect(signed.proof).toEqual([
      {
        type: "DataIntegrityProof",
        created: vector.proofCreated,
        verificationMethod: vector.key.id,
        cryptosuite: "eddsa-rdfc-2022",
        proofPurpose: "assertionMethod",
        proofValue: vector.expectedProofValue,
      },
    ]);
    // The proof options canonicalise to 1EdTech's N-Quads too.
    const { proofValue: _omit, ...options } = signed.proof[0]!;
    const proofNquads = await canonicalize({
      "@context": vector.credential["@context"],
      ...options,
    });
    expect(proofNquads).toBe(fixture("spec/test-vectors/proof-canon.txt").toString("utf8"));
  });

  it("the signed vector verifies with the issuer key, offline", async () => {
    const signed = await signCredential(vector.credential, {
      key: vector.key,
      date: vector.proofCreated,
    });
    const keyDocument = {
      "@context": "https://w3id.org/security/multikey/v1",
      id: vector.key.id,
      type: "Multikey",
      controller: vector.key.controller,
      publicKeyMultibase: vector.key.publicKeyMultibase,
    };
    const controller = {
      "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
      id: vector.key.controller,
      assertionMethod: [keyDocument],
    };
    const documentLoader = async (url: string) => {
      if (url === vector.key.id)
        return { contextUrl: null, documentUrl: url, document: keyDocument };
      if (url === vector.key.controller)
        return { contextUrl: null, documentUrl: url, document: controller };
      return defaultDocumentLoader(url);
    };
    expect(await verifyDataIntegrity(signed, { documentLoader })).toMatchObject({
      verified: true,
      cryptosuite: "eddsa-rdfc-2022",
    });
    const tampered = { ...signed, name: "Forged Badge" };
    expect((await verifyDataIntegrity(tampered, { documentLoader })).verified).toBe(false);
    // A credential stored before proofs were lists holds the same proof alone: it verifies too.
    const single = { ...signed, proof: signed.proof[0] };
    expect(await verifyDataIntegrity(single, { documentLoader })).toMatchObject({ verified: true });
  });
});
