import { describe, expect, it } from "vitest";
import { errorMessage } from "../../errors";
import { generatedReasons, localiseReason } from "./reasons";

describe("the reasons Blason writes, in the reader's language", () => {
  it.each([
    [generatedReasons.declinedByHolder],
    [generatedReasons.partnerBadgeLapsed],
    [generatedReasons.labelBadgesToRenew(["Veille", "Plan de formation"])],
    [generatedReasons.labelShort(2)],
    [generatedReasons.csvEmailInvalid],
    [generatedReasons.csvEmailTwice],
    [generatedReasons.csvUnexpected],
  ])("%o is told in English to an English reader, in French otherwise", (reason) => {
    expect(localiseReason(reason.fr, "en")).toBe(reason.en);
    expect(localiseReason(reason.fr, "fr")).toBe(reason.fr);
  });

  it("an API error message kept for a refused CSV line is told in the reader's language", () => {
    expect(localiseReason(errorMessage("NOT_FOUND", "fr"), "en")).toBe(
      errorMessage("NOT_FOUND", "en"),
    );
  });

  it("keeps a manager's own words, and nothing stays nothing", () => {
    const words = "Dossier incomplet : les preuves du critère 2 manquent.";
    expect(localiseReason(words, "en")).toBe(words);
    expect(localiseReason(null, "en")).toBeNull();
  });
});
