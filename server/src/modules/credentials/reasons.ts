import { type Locale, translateErrorMessage } from "../../errors";

type Reason = { fr: string; en: string };

/**
 * The reasons Blason itself writes on a badge (a revocation, a suspension).
 * They are stored in French, the reference; a reader in English gets them in
 * English. A manager's own words are kept and shown as they were written.
 */
export const generatedReasons = {
  declinedByHolder: { fr: "Refusé par son titulaire", en: "Declined by its holder" },
  partnerBadgeLapsed: {
    fr: "Un badge partenaire sur lequel il reposait a été retiré ou a expiré.",
    en: "A partner badge it relied on was withdrawn or has expired.",
  },
  labelBadgesToRenew: (badges: string[]): Reason => ({
    fr: `Badges à renouveler : ${badges.join(", ")}`,
    en: `Badges to renew: ${badges.join(", ")}`,
  }),
  csvEmailInvalid: { fr: "Adresse électronique invalide.", en: "Invalid email address." },
  csvEmailTwice: {
    fr: "Adresse déjà présente plus haut dans le fichier.",
    en: "This address is already on an earlier line of the file.",
  },
  csvUnexpected: {
    fr: "Erreur inattendue : la ligne n'a pas été traitée.",
    en: "Unexpected error: the line was not processed.",
  },
  labelShort: (count: number): Reason => ({
    fr: `Il manque ${count} badge(s) valide(s) à la collection`,
    en: `The collection is ${count} valid badge(s) short`,
  }),
};

const fixed: Reason[] = [
  generatedReasons.declinedByHolder,
  generatedReasons.partnerBadgeLapsed,
  generatedReasons.csvEmailInvalid,
  generatedReasons.csvEmailTwice,
  generatedReasons.csvUnexpected,
];
const patterns: { fr: RegExp; make: (match: string) => Reason }[] = [
  {
    fr: /^Badges à renouveler : (.+)$/s,
    make: (badges) => generatedReasons.labelBadgesToRenew([badges]),
  },
  {
    fr: /^Il manque (\d+) badge\(s\) valide\(s\) à la collection$/,
    make: (n) => generatedReasons.labelShort(Number(n)),
  },
];

/**
 * A stored reason in the reader's language: ours (and the API's error
 * messages, which a CSV award keeps for its refused lines) are recognised,
 * anyone else's pass unchanged.
 */
export function localiseReason(stored: string | null, locale: Locale): string | null {
  if (stored === null || locale === "fr") return stored;
  const known = fixed.find((r) => r.fr === stored);
  if (known) return known[locale];
  const error = translateErrorMessage(stored, locale);
  if (error) return error;
  for (const { fr, make } of patterns) {
    const match = fr.exec(stored);
    if (match?.[1] !== undefined) return make(match[1])[locale];
  }
  return stored;
}
