import { describe, expect, it } from "vitest";
import { auditLink } from "./audit.present";
import { auditSentence } from "./audit.text";

describe("the audit log in words", () => {
  it("says which badge went to whom, in both languages", () => {
    expect(
      auditSentence("credential.issued", { badge: "Veille", organisation: "CFA du Calvados" }),
    ).toEqual({
      fr: "Badge délivré : Veille, à CFA du Calvados",
      en: "Badge issued: Veille, to CFA du Calvados",
    });
  });

  it("keeps to what the row holds", () => {
    expect(auditSentence("application.submitted", { badge: "Veille" })?.fr).toBe(
      "Demande déposée : Veille",
    );
    expect(auditSentence("label.requested", {})?.en).toBe("Label requested");
  });

  it("has no sentence for an unknown action (its code is shown)", () => {
    expect(auditSentence("something.new", { badge: "Veille" })).toBeNull();
  });

  it("links to the object's page", () => {
    expect(auditLink("credential", "c1")).toBe("/credentials/c1");
    expect(auditLink("application", "a1")).toBe("/demandes/a1");
    expect(auditLink("platform", null)).toBeNull();
  });
});
