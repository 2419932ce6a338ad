/** The catalogue editor: drafts, badges, equivalences, and CFAs' badge ideas. Status, French message, English message. */
export const catalogueErrors = {
  CATALOGUE_DRAFT_EXISTS: [
    409,
    "Un brouillon de collection existe déjà : modifiez-le ou abandonnez-le.",
    "A draft collection already exists: edit it or discard it.",
  ],
  CATALOGUE_VERSION_TAKEN: [409, "Cette version existe déjà.", "This version already exists."],
  CATALOGUE_NOT_DRAFT: [
    409,
    "Une collection publiée ne se modifie plus : créez un nouveau brouillon.",
    "A published collection can no longer change: create a new draft.",
  ],
  CATALOGUE_SLUG_TAKEN: [
    409,
    "Un autre badge de la collection a déjà cet identifiant.",
    "Another badge of the collection already has this identifier.",
  ],
  CATALOGUE_LABEL_FIXED: [
    409,
    "Le badge du label ne peut être ni retiré ni rendu obligatoire.",
    "The label's badge can be neither removed nor made required.",
  ],
  CATALOGUE_DRAFT_INVALID: [
    400,
    "Le brouillon ne peut pas être publié en l'état.",
    "The draft cannot be published as it is.",
  ],
  CATALOGUE_DRAFT_IN_USE: [
    409,
    "Des demandes ou des badges font référence à ce brouillon : il ne peut pas être abandonné.",
    "Applications or badges refer to this draft: it cannot be discarded.",
  ],
  EQUIVALENCE_SAME_BADGE: [
    400,
    "Un badge ne peut pas être son propre équivalent.",
    "A badge cannot be its own equivalent.",
  ],
  EQUIVALENCE_OTHER_PROGRAMME: [
    400,
    "Les deux badges doivent appartenir au même programme.",
    "Both badges must belong to the same programme.",
  ],
  EQUIVALENCE_NOT_A_BADGE: [
    400,
    "Le badge du label ne peut pas servir d'équivalence.",
    "The label's badge cannot be part of an equivalence.",
  ],
  EQUIVALENCE_NOT_NEWER: [
    400,
    "L'équivalence va d'un badge d'une collection publiée vers un badge d'une collection publiée plus récente.",
    "An equivalence goes from a badge of a published collection to one of a more recent published collection.",
  ],
  EQUIVALENCE_ALREADY_MAPPED: [
    409,
    "Ce badge a déjà un équivalent : retirez-le d'abord.",
    "This badge already has an equivalent: remove it first.",
  ],
  EQUIVALENCE_CYCLE: [
    400,
    "Cette équivalence bouclerait sur elle-même.",
    "This equivalence would loop back on itself.",
  ],
  IDEA_NOT_CFA: [
    400,
    "Seul un CFA propose des idées de badges.",
    "Only a CFA proposes badge ideas.",
  ],
  IDEA_ALREADY_DECIDED: [
    409,
    "Cette idée a déjà été retenue ou écartée.",
    "This idea was already adopted or declined.",
  ],
  // Programme 2: partner badge registrations.
} as const satisfies Record<string, readonly [number, string, string]>;
