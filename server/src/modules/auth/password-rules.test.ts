import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../demo/seed";
import { passwordProblem } from "./password-rules";

describe("passwordProblem", () => {
  it.each([
    ["court", "too_short"],
    ["onze carac.", "too_short"],
    ["password1234", "too_guessable"],
    ["iloveyou1234", "too_guessable"],
    ["123456789012", "too_guessable"],
    ["motdepasse1234", "too_guessable"],
    ["Motdepasse123", "too_guessable"],
    ["azertyuiop123", "too_guessable"],
    ["qwertyuiop12", "too_guessable"],
    ["aaaaaaaaaaaa", "too_guessable"],
    ["soleil soleil soleil", "too_guessable"],
    ["Blason123456", "too_guessable"],
    [DEMO_PASSWORD, null],
    ["correct horse battery staple", null],
    ["une phrase de passe solide", null],
    ["formatrice du calvados 2026", null],
    ["a brand new passphrase", null],
  ])("%j: %s", (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  it("refuses a password built on the person's own address or name", () => {
    const quentin = ["q.zakrzewski@cfa-orne.example", "Quentin Zakrzewski"];
    expect(passwordProblem("zakrzewski-caen", quentin)).toBe("too_guessable");
    expect(passwordProblem("zakrzewski-caen")).toBeNull();
    expect(passwordProblem("une phrase de passe solide", quentin)).toBeNull();
  });
});
