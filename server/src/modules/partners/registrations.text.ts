/** Why a badge document is refused, and the notes the Region's emails carry (French: the partners'). */
export const registrationTexts = {
  notYourBlasonBadge: "Ce badge n'est pas l'un de ceux que votre structure délivre sur Blason.",
  unreadableUrl: (message: string) => `L'adresse n'a pas pu être lue (${message}).`,
  urlNotJson: "L'adresse ne renvoie pas de JSON.",
  pastedNotJson: "Le texte collé n'est pas du JSON valide.",
  issuerUnnamed:
    "Le badge ne dit pas qui le délivre : indiquez l'identifiant de votre émetteur (adresse ou DID).",
  equivalence: { one_for_one: "1 pour 1", three_for_one: "3 pour 1" },
  requalification: (target: string, equivalence: string, motivation: string) =>
    `${target}, ${equivalence} : ${motivation}`,
};

/** Why a badge document is not a badge class Blason can register (French: the partner's screen). */
export const documentTexts = {
  notAnObject: "Le document n'est pas un objet JSON.",
  noAchievement: "Ce badge OB 3.0 ne décrit pas son « achievement ».",
  notABadgeClass: "Ce n'est ni une BadgeClass Open Badges 2.0 ni un Achievement Open Badges 3.0.",
  noId: "Le badge n'a pas d'identifiant (id) sous forme d'adresse ou d'URN.",
  noName: "Le badge n'a pas de nom.",
  nameTooLong: "Le nom du badge est trop long.",
};
