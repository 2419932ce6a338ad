import type { Template } from "../layout";

export type BadgeAwardedParams = {
  organisation: string;
  badge: string;
  url: string;
  publicUrl: string;
};

export const badgeAwarded: Template<BadgeAwardedParams> = {
  fr: (t) => ({
    subject: `Badge obtenu : ${t.badge}`,
    intro: [
      `Félicitations : la Région Normandie délivre le badge « ${t.badge} » à ${t.organisation}.`,
      "Un membre de votre organisation peut l'accepter (ou le refuser), puis le télécharger en image PNG ou SVG, ou en JSON, pour le publier sur votre site et vos réseaux.",
    ],
    action: { label: "Accepter le badge", url: t.url },
    outro: [`Sa page publique, vérifiable par tous : ${t.publicUrl}`],
  }),
  en: (t) => ({
    subject: `Badge earned: ${t.badge}`,
    intro: [
      `Congratulations: the Normandy Region awards the badge "${t.badge}" to ${t.organisation}.`,
      "A member of your organisation can accept it (or decline it), then download it as a PNG or SVG image, or as JSON, to publish it on your website and networks.",
    ],
    action: { label: "Accept the badge", url: t.url },
    outro: [`Its public page, verifiable by anyone: ${t.publicUrl}`],
  }),
};
