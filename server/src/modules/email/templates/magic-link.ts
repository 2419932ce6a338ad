import type { Template } from "../layout";

export type MagicLinkParams = { url: string; minutes: number };

export const magicLink: Template<MagicLinkParams> = {
  fr: (t) => ({
    subject: "Votre lien de connexion à Blason",
    intro: ["Vous avez demandé à vous connecter à Blason sans mot de passe."],
    action: { label: "Me connecter", url: t.url },
    outro: [
      `Ce lien est valable ${t.minutes} minutes et ne sert qu'une fois.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte ne risque rien.",
    ],
  }),
  en: (t) => ({
    subject: "Your Blason sign-in link",
    intro: ["You asked to sign in to Blason without a password."],
    action: { label: "Sign me in", url: t.url },
    outro: [
      `This link is valid for ${t.minutes} minutes and works once.`,
      "If you did not ask for it, ignore this message: your account is safe.",
    ],
  }),
};
