/** What the form says under a SIRET or UAI that cannot be right (French, as field messages are). */
export const identifierProblems = {
  siret: {
    format: "Le SIRET compte 14 chiffres.",
    checksum: "Ce SIRET n'est pas valide : vérifiez les chiffres (clé de contrôle).",
  },
  uai: {
    format: "Le code UAI compte 7 chiffres suivis d'une lettre (ex. 0750654D).",
    checksum: "Ce code UAI n'est pas valide : la lettre de contrôle ne correspond pas.",
  },
} as const;
