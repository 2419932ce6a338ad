import type { Template } from "../layout";

/** What happened on a support request, told to the other side. */
export type SupportUpdateKind =
  | "assigned"
  | "message"
  | "meeting_proposed"
  | "meeting_countered"
  | "meeting_agreed"
  | "closed";

export type SupportUpdateParams = {
  kind: SupportUpdateKind;
  /** The CFA that asked. */
  organisation: string;
  /** The other side, who acted. */
  from: string;
  /** The message, the question, the meeting (when and where) or the feedback. */
  detail: string;
  url: string;
};

const fr: Record<SupportUpdateKind, (t: SupportUpdateParams) => [string, string]> = {
  assigned: (t) => [
    `Demande de conseil de ${t.organisation}`,
    `${t.organisation} demande conseil ; la demande vous est confiée :`,
  ],
  message: (t) => [`Nouveau message de ${t.from}`, `${t.from} a écrit sur la demande de conseil :`],
  meeting_proposed: (t) => [
    `${t.from} propose un rendez-vous`,
    `${t.from} propose un rendez-vous ; acceptez-le ou proposez une autre date :`,
  ],
  meeting_countered: (t) => [
    `${t.from} propose une autre date`,
    `${t.from} propose une autre date pour le rendez-vous :`,
  ],
  meeting_agreed: (t) => [`Rendez-vous confirmé avec ${t.from}`, `Le rendez-vous est confirmé :`],
  closed: (t) => [
    `Demande de conseil close par ${t.organisation}`,
    `${t.organisation} a clos la demande, avec cet avis :`,
  ],
};
const en: Record<SupportUpdateKind, (t: SupportUpdateParams) => [string, string]> = {
  assigned: (t) => [
    `Request for advice from ${t.organisation}`,
    `${t.organisation} asks for advice; the request is yours:`,
  ],
  message: (t) => [`New message from ${t.from}`, `${t.from} wrote on the request for advice:`],
  meeting_proposed: (t) => [
    `${t.from} proposes a meeting`,
    `${t.from} proposes a meeting; accept it or propose another date:`,
  ],
  meeting_countered: (t) => [
    `${t.from} proposes another date`,
    `${t.from} proposes another date for the meeting:`,
  ],
  meeting_agreed: (t) => [`Meeting confirmed with ${t.from}`, `The meeting is confirmed:`],
  closed: (t) => [
    `Request for advice closed by ${t.organisation}`,
    `${t.organisation} closed the request, with this feedback:`,
  ],
};

export const supportUpdate: Template<SupportUpdateParams> = {
  fr: (t) => {
    const [subject, lead] = fr[t.kind](t);
    return {
      subject,
      intro: [lead, t.detail],
      action: { label: "Ouvrir la demande", url: t.url },
      outro: ["Répondez depuis Blason : les réponses par e-mail ne sont pas lues."],
    };
  },
  en: (t) => {
    const [subject, lead] = en[t.kind](t);
    return {
      subject,
      intro: [lead, t.detail],
      action: { label: "Open the request", url: t.url },
      outro: ["Reply from Blason: email replies are not read."],
    };
  },
};
