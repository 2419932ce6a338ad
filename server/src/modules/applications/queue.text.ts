import type { ApplicationState } from "./applications.rules";

/** The CSV export's column titles and state words, in the reader's language. */
export const queueCsvText = {
  fr: {
    headers: [
      "Badge",
      "Organisation",
      "État",
      "Type",
      "Session",
      "Commission",
      "Avis attendus le",
      "Relecteurs",
      "Déposée le",
    ],
    kinds: { first: "Première demande", renewal: "Renouvellement" },
    states: {
      draft: "Brouillon",
      submitted: "Déposée",
      under_review: "En instruction",
      revision_requested: "À réviser",
      granted: "Accordée",
      refused: "Refusée",
      withdrawn: "Retirée",
    } satisfies Record<ApplicationState, string>,
  },
  en: {
    headers: [
      "Badge",
      "Organisation",
      "State",
      "Kind",
      "Session",
      "Commission",
      "Reviews due",
      "Reviewers",
      "Submitted on",
    ],
    kinds: { first: "First application", renewal: "Renewal" },
    states: {
      draft: "Draft",
      submitted: "Submitted",
      under_review: "Under review",
      revision_requested: "Revision requested",
      granted: "Granted",
      refused: "Refused",
      withdrawn: "Withdrawn",
    } satisfies Record<ApplicationState, string>,
  },
};
