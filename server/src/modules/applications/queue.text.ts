import type { ApplicationState } from "./applications.rules";

/** The CSV export's column titles and state words (the web's own), in the reader's language. */
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
      "Envoyée le",
    ],
    kinds: { first: "Première demande", renewal: "Renouvellement" },
    states: {
      draft: "Brouillon",
      submitted: "Envoyée",
      under_review: "En relecture",
      revision_requested: "Révision demandée",
      granted: "Attribuée",
      refused: "Non attribuée",
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
      "Sent on",
    ],
    kinds: { first: "First application", renewal: "Renewal" },
    states: {
      draft: "Draft",
      submitted: "Sent",
      under_review: "Under review",
      revision_requested: "Revision requested",
      granted: "Awarded",
      refused: "Not awarded",
      withdrawn: "Withdrawn",
    } satisfies Record<ApplicationState, string>,
  },
};
