import type { Template } from "../layout";

export type MentoringPairedParams = {
  /** The organisation the recipient works for, and the other side. */
  side: "mentee" | "mentor";
  other: string;
  endsOn: string;
  url: string;
};

export const mentoringPaired: Template<MentoringPairedParams> = {
  fr: (t) => ({
    subject: t.side === "mentee" ? `Votre parrain : ${t.other}` : `Vous parrainez ${t.other}`,
    intro: [
      t.side === "mentee"
        ? `La Région vous a associé à un CFA parrain : ${t.other}.`
        : `La Région vous confie le parrainage de ${t.other}.`,
      `Le parrainage court jusqu'au ${t.endsOn}. Échangez dans son fil de discussion.`,
      ...(t.side === "mentee"
        ? [
            "Vous choisissez ce que votre parrain peut voir : votre progression vers le label, vos brouillons.",
          ]
        : []),
    ],
    action: { label: "Ouvrir le parrainage", url: t.url },
    outro: [],
  }),
  en: (t) => ({
    subject: t.side === "mentee" ? `Your mentor: ${t.other}` : `You are mentoring ${t.other}`,
    intro: [
      t.side === "mentee"
        ? `The Region has paired you with a mentor CFA: ${t.other}.`
        : `The Region asks you to mentor ${t.other}.`,
      `The pairing runs until ${t.endsOn}. Talk in its thread.`,
      ...(t.side === "mentee"
        ? ["You choose what your mentor may see: your progress towards the label, your drafts."]
        : []),
    ],
    action: { label: "Open the pairing", url: t.url },
    outro: [],
  }),
};
