import { describe, expect, it } from "vitest";
import { demoSiret, demoUai } from "../demo/seed";
import { readExpectedRecipient, redactRecipient } from "./expected-recipient";

const siret = demoSiret(2);
const uai = demoUai(11);

describe("the expected holder typed on the verifier", () => {
  it.each([
    ["contact@cfa.example", { email: "contact@cfa.example" }],
    ["  Contact@CFA.example ", { email: "contact@cfa.example" }],
    [siret, { siret }],
    [`${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`, { siret }],
    [uai, { uai }],
    [uai.toLowerCase(), { uai }],
    [
      "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
      { id: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" },
    ],
    ["https://example.org/people/1", { id: "https://example.org/people/1" }],
  ])("%s is read as %o", (input, recipient) => {
    expect(readExpectedRecipient(input)).toEqual({ ok: true, recipient });
  });

  it.each([
    ["contact@", "email"],
    ["a@b@c", "email"],
    ["1234567890123", "siret"], // 13 digits
    [`${siret.slice(0, 13)}${(Number(siret[13]) + 1) % 10}`, "siret"], // wrong check digit
    [`${uai.slice(0, 7)}${uai[7] === "A" ? "B" : "A"}`, "uai"], // wrong check letter
    ["Jean Dupont", "unknown"],
    ["", "unknown"],
  ])("%s is refused (%s)", (input, problem) => {
    expect(readExpectedRecipient(input)).toEqual({ ok: false, problem });
  });
});

describe("the expected holder in logs", () => {
  it.each([
    ["/api/verify?recipient=contact%40cfa.example", "/api/verify?recipient=[redacted]"],
    ["/api/verify?a=1&recipient=91000002500015&b=2", "/api/verify?a=1&recipient=[redacted]&b=2"],
    ["/api/applications?organisationId=x", "/api/applications?organisationId=x"],
  ])("%s is logged as %s", (url, logged) => {
    expect(redactRecipient(url)).toBe(logged);
  });
});
