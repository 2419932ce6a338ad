/** Partner structures: registrations, their issuers and own badges, API clients. Status, French message, English message. */
export const partnerErrors = {
  REGISTRATION_NOT_PARTNER: [
    400,
    "Seule une structure partenaire peut faire correspondre ses badges aux compétences régionales.",
    "Only a partner organisation can map its badges to the regional competences.",
  ],
  PARTNER_NOT_PARTICIPANT: [
    409,
    "Votre structure doit être participante de « La Normandie badge les compétences » pour délivrer ses badges sur Blason.",
    'Your organisation must be a participant of "La Normandie badge les compétences" to issue its badges on Blason.',
  ],
  ACCOUNT_IS_STAFF: [
    409,
    "Ce compte appartient à une structure ou a un rôle sur la plateforme : demandez d'abord à en être retiré.",
    "This account belongs to an organisation or has a platform role: ask to be removed from it first.",
  ],
  AWARD_CSV_EMPTY: [
    400,
    "Le fichier ne contient aucune adresse utilisable.",
    "The file holds no usable address.",
  ],
  AWARD_CSV_TOO_LARGE: [
    413,
    "Le fichier dépasse 5 000 personnes : découpez-le en plusieurs envois.",
    "The file has more than 5,000 people: split it into several uploads.",
  ],
  REGISTRATION_DOCUMENT_INVALID: [
    400,
    "Le badge indiqué n'a pas pu être lu.",
    "The badge given could not be read.",
  ],
  REGISTRATION_TARGET_UNKNOWN: [
    400,
    "Cette compétence ou ce niveau n'existe pas parmi les badges régionaux.",
    "This competence or level is not among the regional badges.",
  ],
  REGISTRATION_DUPLICATE: [
    409,
    "Ce badge est déjà déposé ou validé pour votre structure.",
    "This badge is already submitted or approved for your organisation.",
  ],
  REGISTRATION_TRANSITION_REFUSED: [
    409,
    "Cette action n'est pas possible à ce stade du dépôt.",
    "This action is not possible at this stage of the registration.",
  ],
  // A registration proves that the partner controls the issuer it names.
  REGISTRATION_ISSUER_MISMATCH: [
    400,
    "L'émetteur indiqué n'est pas celui que nomme le badge : laissez le champ vide ou corrigez-le.",
    "The issuer given is not the one the badge names: leave the field empty or correct it.",
  ],
  REGISTRATION_ISSUER_NOT_YOURS: [
    403,
    "Cet émetteur est celui d'une autre structure sur Blason : vous ne pouvez déposer que vos propres badges.",
    "This issuer belongs to another organisation on Blason: you can only register your own badges.",
  ],
  REGISTRATION_PROOF_REQUIRED: [
    400,
    "Prouvez que ce badge est le vôtre : délivrez-le depuis votre plateforme à votre adresse de preuve, puis donnez ce badge (adresse, JSON, JWT ou image).",
    "Prove this badge is yours: issue it from your platform to your proof address, then give that badge (URL, JSON, JWT or image).",
  ],
  REGISTRATION_PROOF_NOT_VERIFIED: [
    400,
    "Le badge de preuve n'a pas pu être vérifié : sa signature ou son émetteur ne sont pas authentiques.",
    "The proof badge could not be verified: its signature or issuer is not authentic.",
  ],
  REGISTRATION_PROOF_WRONG_ISSUER: [
    400,
    "Le badge de preuve n'est pas signé par l'émetteur que nomme votre badge.",
    "The proof badge is not signed by the issuer your badge names.",
  ],
  REGISTRATION_PROOF_WRONG_BADGE: [
    400,
    "Le badge de preuve n'est pas un exemplaire du badge que vous déposez.",
    "The proof badge is not an instance of the badge you are registering.",
  ],
  REGISTRATION_PROOF_WRONG_RECIPIENT: [
    400,
    "Le badge de preuve doit être délivré à l'adresse de preuve de votre structure, pas à une autre personne.",
    "The proof badge must be issued to your organisation's proof address, not to someone else.",
  ],
  // A partner's key pushes only the badges its own issuer signed.
  PARTNER_BADGE_NOT_VERIFIED: [
    400,
    "Ce badge n'a pas pu être vérifié (signature, émetteur ou format) : rien n'a été enregistré.",
    "This badge could not be verified (signature, issuer or format): nothing was recorded.",
  ],
  PARTNER_BADGE_ISSUER_NOT_YOURS: [
    403,
    "Ce badge n'est pas signé par un émetteur de votre structure : votre clé ne peut envoyer que vos propres badges.",
    "This badge is not signed by an issuer of your organisation: your key can only push your own badges.",
  ],
  PARTNER_BADGE_RECIPIENT_MISMATCH: [
    400,
    "Ce badge n'a pas été délivré à l'adresse indiquée : rien n'a été enregistré.",
    "This badge was not issued to the address given: nothing was recorded.",
  ],
  EMAIL_NOT_VERIFIED: [
    403,
    "Confirmez d'abord votre adresse e-mail : c'est elle qui prouve que les badges sont à vous.",
    "Confirm your email address first: it is what proves the badges are yours.",
  ],
  API_CLIENT_INVALID: [
    401,
    "Clé d'API absente, inconnue ou révoquée.",
    "Missing, unknown or revoked API key.",
  ],
  // The label: requests, checks, decisions.
} as const satisfies Record<string, readonly [number, string, string]>;
