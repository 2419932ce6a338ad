import type { Template } from "../layout";

export type RegionalBadgeAwardedParams = { person: string; badge: string; publicUrl: string };

export const regionalBadgeAwarded: Template<RegionalBadgeAwardedParams> = {
  fr: (t) => ({
    subject: `Un badge de la Région Normandie pour vous : ${t.badge}`,
    intro: [
      `Bonjour ${t.person},`,
      `Les badges que vous avez obtenus auprès de structures partenaires vous valent le badge régional « ${t.badge} ». La Région Normandie le signe : n'importe quel recruteur peut le vérifier.`,
    ],
    action: { label: "Voir votre badge", url: t.publicUrl },
    outro: ["Vous pouvez le partager, le télécharger ou le garder pour vous."],
  }),
  en: (t) => ({
    subject: `A badge from the Région Normandie for you: ${t.badge}`,
    intro: [
      `Hello ${t.person},`,
      `The badges you earned at partner organisations give you the regional badge "${t.badge}". The Région Normandie signs it: any recruiter can verify it.`,
    ],
    action: { label: "See your badge", url: t.publicUrl },
    outro: ["You can share it, download it or keep it to yourself."],
  }),
};
