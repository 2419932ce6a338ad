import type { Template } from "../layout";

export type PasswordResetParams = { url: string; minutes: number };

export const passwordReset: Template<PasswordResetParams> = {
  fr: (t) => ({
    subject: "Choisir un nouveau mot de passe Blason",
    intro: ["Vous avez demandé à changer votre mot de passe."],
    action: { label: "Choisir un nouveau mot de passe", url: t.url },
    outro: [
      `Ce lien est valable ${t.minutes} minutes et ne sert qu'une fois. Vos autres sessions seront fermées.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
    ],
  }),
  en: (t) => ({
    subject: "Choose a new Blason password",
    intro: ["You asked to change your password."],
    action: { label: "Choose a new password", url: t.url },
    outro: [
      `This link is valid for ${t.minutes} minutes and works once. Your other sessions will be closed.`,
      "If you did not ask for it, ignore this message.",
    ],
  }),
};
