import type { Template } from "../layout";
import { type RoleName, roleNames } from "./roles";

export type StaffInvitationParams = {
  roles: RoleName[];
  invitedBy: string;
  url: string;
  days: number;
};

export const staffInvitation: Template<StaffInvitationParams> = {
  fr: (t) => ({
    subject: "Invitation à rejoindre l'équipe Blason",
    intro: [
      `${t.invitedBy} vous invite sur Blason avec le rôle : ${t.roles.map((r) => roleNames.fr[r]).join(", ")}.`,
    ],
    action: { label: "Créer mon compte", url: t.url },
    outro: [`Ce lien est valable ${t.days} jours et ne sert qu'une fois.`],
  }),
  en: (t) => ({
    subject: "Invitation to join the Blason team",
    intro: [
      `${t.invitedBy} invites you to Blason with the role: ${t.roles.map((r) => roleNames.en[r]).join(", ")}.`,
    ],
    action: { label: "Create my account", url: t.url },
    outro: [`This link is valid for ${t.days} days and works once.`],
  }),
};
