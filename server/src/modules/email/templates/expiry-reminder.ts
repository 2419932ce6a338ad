import { longDate, type Template } from "../layout";

export type ExpiryReminderParams = {
  organisation: string;
  badge: string;
  months: number;
  validUntil: string;
  url: string;
};

export const expiryReminder: Template<ExpiryReminderParams> = {
  fr: (t) => ({
    subject: `À renouveler : ${t.badge}`,
    intro: [
      `Le badge « ${t.badge} » de ${t.organisation} arrive à échéance le ${longDate(t.validUntil.slice(0, 10), "fr")} (dans moins de ${t.months} mois).`,
      "Pour qu'il compte toujours pour le label, déposez sa demande de renouvellement à une prochaine session : elle reprend le dossier précédent.",
    ],
    action: { label: "Voir la collection du CFA", url: t.url },
    outro: ["Vous recevez ce rappel 6, 3 puis 1 mois avant l'échéance."],
  }),
  en: (t) => ({
    subject: `To renew: ${t.badge}`,
    intro: [
      `${t.organisation}'s badge "${t.badge}" ends on ${longDate(t.validUntil.slice(0, 10), "en")} (in less than ${t.months} months).`,
      "To keep it counting for the label, apply for its renewal at a coming session: the previous file is reused.",
    ],
    action: { label: "See the CFA's collection", url: t.url },
    outro: ["You get this reminder 6, 3 and 1 month before the end."],
  }),
};
