import { longDate, type Template } from "../layout";

export type ApplicationSubmittedParams = {
  organisation: string;
  badge: string;
  /** None for a request decided as it comes (continuous intake). */
  session: string | null;
  commissionDate: string | null;
  url: string;
};

export const applicationSubmitted: Template<ApplicationSubmittedParams> = {
  fr: (t) => ({
    subject: `Demande envoyée : ${t.badge}`,
    intro: [
      `La demande de ${t.organisation} pour le badge « ${t.badge} » est bien envoyée.`,
      t.session && t.commissionDate
        ? `Elle sera examinée par le groupe des pairs puis présentée à la commission « ${t.session} » du ${longDate(t.commissionDate, "fr")}.`
        : "La Région l'examine dès maintenant et vous répond par e-mail.",
    ],
    action: { label: "Suivre la demande", url: t.url },
    outro: ["Les relecteurs peuvent vous poser des questions : vous serez prévenus par e-mail."],
  }),
  en: (t) => ({
    subject: `Application sent: ${t.badge}`,
    intro: [
      `${t.organisation}'s application for the badge "${t.badge}" has been sent.`,
      t.session && t.commissionDate
        ? `The peer group will review it, then the "${t.session}" commission will decide on ${longDate(t.commissionDate, "en")}.`
        : "The Region examines it now and will answer by email.",
    ],
    action: { label: "Follow the application", url: t.url },
    outro: ["Reviewers may ask you questions: you will be told by email."],
  }),
};
