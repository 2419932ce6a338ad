import type { Template } from "../layout";

export type MentoringMessageParams = { author: string; excerpt: string; url: string };

export const mentoringMessage: Template<MentoringMessageParams> = {
  fr: (t) => ({
    subject: `Parrainage : nouveau message de ${t.author}`,
    intro: [`${t.author} a écrit dans votre fil de parrainage :`, t.excerpt],
    action: { label: "Répondre", url: t.url },
    outro: [],
  }),
  en: (t) => ({
    subject: `Mentoring: new message from ${t.author}`,
    intro: [`${t.author} wrote in your mentoring thread:`, t.excerpt],
    action: { label: "Reply", url: t.url },
    outro: [],
  }),
};
