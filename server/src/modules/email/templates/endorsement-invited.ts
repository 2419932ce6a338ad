import type { Template } from "../layout";

export type EndorsementInvitedParams = {
  endorser: string;
  endorsed: string;
  url: string;
};

export const endorsementInvited: Template<EndorsementInvitedParams> = {
  fr: (t) => ({
    subject: `Invitation à approuver : ${t.endorsed}`,
    intro: [
      `La Région invite ${t.endorser} à approuver « ${t.endorsed} ».`,
      "Vous y lirez ce qui est approuvé, puis écrirez votre déclaration et signerez l'approbation (sur Blason ou avec votre propre plateforme).",
    ],
    action: { label: "Voir l'invitation", url: t.url },
    outro: ["Ce lien est personnel : ne le transférez pas."],
  }),
  en: (t) => ({
    subject: `Invitation to endorse: ${t.endorsed}`,
    intro: [
      `The Region invites ${t.endorser} to endorse "${t.endorsed}".`,
      "You will read what is endorsed, then write your statement and sign the endorsement (on Blason or with your own platform).",
    ],
    action: { label: "See the invitation", url: t.url },
    outro: ["This link is personal: do not forward it."],
  }),
};
