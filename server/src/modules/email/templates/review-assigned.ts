import type { Template } from "../layout";

export type ReviewAssignedParams = { organisation: string; badge: string; url: string };

export const reviewAssigned: Template<ReviewAssignedParams> = {
  fr: (t) => ({
    subject: `Nouvelle demande à relire : ${t.badge}`,
    intro: [
      `Vous êtes désigné·e pour relire la demande de ${t.organisation} pour le badge « ${t.badge} ».`,
      "Si vous avez un lien avec cette organisation, déclarez-vous en conflit d'intérêts depuis la demande.",
    ],
    action: { label: "Ouvrir la demande", url: t.url },
    outro: ["Merci pour votre engagement dans le groupe des pairs."],
  }),
  en: (t) => ({
    subject: `New application to review: ${t.badge}`,
    intro: [
      `You have been chosen to review ${t.organisation}'s application for the badge "${t.badge}".`,
      "If you have a tie with this organisation, recuse yourself from the application.",
    ],
    action: { label: "Open the application", url: t.url },
    outro: ["Thank you for your work in the peer group."],
  }),
};
