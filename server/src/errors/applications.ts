/** The label, applications and their review. Status, French message, English message. */
export const applicationErrors = {
  LABEL_NOT_ELIGIBLE: [
    409,
    "La règle du label n'est pas remplie : il manque des badges valides, ou l'un des badges obligatoires.",
    "The label rule is not met: valid badges are missing, or one of the required badges.",
  ],
  LABEL_ALREADY_HELD: [
    409,
    "Le CFA détient déjà le label ; son renouvellement s'ouvre six mois avant son échéance.",
    "The CFA already holds the label; its renewal opens six months before it ends.",
  ],
  LABEL_REQUEST_PENDING: [
    409,
    "Une demande de label est déjà en cours pour ce CFA.",
    "A label request is already pending for this CFA.",
  ],
  LABEL_REQUEST_DECIDED: [
    409,
    "Cette demande de label a déjà été traitée.",
    "This label request was already dealt with.",
  ],
  APPLICATION_RENEWAL_EXTRA_MISSING: [
    400,
    "Un renouvellement demande de répondre à la question propre au renouvellement de ce badge avant l'envoi.",
    "A renewal needs an answer to this badge's renewal question before sending.",
  ],
  APPLICATION_INCOMPLETE: [
    400,
    "Chaque critère attend une réponse, un lien ou un fichier avant l'envoi.",
    "Every criterion needs an answer, a link or a file before sending.",
  ],
  APPLICATION_ALREADY_DECIDED: [
    409,
    "Cette demande est déjà close : elle ne peut plus changer.",
    "This application is closed: it can no longer change.",
  ],
  APPLICATION_TRANSITION_NOT_ALLOWED: [
    409,
    "Cette action n'est pas possible à cette étape de la demande.",
    "This action is not possible at this stage of the application.",
  ],
  APPLICATION_CHANGED: [
    409,
    "Cette demande vient d'être modifiée par quelqu'un d'autre : rechargez la page, puis recommencez.",
    "Someone else has just changed this application: reload the page, then try again.",
  ],
  APPLICATION_WRONG_ACTOR: [
    403,
    "Cette action revient à une autre personne.",
    "This action belongs to someone else.",
  ],
  BADGE_ALREADY_HELD: [
    409,
    "Votre organisation détient déjà ce badge et il est encore valable : une nouvelle demande ne sera possible qu'en renouvellement, dans les six mois qui précèdent son échéance.",
    "Your organisation already holds this badge and it is still valid: a new application will only be possible as a renewal, in the six months before it ends.",
  ],
  BADGE_RENEWAL_DUE: [
    409,
    "Votre organisation détient ce badge et il arrive à échéance : demandez son renouvellement plutôt qu'une première attribution.",
    "Your organisation holds this badge and it is about to end: apply for its renewal rather than a first award.",
  ],
  APPLICATION_EXISTS: [
    409,
    "Une demande est déjà en cours pour ce badge.",
    "An application is already in progress for this badge.",
  ],
  NO_OPEN_SESSION: [
    409,
    "Aucune session de commission n'est ouverte pour l'instant : l'envoi sera possible dès la publication du prochain calendrier.",
    "No commission session is open at the moment: sending will be possible once the next calendar is published.",
  ],
  REVIEW_PANEL_INVALID: [
    409,
    "Ce choix de relecteurs n'est pas possible.",
    "This choice of reviewers is not possible.",
  ],
  REVIEW_ALREADY_SUBMITTED: [
    409,
    "Votre relecture est rendue : elle ne peut plus être modifiée. Si elle doit changer, demandez à la Région de la rouvrir.",
    "Your review is in: it can no longer be changed. If it must change, ask the Region to reopen it.",
  ],
  REVIEW_NOT_SUBMITTED: [
    409,
    "Cette relecture n'est pas encore rendue : il n'y a rien à rouvrir.",
    "This review has not been submitted yet: there is nothing to reopen.",
  ],
  REVIEW_NOT_ASSIGNED: [
    409,
    "Vous n'êtes pas (ou plus) relecteur ou relectrice de cette demande.",
    "You are not (or no longer) a reviewer of this application.",
  ],
} as const satisfies Record<string, readonly [number, string, string]>;
