import { z } from "zod";
import { checkSiret, checkUai, normaliseSiret, normaliseUai } from "../organisations/identifiers";

export type ExpectedRecipient =
  | { email: string }
  | { siret: string }
  | { uai: string }
  | { id: string };

export type RecipientProblem = "email" | "siret" | "uai" | "unknown";

/** What to tell the person, next to the field. */
export const recipientProblems: Record<RecipientProblem, { fr: string; en: string }> = {
  email: { fr: "Cette adresse e-mail est incomplète.", en: "This email address is incomplete." },
  siret: {
    fr: "Ce SIRET n'est pas valide : il compte 14 chiffres, vérifiez-les.",
    en: "This SIRET is not valid: it has 14 digits, check them.",
  },
  uai: {
    fr: "Cet UAI n'est pas valide : sa lettre ne correspond pas à ses 7 chiffres.",
    en: "This UAI is not valid: its letter does not match its 7 digits.",
  },
  unknown: {
    fr: "Indiquez une adresse e-mail, un SIRET (14 chiffres) ou un UAI (7 chiffres et une lettre).",
    en: "Enter an email address, a SIRET (14 digits) or a UAI (7 digits and a letter).",
  },
};

/**
 * What a person typed as the expected holder: an email address, a SIRET
 * (14 digits), a UAI (7 digits and a letter), or an identifier (a DID or a
 * URL). A SIRET or UAI whose check fails, and anything else, is refused:
 * "issued to someone else" would be the wrong answer to a typing mistake.
 */
export function readExpectedRecipient(
  input: string,
): { ok: true; recipient: ExpectedRecipient } | { ok: false; problem: RecipientProblem } {
  const value = input.trim();
  if (value.includes("@"))
    return z.email().safeParse(value).success
      ? { ok: true, recipient: { email: value.toLowerCase() } }
      : { ok: false, problem: "email" };
  const digits = normaliseSiret(value);
  if (/^\d+$/.test(digits))
    return checkSiret(digits) === null
      ? { ok: true, recipient: { siret: digits } }
      : { ok: false, problem: "siret" };
  const uai = normaliseUai(value);
  if (/^\d{7}[A-Z]$/.test(uai))
    return checkUai(uai) === null
      ? { ok: true, recipient: { uai } }
      : { ok: false, problem: "uai" };
  if (/^(did:[a-z0-9]+:\S+|https?:\/\/\S+|urn:\S+)$/i.test(value))
    return { ok: true, recipient: { id: value } };
  return { ok: false, problem: "unknown" };
}

/** A URL as logs may keep it: the expected holder (an email address, a SIRET) is not kept. */
export function redactRecipient(url: string): string {
  return url.replace(/([?&]recipient=)[^&#]*/gi, "$1[redacted]");
}
