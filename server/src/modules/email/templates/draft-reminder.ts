import { longDate, type Template } from "../layout";

export type DraftReminderParams = {
  organisation: string;
  badge: string;
  deadline: string;
  session: string;
  url: string;
};

export const draftReminder: Template<DraftReminderParams> = {
  fr: (t) => ({
    subject: `Date limite proche : ${t.badge}`,
    intro: [
      `La demande de ${t.organisation} pour le badge « ${t.badge} » n'est pas encore envoyée.`,
      `Pour la session « ${t.session} », la date limite est le ${longDate(t.deadline, "fr")} à minuit.`,
    ],
    action: { label: "Reprendre la demande", url: t.url },
    outro: ["Après cette date, la demande passera à la session suivante."],
  }),
  en: (t) => ({
    subject: `Deadline soon: ${t.badge}`,
    intro: [
      `${t.organisation}'s application for the badge "${t.badge}" is not sent yet.`,
      `For the "${t.session}" session, the deadline is ${longDate(t.deadline, "en")} at midnight.`,
    ],
    action: { label: "Continue the application", url: t.url },
    outro: ["After that date, the application goes to the next session."],
  }),
};
