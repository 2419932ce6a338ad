import type { Template } from "../layout";

export type ApplicationDecidedParams = {
  outcome: "granted" | "refused" | "revision_requested";
  organisation: string;
  badge: string;
  motivation: string;
  url: string;
};

export const applicationDecided: Template<ApplicationDecidedParams> = {
  fr: (t) => ({
    subject: `${
      {
        granted: "Badge attribué",
        refused: "Badge non attribué",
        revision_requested: "Demande à compléter",
      }[t.outcome]
    } : ${t.badge}`,
    intro: [
      {
        granted: `Bonne nouvelle : la commission attribue le badge « ${t.badge} » à ${t.organisation}.`,
        refused: `La commission n'a pas attribué le badge « ${t.badge} » à ${t.organisation}.`,
        revision_requested: `La commission demande à ${t.organisation} de compléter sa demande pour le badge « ${t.badge} ».`,
      }[t.outcome],
      `${t.outcome === "revision_requested" ? "Ce qu'il faut modifier" : "Motivation de la commission"} : ${t.motivation}`,
      ...{
        granted: ["Le badge signé arrive dans un second message, avec le lien pour l'accepter."],
        refused: [],
        revision_requested: [
          "Modifiez la demande puis renvoyez-la : elle sera examinée à une prochaine session.",
        ],
      }[t.outcome],
    ],
    action: { label: "Voir la demande", url: t.url },
    outro: ["Pour toute question, répondez dans le fil de discussion de la demande."],
  }),
  en: (t) => ({
    subject: `${
      {
        granted: "Badge awarded",
        refused: "Badge not awarded",
        revision_requested: "Application to complete",
      }[t.outcome]
    }: ${t.badge}`,
    intro: [
      {
        granted: `Good news: the commission awards the badge "${t.badge}" to ${t.organisation}.`,
        refused: `The commission did not award the badge "${t.badge}" to ${t.organisation}.`,
        revision_requested: `The commission asks ${t.organisation} to complete its application for the badge "${t.badge}".`,
      }[t.outcome],
      `${t.outcome === "revision_requested" ? "What to change" : "The commission's reasons"}: ${t.motivation}`,
      ...{
        granted: ["The signed badge follows in a second message, with the link to accept it."],
        refused: [],
        revision_requested: [
          "Change the application and send it again: a later session will review it.",
        ],
      }[t.outcome],
    ],
    action: { label: "See the application", url: t.url },
    outro: ["For any question, write in the application's discussion thread."],
  }),
};
