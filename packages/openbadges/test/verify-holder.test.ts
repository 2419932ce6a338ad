import { describe, expect, it } from "vitest";
import { hashedIdentifier } from "../src/ob3";
import { formatStep } from "../src/verify/ob3";
import { recipientStep } from "../src/verify/util";

const salt = "a1b2c3";
const hashed = (type: "emailAddress" | "identifier", value: string) => {
  const h = hashedIdentifier(type, value, salt);
  return { hash: h.identityHash, salt: h.salt };
};
// An organisation's badge as Blason issues it: SIRET, UAI and email, each hashed.
const organisation = {
  hashed: [
    hashed("identifier", "SIRET:91000002500015"),
    hashed("identifier", "UAI:1400011B"),
    hashed("emailAddress", "contact@cfa.example"),
  ],
};

describe("the expected holder against hashed identifiers", () => {
  it.each([
    [{ email: "contact@cfa.example" }, "passed"],
    [{ email: "Contact@CFA.example" }, "passed"],
    [{ email: "autre@cfa.example" }, "failed"],
    [{ siret: "91000002500015" }, "passed"],
    [{ siret: "91000003300019" }, "failed"],
    [{ uai: "1400011B" }, "passed"],
    [{ uai: "1400011b" }, "passed"],
    [{ uai: "1400012C" }, "failed"],
    // A SIRET is not a UAI, nor an email: the kind given is the one checked.
    [{ uai: "91000002500015" }, "failed"],
    [{}, "not_applicable"],
  ])("%o -> %s", (expected, status) => {
    expect(recipientStep(organisation, expected).status).toBe(status);
  });

  it("also knows a bare SIRET, hashed or plain, as other issuers write it", () => {
    expect(
      recipientStep(
        { hashed: [hashed("identifier", "91000002500015")] },
        { siret: "91000002500015" },
      ).status,
    ).toBe("passed");
    expect(recipientStep({ plain: ["91000002500015"] }, { siret: "91000002500015" }).status).toBe(
      "passed",
    );
  });

  it("names what matched, in both languages", () => {
    const step = recipientStep(organisation, { siret: "91000002500015" });
    expect(step.reason.fr).toBe(
      "Le badge a bien été délivré à l'organisation de SIRET 91000002500015.",
    );
    expect(step.reason.en).toMatch(/organisation with SIRET 91000002500015/);
    expect(step.details).toEqual({ matched: "siret", value: "91000002500015" });
  });
});

describe("the format step", () => {
  const vc = (type: string[]) => ({
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    type,
  });
  it.each([
    [{ hello: "world" }, "failed", "NOT_A_BADGE"],
    [{ type: "NotABadge" }, "failed", "NOT_A_BADGE"],
    // It says it is one: the schema step tells what it lacks.
    [{ type: "OpenBadgeCredential" }, "passed", undefined],
    [vc(["VerifiableCredential"]), "failed", "NOT_AN_OPEN_BADGE"],
    [vc(["VerifiableCredential", "OpenBadgeCredential"]), "passed", undefined],
    [vc(["VerifiableCredential", "AchievementCredential"]), "passed", undefined],
    [vc(["VerifiableCredential", "EndorsementCredential"]), "passed", undefined],
  ])("%o -> %s", (doc, status, code) => {
    const step = formatStep(doc, false);
    expect(step.status).toBe(status);
    expect(step.details?.code).toBe(code);
  });
});
