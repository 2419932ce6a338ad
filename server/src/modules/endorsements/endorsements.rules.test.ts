import { describe, expect, it } from "vitest";
import { issuerIdOf, uploadMismatch } from "./endorsements.rules";

const expected = {
  issuerId: "did:web:branche.example",
  subjectId: "https://blason.example/badges/1",
};
const good = {
  type: ["VerifiableCredential", "EndorsementCredential"],
  issuer: { id: expected.issuerId, type: ["Profile"], name: "Branche" },
  credentialSubject: { id: expected.subjectId, type: ["EndorsementSubject"] },
};

describe("an uploaded endorsement", () => {
  it("is the one asked for when type, issuer and subject all match", () => {
    expect(uploadMismatch(good, expected)).toBeUndefined();
    expect(uploadMismatch({ ...good, issuer: expected.issuerId }, expected)).toBeUndefined();
  });

  it.each([
    [
      "an OpenBadgeCredential",
      { ...good, type: ["VerifiableCredential", "OpenBadgeCredential"] },
      "type",
    ],
    ["no type", { ...good, type: undefined }, "type"],
    ["another issuer", { ...good, issuer: { id: "did:web:autre.example" } }, "issuer"],
    ["an issuer without id", { ...good, issuer: { name: "Branche" } }, "issuer"],
    [
      "another subject",
      { ...good, credentialSubject: { id: "https://ailleurs.example/b" } },
      "subject",
    ],
    ["no subject id", { ...good, credentialSubject: { type: ["EndorsementSubject"] } }, "subject"],
    [
      "two subjects",
      { ...good, credentialSubject: [good.credentialSubject, good.credentialSubject] },
      "subject",
    ],
  ])("with %s is refused (%s)", (_label, document, problem) => {
    expect(uploadMismatch(document as Record<string, unknown>, expected)).toBe(problem);
  });

  it("names its issuer as a string or a Profile's id", () => {
    expect(issuerIdOf({ issuer: "did:key:z6Mk" })).toBe("did:key:z6Mk");
    expect(issuerIdOf({ issuer: { id: "https://x.example" } })).toBe("https://x.example");
    expect(issuerIdOf({ issuer: 3 })).toBeUndefined();
    expect(issuerIdOf({})).toBeUndefined();
  });
});
