import type { Template } from "../layout";

export type IdeaProposedParams = { organisation: string; title: string; url: string };

export const ideaProposed: Template<IdeaProposedParams> = {
  fr: (t) => ({
    subject: `Idée de badge : ${t.title}`,
    intro: [`${t.organisation} propose un nouveau badge : « ${t.title} ».`],
    action: { label: "Lire l'idée", url: t.url },
    outro: [],
  }),
  en: (t) => ({
    subject: `Badge idea: ${t.title}`,
    intro: [`${t.organisation} proposes a new badge: "${t.title}".`],
    action: { label: "Read the idea", url: t.url },
    outro: [],
  }),
};
