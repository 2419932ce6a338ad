import type { Template } from "../layout";

export type LabelRestoredParams = { organisation: string; url: string };

export const labelRestored: Template<LabelRestoredParams> = {
  fr: (t) => ({
    subject: "Label rétabli",
    intro: [
      `La collection de ${t.organisation} remplit de nouveau la règle : son label CFA Innovant et Durable est rétabli.`,
    ],
    action: { label: "Voir la collection du CFA", url: t.url },
    outro: ["Bravo à toute l'équipe."],
  }),
  en: (t) => ({
    subject: "Label restored",
    intro: [
      `${t.organisation}'s collection meets the rule again: its Innovative and Sustainable CFA label is restored.`,
    ],
    action: { label: "See the CFA's collection", url: t.url },
    outro: ["Congratulations to the whole team."],
  }),
};
