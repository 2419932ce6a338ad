import type { Template } from "../layout";

export type ApplicationMessageParams = {
  organisation: string;
  badge: string;
  author: string;
  excerpt: string;
  url: string;
};

export const applicationMessage: Template<ApplicationMessageParams> = {
  fr: (t) => ({
    subject: `Nouveau message sur la demande « ${t.badge} »`,
    intro: [
      `Nouveau message de ${t.author} sur la demande de ${t.organisation} pour le badge « ${t.badge} » :`,
      t.excerpt,
    ],
    action: { label: "Répondre", url: t.url },
    outro: ["Répondez depuis la demande : les réponses par e-mail ne sont pas lues."],
  }),
  en: (t) => ({
    subject: `New message on the application "${t.badge}"`,
    intro: [
      `New message from ${t.author} on ${t.organisation}'s application for the badge "${t.badge}":`,
      t.excerpt,
    ],
    action: { label: "Reply", url: t.url },
    outro: ["Reply from the application: email replies are not read."],
  }),
};
