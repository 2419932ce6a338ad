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
