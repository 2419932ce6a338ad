import type { Template } from "../layout";

export type MentoringLabelObtainedParams = { mentee: string; mentor: string; url: string };

export const mentoringLabelObtained: Template<MentoringLabelObtainedParams> = {
  fr: (t) => ({
    subject: `Label obtenu : fin du parrainage de ${t.mentee}`,
    intro: [
      `${t.mentee} a obtenu le label : son parrainage par ${t.mentor} prend fin.`,
      "Le parrain ne voit plus ce que le CFA partageait ; le fil reste lisible.",
    ],
    action: { label: "Revoir le parrainage", url: t.url },
    outro: ["Merci pour cet accompagnement."],
  }),
  en: (t) => ({
    subject: `Label obtained: ${t.mentee}'s mentoring ends`,
    intro: [
      `${t.mentee} obtained the label: its mentoring by ${t.mentor} ends.`,
      "The mentor no longer sees what the CFA shared; the thread stays readable.",
    ],
    action: { label: "See the pairing", url: t.url },
    outro: ["Thank you for the mentoring."],
  }),
};
