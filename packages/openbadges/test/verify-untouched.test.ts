import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import { cryptosuite as ecdsaRdfc2019 } from "@digitalbazaar/ecdsa-rdfc-2019-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { describe, expect, it } from "vitest";
import { defaultDocumentLoader } from "../src/contexts";
import { generateIssuerKey } from "../src/keys";
import { buildOpenBadgeCredential } from "../src/ob3";
import { signCredential, verifyDataIntegrity } from "../src/sign";

/**
 * verifyDataIntegrity hands the libraries a copy of the document's top level
 * and proofs only: whatever they do, the caller's document (shown in the
 * report, stored, verified again) stays as it was, passing or failing.
 */
function credentialFor(issuer: string) {
  return buildOpenBadgeCredential({
    id: "urn:uuid:6c8d1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e5f",
    issuer: { id: issuer, name: "Région Normandie" },
    achievement: {
      id: "https://badges.example/badges/1",
      name: "Accueil",
      description: "Un badge.",
      criteria: { narrative: "Un critère." },
    },
    subject: { id: "did:example:cfa" },
    validFrom: new Date("2026-01-01T00:00:00Z"),
  });
}

async function checkUntouched(document: object, verified: boolean) {
  const before = structuredClone(document);
  const result = await verifyDataIntegrity(document, { documentLoader: defaultDocumentLoader });
  expect(result.verified).toBe(verified);
  expect(document).toEqual(before);
  // And again, the same answer: nothing was left behind on the first pass.
  expect(
    (await verifyDataIntegrity(document, { documentLoader: defaultDocumentLoader })).verified,
  ).toBe(verified);
}

describe("verifying leaves the document as it was", () => {
  it("eddsa-rdfc-2022, a valid and a tampered credential", async () => {
    const key = await generateIssuerKey({ controller: "did:key:pending" });
    const did = `did:key:${key.publicKeyMultibase}`;
    const signed = await signCredential(credentialFor(did), {
      key: { ...key, controller: did, id: `${did}#${key.publicKeyMultibase}` },
    });
    await checkUntouched(signed, true);
    await checkUntouched({ ...signed, name: "Autre" }, false);
  });

  it("ecdsa-rdfc-2019 from an independent stack, its proof stored alone", async () => {
    const pair = await EcdsaMultikey.generate({ curve: "P-256" });
    const did = `did:key:${pair.publicKeyMultibase}`;
    const signer = await EcdsaMultikey.from({
      ...(await pair.export({ publicKey: true, secretKey: true, includeContext: true })),
      id: `${did}#${pair.publicKeyMultibase}`,
      controller: did,
    });
    const signed = await vc.issue({
      credential: credentialFor(did),
      suite: new DataIntegrityProof({ signer: signer.signer(), cryptosuite: ecdsaRdfc2019 }),
      documentLoader: defaultDocumentLoader,
    });
    await checkUntouched(signed, true);
  });
});
