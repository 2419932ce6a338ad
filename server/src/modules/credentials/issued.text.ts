import type { IssuedState } from "./issued.repo";

/** The issued badges CSV's column titles and state words, in the reader's language. */
export const issuedCsvText = {
  fr: {
    headers: ["Badge", "Titulaire", "État", "Délivré le", "Valable jusqu'au", "Programme"],
    states: {
      valid: "Valide",
      suspended: "Suspendu",
      revoked: "Révoqué",
      expired: "Expiré",
    } satisfies Record<IssuedState, string>,
  },
  en: {
    headers: ["Badge", "Holder", "State", "Issued on", "Valid until", "Programme"],
    states: {
      valid: "Valid",
      suspended: "Suspended",
      revoked: "Revoked",
      expired: "Expired",
    } satisfies Record<IssuedState, string>,
  },
};
