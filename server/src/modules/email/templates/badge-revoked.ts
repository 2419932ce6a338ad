import type { Template } from "../layout";

export type BadgeRevokedParams = {
  organisation: string;
  badge: string;
  reason: string;
  url: string;
};

export const badgeRevoked: Template<BadgeRevokedParams> = {
  fr: (t) => ({
    subject: `Badge révoqué : ${t.badge}`,
    intro: [
      `La Région Normandie a révoqué le badge « ${t.badge} » de ${t.organisation}.`,
      `Motif : ${t.reason}`,
      "Sa page publique et les vérificateurs l'indiquent désormais comme révoqué.",
    ],
    action: { label: "Voir les badges de l'organisation", url: t.url },
    outro: ["Pour toute question, répondez à l'équipe badges de la Région."],
  }),
  en: (t) => ({
    subject: `Badge revoked: ${t.badge}`,
    intro: [
      `The Normandy Region has revoked the badge "${t.badge}" of ${t.organisation}.`,
      `Reason: ${t.reason}`,
      "Its public page and verifiers now show it as revoked.",
    ],
    action: { label: "See the organisation's badges", url: t.url },
    outro: ["For any question, contact the Region's badge team."],
  }),
};
