import type { Template } from "../layout";

export type RegistrationMessageParams = {
  organisation: string;
  badge: string;
  author: string;
  excerpt: string;
  url: string;
};

export const registrationMessage: Template<RegistrationMessageParams> = {
  fr: (t) => ({
    subject: `Nouveau message : ${t.badge}`,
    intro: [`${t.author} a écrit au sujet du badge « ${t.badge} » :`, t.excerpt],
    action: { label: "Répondre", url: t.url },
    outro: [],
  }),
  en: (t) => ({
    subject: `New message: ${t.badge}`,
    intro: [`${t.author} wrote about the badge "${t.badge}":`, t.excerpt],
    action: { label: "Reply", url: t.url },
    outro: [],
  }),
};
