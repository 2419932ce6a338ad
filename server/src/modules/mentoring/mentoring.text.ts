/** A pairing's end as the emails write it (Europe/Paris, in French as in English: "15/03/2027"). */
export const endDateText = (date: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" }).format(date);

/** How the authors of the thread are named, beside their organisation. */
export const threadAuthor = (name: string, organisation: string) => `${name} (${organisation})`;

/** How a manager signs in the thread. */
export const REGION_SIGNATURE = "Région";
