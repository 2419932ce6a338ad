import type { Template } from "../layout";

export type RegionalBadgeChangedParams = {
  change: "suspended" | "restored";
  person: string;
  badge: string;
  publicUrl: string;
  passportUrl: string;
};

export const regionalBadgeChanged: Template<RegionalBadgeChangedParams> = {
  fr: (t) =>
    t.change === "suspended"
      ? {
          subject: `Badge suspendu : ${t.badge}`,
          intro: [
            `Bonjour ${t.person},`,
            `Votre badge régional « ${t.badge} » est suspendu : un badge de structure partenaire sur lequel il reposait a été retiré par son émetteur ou a expiré.`,
            "Il sera rétabli automatiquement dès qu'un autre badge partenaire le justifiera de nouveau.",
          ],
          action: { label: "Voir vos badges", url: t.passportUrl },
          outro: [`Le badge : ${t.publicUrl}`],
        }
      : {
          subject: `Badge rétabli : ${t.badge}`,
          intro: [
            `Bonjour ${t.person},`,
            `Votre badge régional « ${t.badge} » est de nouveau valable : vos badges de structures partenaires le justifient.`,
          ],
          action: { label: "Voir le badge", url: t.publicUrl },
          outro: [],
        },
  en: (t) =>
    t.change === "suspended"
      ? {
          subject: `Badge suspended: ${t.badge}`,
          intro: [
            `Hello ${t.person},`,
            `Your regional badge "${t.badge}" is suspended: a partner badge it relied on was withdrawn by its issuer or has expired.`,
            "It will be restored automatically as soon as another partner badge supports it again.",
          ],
          action: { label: "See your badges", url: t.passportUrl },
          outro: [`The badge: ${t.publicUrl}`],
        }
      : {
          subject: `Badge restored: ${t.badge}`,
          intro: [
            `Hello ${t.person},`,
            `Your regional badge "${t.badge}" is valid again: your partner badges support it.`,
          ],
          action: { label: "See the badge", url: t.publicUrl },
          outro: [],
        },
};
