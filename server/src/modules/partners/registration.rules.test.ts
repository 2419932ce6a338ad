import { describe, expect, it } from "vitest";
import { registrationStates } from "../../db/schema";
import {
  claimedIssuer,
  judgeIssuerProof,
  nextRegistrationState,
  type ProofFacts,
  type RegistrationEvent,
  readBadgeClass,
} from "./registration.rules";

describe("reading a partner's badge class", () => {
  it("reads an OB 2.0 BadgeClass", () => {
    expect(
      readBadgeClass({
        "@context": "https://w3id.org/openbadges/v2",
        type: "BadgeClass",
        id: "https://partenaire.example/badges/accueil",
        name: " Accueillir un public ",
        description: "Accueille et oriente.",
        image: "https://partenaire.example/badges/accueil.png",
      }),
    ).toEqual({
      iri: "https://partenaire.example/badges/accueil",
      name: "Accueillir un public",
      description: "Accueille et oriente.",
      image: "https://partenaire.example/badges/accueil.png",
      version: "2.0",
      issuerIri: null,
    });
    expect(
      readBadgeClass({
        type: "BadgeClass",
        id: "https://partenaire.example/badges/accueil",
        name: "Accueil",
        issuer: { id: "https://partenaire.example/issuer", type: "Issuer" },
      }),
    ).toMatchObject({ issuerIri: "https://partenaire.example/issuer" });
  });

  it("reads an OB 3.0 Achievement, and the achievement of an OB 3.0 credential", () => {
    const achievement = {
      type: ["Achievement"],
      id: "urn:uuid:9f0e6a3c-1f7b-4d3c-9a53-0d8b1d1b2c3d",
      name: "Travailler en équipe",
      image: { id: "https://partenaire.example/equipe.png", type: "Image" },
      criteria: { narrative: "..." },
    };
    expect(readBadgeClass(achievement)).toMatchObject({
      iri: achievement.id,
      version: "3.0",
      image: "https://partenaire.example/equipe.png",
      description: "",
    });
    expect(
      readBadgeClass({
        type: ["VerifiableCredential", "OpenBadgeCredential"],
        issuer: { id: "did:web:partenaire.example", type: "Profile" },
        credentialSubject: { achievement },
      }),
    ).toMatchObject({
      iri: achievement.id,
      name: "Travailler en équipe",
      issuerIri: "did:web:partenaire.example",
    });
    expect(readBadgeClass({ ...achievement, creator: "did:key:z6Mk" })).toMatchObject({
      issuerIri: "did:key:z6Mk",
    });
  });

  it.each([
    ["not an object", "badge"],
    ["an array", []],
    ["null", null],
    ["no type", { id: "https://x.example/b", name: "B" }],
    ["an assertion", { type: "Assertion", id: "https://x.example/a", name: "A" }],
    ["no id", { type: "BadgeClass", name: "B" }],
    ["a relative id", { type: "BadgeClass", id: "/badges/1", name: "B" }],
    ["no name", { type: "BadgeClass", id: "https://x.example/b" }],
    ["a credential without achievement", { type: ["VerifiableCredential"], credentialSubject: {} }],
  ])("refuses %s, saying why in French", (_, document) => {
    const result = readBadgeClass(document);
    expect(result).toMatchObject({ ok: false, code: "REGISTRATION_DOCUMENT_INVALID" });
    expect((result as { reason: string }).reason).toMatch(/^[A-ZÀ-Ü].+\.$/);
  });

  it("keeps only web images", () => {
    expect(
      readBadgeClass({
        type: "BadgeClass",
        id: "https://x.example/b",
        name: "B",
        image: "javascript:alert(1)",
      }),
    ).toMatchObject({ image: null });
  });
});

describe("the registration's state machine", () => {
  const events: RegistrationEvent["kind"][] = [
    "approve",
    "refuse",
    "requalify",
    "accept_proposal",
    "refuse_proposal",
    "withdraw",
  ];
  /** Written by hand, independently of the implementation. */
  const allowed: Record<string, string> = {
    "submitted approve": "approved",
    "submitted refuse": "refused",
    "submitted requalify": "requalification_proposed",
    "submitted withdraw": "withdrawn",
    "requalification_proposed accept_proposal": "approved",
    "requalification_proposed refuse_proposal": "submitted",
    "requalification_proposed refuse": "refused",
    "requalification_proposed withdraw": "withdrawn",
  };
  for (const state of registrationStates)
    for (const event of events)
      it(`${state} + ${event} -> ${allowed[`${state} ${event}`] ?? "refused transition"}`, () => {
        expect(nextRegistrationState(state, event)).toBe(allowed[`${state} ${event}`] ?? null);
      });
});

describe("the issuer a registration names", () => {
  const own = "did:web:blason.example:issuers:atelier";
  const region = "did:web:blason.example:issuers:region";
  const outside = "did:key:z6MkAtelier";
  const another = "https://badges.autre.example/issuer";
  const hostedByBlason = (iri: string) => iri.startsWith("did:web:blason.example:");
  const iris = [null, own, region, outside, another] as const;

  it("every pair of named and typed issuers, case by case", () => {
    for (const named of iris)
      for (const typed of iris) {
        const result = claimedIssuer({ named, typed, own, hostedByBlason });
        const issuer = named ?? typed;
        if (named && typed && named !== typed)
          expect(result).toEqual({ ok: false, code: "REGISTRATION_ISSUER_MISMATCH" });
        else if (!issuer)
          expect(result).toEqual({ ok: false, code: "REGISTRATION_DOCUMENT_INVALID" });
        else if (issuer === own)
          expect(result).toEqual({ ok: true, issuerIri: own, needsProof: false });
        else if (issuer === region)
          expect(result).toEqual({ ok: false, code: "REGISTRATION_ISSUER_NOT_YOURS" });
        else expect(result).toEqual({ ok: true, issuerIri: issuer, needsProof: true });
      }
  });

  it("only the partner's own issuer on Blason goes without a proof", () => {
    expect(claimedIssuer({ named: own, typed: null, own, hostedByBlason })).toMatchObject({
      needsProof: false,
    });
    expect(claimedIssuer({ named: outside, typed: outside, own, hostedByBlason })).toMatchObject({
      needsProof: true,
    });
  });
});

describe("a proof of control of an issuer", () => {
  const expected = { issuerIri: "did:key:z6MkAtelier", badgeClassIri: "urn:uuid:accueil" };
  const good: ProofFacts = { ...expected, verified: true, recipientMatches: true };

  it("is accepted only when it verifies, from that issuer, of that badge class, to the proof address", () => {
    expect(judgeIssuerProof(good, expected)).toBeNull();
    expect(judgeIssuerProof(null, expected)).toBe("REGISTRATION_PROOF_REQUIRED");
    // Every combination of failures: the first in order is the one said.
    for (const verified of [true, false])
      for (const issuerIri of [expected.issuerIri, "did:key:z6MkAutre", null])
        for (const badgeClassIri of [expected.badgeClassIri, "urn:uuid:autre", null])
          for (const recipientMatches of [true, false]) {
            const failure = judgeIssuerProof(
              { verified, issuerIri, badgeClassIri, recipientMatches },
              expected,
            );
            const want = !verified
              ? "REGISTRATION_PROOF_NOT_VERIFIED"
              : issuerIri !== expected.issuerIri
                ? "REGISTRATION_PROOF_WRONG_ISSUER"
                : badgeClassIri !== expected.badgeClassIri
                  ? "REGISTRATION_PROOF_WRONG_BADGE"
                  : !recipientMatches
                    ? "REGISTRATION_PROOF_WRONG_RECIPIENT"
                    : null;
            expect(failure).toBe(want);
          }
  });
});
