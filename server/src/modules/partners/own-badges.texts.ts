/** The words Blason writes for a partner's own catalogue, in French as its public pages show them. */
export const ownProgrammeTexts = (organisation: string) => ({
  name: `Badges de ${organisation}`,
  description: `Les badges que ${organisation} délivre sur Blason.`,
});
