/** Support requests between CFAs, and the programme's texts. Status, French message, English message. */
export const supportErrors = {
  SUPPORT_NOT_CFA: [
    400,
    "Seul un CFA (ou une UFA) demande conseil ou devient conseiller.",
    "Only a CFA (or a UFA) asks for advice or becomes an adviser.",
  ],
  SUPPORT_STATE_CHANGED: [
    409,
    "Cette demande a changé entre-temps : rechargez la page.",
    "This request changed in the meantime: reload the page.",
  ],
  SUPPORT_NOT_ALLOWED_NOW: [
    409,
    "Cette action n'est pas possible à ce stade de la demande.",
    "This action is not possible at this stage of the request.",
  ],
  SUPPORT_ADVISER_CONFLICTED: [
    409,
    "Ce conseiller appartient au CFA demandeur ou à son groupe : choisissez-en un autre.",
    "This adviser belongs to the asking CFA or its group: choose another one.",
  ],
  SUPPORT_ADVISER_UNAVAILABLE: [
    409,
    "Ce conseiller n'est pas disponible (inactif ou au complet).",
    "This adviser is not available (inactive or full).",
  ],
  SUPPORT_MEETING_PLACE_REQUIRED: [
    400,
    "Indiquez un lieu ou un lien de visioconférence.",
    "Give a place or a video link.",
  ],
  PROGRAMME_TEXT_UNKNOWN: [
    404,
    "Ce texte du programme n'existe pas.",
    "This programme text does not exist.",
  ],
} as const satisfies Record<string, readonly [number, string, string]>;
