import type { Template } from "../layout";

export type ReviewReopenedParams = {
  organisation: string;
  badge: string;
  reason: string;
  url: string;
};

export const reviewReopened: Template<ReviewReopenedParams> = {
  fr: (t) => ({
    subject: `Relecture rouverte : ${t.badge}`,
    intro: [
      `La Région a rouvert votre relecture de la demande de ${t.organisation} pour le badge « ${t.badge} ».`,
      `Motif : ${t.reason}`,
      "Reprenez-la depuis la demande, puis rendez-la de nouveau.",
    ],
    action: { label: "Ouvrir la demande", url: t.url },
    outro: ["Merci pour votre engagement dans le groupe des pairs."],
  }),
  en: (t) => ({
    subject: `Review reopened: ${t.badge}`,
    intro: [
      `The Region reopened your review of ${t.organisation}'s application for the badge "${t.badge}".`,
      `Reason: ${t.reason}`,
      "Take it up again from the application, then submit it once more.",
    ],
    action: { label: "Open the application", url: t.url },
    outro: ["Thank you for your work in the peer group."],
  }),
};
