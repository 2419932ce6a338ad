import type { Template } from "../layout";

export type LabelEligibleParams = { organisation: string; count: number; url: string };

export const labelEligible: Template<LabelEligibleParams> = {
  fr: (t) => ({
    subject: "Votre CFA peut demander le label",
    intro: [
      `Avec ${t.count} badges valides, dont tous les obligatoires, ${t.organisation} remplit la règle du label CFA Innovant et Durable.`,
      "Vous pouvez maintenant en faire la demande : la Région la vérifie et la confirme.",
    ],
    action: { label: "Voir la progression", url: t.url },
    outro: ["Bravo à toute l'équipe."],
  }),
  en: (t) => ({
    subject: "Your CFA can apply for the label",
    intro: [
      `With ${t.count} valid badges, every required one included, ${t.organisation} meets the rule of the Innovative and Sustainable CFA label.`,
      "You can now apply for it: the Region checks and confirms it.",
    ],
    action: { label: "See the progress", url: t.url },
    outro: ["Congratulations to the whole team."],
  }),
};
