/** The texts an adopted idea's badge starts with, for the Region to rewrite (French: the catalogue's language). */
export const adoptedIdeaTexts = {
  draftName: (programme: string, version: string) => `${programme} — brouillon ${version}`,
  criterion: "Critère à écrire par la Région à partir de l'idée du CFA.",
  evidence: "Preuve à préciser",
} as const;
