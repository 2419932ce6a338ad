import type { Template } from "../layout";
import { roleNames } from "./roles";

export type InvitationParams = {
  organisation: string;
  role: "member" | "admin";
  invitedBy: string;
  url: string;
  days: number;
};

export const invitation: Template<InvitationParams> = {
  fr: (t) => ({
    subject: `Invitation à rejoindre ${t.organisation} sur Blason`,
    intro: [
      `${t.invitedBy} vous invite à rejoindre ${t.organisation} sur Blason, en tant que ${roleNames.fr[t.role]}.`,
      "Vous pourrez préparer les demandes de badge de votre organisation, suivre leur instruction et partager les badges obtenus.",
    ],
    action: { label: "Accepter l'invitation", url: t.url },
    outro: [`Ce lien est valable ${t.days} jours et ne sert qu'une fois.`],
  }),
  en: (t) => ({
    subject: `Invitation to join ${t.organisation} on Blason`,
    intro: [
      `${t.invitedBy} invites you to join ${t.organisation} on Blason as ${roleNames.en[t.role]}.`,
      "You will be able to prepare your organisation's badge applications, follow their review and share the badges it earns.",
    ],
    action: { label: "Accept the invitation", url: t.url },
    outro: [`This link is valid for ${t.days} days and works once.`],
  }),
};
