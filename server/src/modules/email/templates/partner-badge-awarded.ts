import type { Template } from "../layout";

export type PartnerBadgeAwardedParams = {
  person: string;
  issuer: string;
  badge: string;
  publicUrl: string;
  passportUrl: string;
};

export const partnerBadgeAwarded: Template<PartnerBadgeAwardedParams> = {
  fr: (t) => ({
    subject: `${t.issuer} vous délivre le badge « ${t.badge} »`,
    intro: [
      `Bonjour ${t.person},`,
      `${t.issuer} vous délivre le badge « ${t.badge} ». C'est un Open Badge signé : n'importe qui peut vérifier qu'il vient bien de ${t.issuer}.`,
      "Si cette structure participe à « La Normandie badge les compétences », ce badge peut aussi vous valoir un badge de la Région : vous le verrez dans votre espace.",
    ],
    action: { label: "Voir votre badge", url: t.publicUrl },
    outro: [`Tous vos badges, à accepter, partager ou télécharger : ${t.passportUrl}`],
  }),
  en: (t) => ({
    subject: `${t.issuer} awards you the badge "${t.badge}"`,
    intro: [
      `Hello ${t.person},`,
      `${t.issuer} awards you the badge "${t.badge}". It is a signed Open Badge: anyone can check that it comes from ${t.issuer}.`,
      'If this organisation takes part in "La Normandie badge les compétences", this badge may also earn you a badge from the Region: you will see it in your space.',
    ],
    action: { label: "See your badge", url: t.publicUrl },
    outro: [`All your badges, to accept, share or download: ${t.passportUrl}`],
  }),
};
