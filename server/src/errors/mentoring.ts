/** Mentoring (parrainage): pairings, requests, the shared thread. Status, French message, English message. */
export const mentoringErrors = {
  MENTORING_NOT_CFA: [400, "Le parrainage se fait entre deux CFA.", "Mentoring pairs two CFAs."],
  MENTOR_CONFLICT_OF_INTEREST: [
    409,
    "Ce parrain appartient à la même organisation ou au même groupe que le filleul.",
    "This mentor belongs to the same organisation or group as the mentee.",
  ],
  MENTORING_DATES_INVALID: [
    400,
    "La fin du parrainage doit venir après son début.",
    "The pairing must end after it starts.",
  ],
  MENTEE_ALREADY_PAIRED: [
    409,
    "Ce CFA a déjà un parrainage en cours ou à venir.",
    "This CFA already has a current or upcoming pairing.",
  ],
  MENTORING_NOT_ACTIVE: [409, "Ce parrainage n'est pas en cours.", "This pairing is not running."],
  MENTORING_REQUEST_CLOSED: [
    409,
    "Cette demande de parrainage est déjà traitée.",
    "This mentoring request has already been dealt with.",
  ],
  MENTORING_ALREADY_REQUESTED: [
    409,
    "Une demande de parrainage de ce CFA attend déjà un parrain.",
    "A mentoring request from this CFA is already waiting for a mentor.",
  ],
} as const;
