/**
 * What a granted badge says of how it was earned (its evidence), in the
 * credential's language (French): the texts only, the service picks one.
 */
export const grantEvidence = {
  participation: {
    name: "Demande examinée par la Région",
    narrative:
      "Demande présentant la structure, son lien avec le territoire, son processus d'attribution et sa stratégie de badges, examinée et acceptée par la Région.",
  },
  label: {
    name: "Dossier de candidature examiné par la commission",
    narrative: (sessionName: string | null) =>
      sessionName
        ? `Dossier examiné par le groupe des pairs et décidé par la commission « ${sessionName} ».`
        : "Dossier examiné par le groupe des pairs et décidé par la commission.",
  },
};
