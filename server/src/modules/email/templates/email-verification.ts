import type { Template } from "../layout";

export type EmailVerificationParams = { url: string };

export const emailVerification: Template<EmailVerificationParams> = {
  fr: (t) => ({
    subject: "Confirmez votre adresse e-mail",
    intro: ["Merci de confirmer que cette adresse e-mail est bien la vôtre."],
    action: { label: "Confirmer mon adresse", url: t.url },
    outro: [],
  }),
  en: (t) => ({
    subject: "Confirm your email address",
    intro: ["Please confirm that this email address is yours."],
    action: { label: "Confirm my address", url: t.url },
    outro: [],
  }),
};
