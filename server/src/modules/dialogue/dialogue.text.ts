import type { Locale } from "../../errors";

/** How the Region's staff sign a message in the email the other side receives. */
export const REGION_IN_EMAIL = "la Région";

/** "Relecteur 1", "Région": who wrote, as an applicant reads it when reviewers are anonymous. */
export const aliasTexts: Record<Locale, { region: string; reviewer: (n: number) => string }> = {
  fr: { region: "Région", reviewer: (n) => `Relecteur ${n}` },
  en: { region: "Region", reviewer: (n) => `Reviewer ${n}` },
};
