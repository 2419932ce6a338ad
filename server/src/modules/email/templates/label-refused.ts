import type { Template } from "../layout";

export type LabelRefusedParams = { organisation: string; motivation: string; url: string };

export const labelRefused: Template<LabelRefusedParams> = {
  fr: (t) => ({
    subject: "Votre demande de label n'est pas retenue",
    intro: [
      `La Région n'a pas confirmé la demande de label de ${t.organisation}.`,
      `Son explication : ${t.motivation}`,
    ],
    action: { label: "Voir la collection du CFA", url: t.url },
    outro: ["Vous pourrez refaire la demande dès que la situation aura changé."],
  }),
  en: (t) => ({
    subject: "Your label request was not confirmed",
    intro: [
      `The Region did not confirm ${t.organisation}'s label request.`,
      `Its explanation: ${t.motivation}`,
    ],
    action: { label: "See the CFA's collection", url: t.url },
    outro: ["You may ask again once things have changed."],
  }),
};
