import type { Template } from "../layout";

export type IdeaAnsweredParams = {
  organisation: string;
  title: string;
  outcome: "answered" | "declined" | "adopted";
  answer: string;
  url: string;
};

export const ideaAnswered: Template<IdeaAnsweredParams> = {
  fr: (t) => ({
    subject: `Votre idée de badge : ${t.title}`,
    intro: [
      {
        answered: `La Région a répondu à l'idée de badge « ${t.title} » de ${t.organisation}.`,
        declined: `La Région ne retient pas l'idée de badge « ${t.title} » de ${t.organisation}.`,
        adopted: `La Région retient l'idée de badge « ${t.title} » de ${t.organisation} : elle entre dans le brouillon de la prochaine collection.`,
      }[t.outcome],
      t.answer,
    ],
    action: { label: "Voir les idées", url: t.url },
    outro: ["Merci pour cette proposition."],
  }),
  en: (t) => ({
    subject: `Your badge idea: ${t.title}`,
    intro: [
      {
        answered: `The Region answered ${t.organisation}'s badge idea "${t.title}".`,
        declined: `The Region does not take up ${t.organisation}'s badge idea "${t.title}".`,
        adopted: `The Region takes up ${t.organisation}'s badge idea "${t.title}": it goes into the draft of the next collection.`,
      }[t.outcome],
      t.answer,
    ],
    action: { label: "See the ideas", url: t.url },
    outro: ["Thank you for the suggestion."],
  }),
};
