export type Locale = "fr" | "en";

/**
 * Every error the API can answer, with its HTTP status and its message in
 * both languages. Domain code throws `AppError(code)`; one handler maps it.
 */
const catalogue = {
  VALIDATION_FAILED: [400, "Certaines informations sont invalides.", "Some fields are invalid."],
  TOKEN_INVALID_OR_EXPIRED: [
    400,
    "Ce lien n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau.",
    "This link is no longer valid: it has expired or was already used. Ask for a new one.",
  ],
  PASSWORD_TOO_WEAK: [
    400,
    "Le mot de passe doit contenir au moins 12 caractères.",
    "The password must be at least 12 characters long.",
  ],
  PASSWORD_TOO_COMMON: [
    400,
    "Ce mot de passe est trop facile à deviner : il figure parmi les mots de passe courants ou divulgués, ou suit un motif (suite de clavier, répétition, date, votre nom). Choisissez une phrase de plusieurs mots.",
    "This password is too easy to guess: it is among common or breached passwords, or follows a pattern (keyboard run, repetition, date, your name). Choose a phrase of several words.",
  ],
  UNAUTHENTICATED: [401, "Veuillez vous connecter.", "Please sign in."],
  INVALID_CREDENTIALS: [
    401,
    "Adresse e-mail ou mot de passe incorrect.",
    "Incorrect email address or password.",
  ],
  CSRF_TOKEN_INVALID: [
    403,
    "La requête a été refusée par sécurité. Rechargez la page et réessayez.",
    "The request was refused for security reasons. Reload the page and try again.",
  ],
  HOST_NOT_ALLOWED: [
    400,
    "Ce serveur ne répond qu'à son adresse publique : ouvrez Blason à l'adresse habituelle.",
    "This server only answers at its public address: open Blason at its usual address.",
  ],
  FORBIDDEN: [403, "Vous n'avez pas le droit de faire cela.", "You are not allowed to do that."],
  NOT_FOUND: [404, "Cette page ou cet élément n'existe pas.", "This page or item does not exist."],
  EMAIL_ALREADY_MEMBER: [
    409,
    "Cette personne est déjà membre de l'organisation.",
    "This person is already a member of the organisation.",
  ],
  INVITATION_EMAIL_MISMATCH: [
    409,
    "Cette invitation a été envoyée à une autre adresse e-mail. Déconnectez-vous puis rouvrez le lien.",
    "This invitation was sent to another email address. Sign out, then open the link again.",
  ],
  ACCOUNT_EXISTS_SIGN_IN: [
    409,
    "Un compte existe déjà pour cette adresse. Connectez-vous, puis rouvrez le lien d'invitation.",
    "An account already exists for this address. Sign in, then open the invitation link again.",
  ],
  LAST_ADMIN: [
    409,
    "L'organisation doit garder au moins un administrateur.",
    "The organisation must keep at least one administrator.",
  ],
  LAST_PLATFORM_ADMIN: [
    409,
    "La plateforme doit garder au moins un administrateur.",
    "The platform must keep at least one administrator.",
  ],
  SIRET_TAKEN: [
    409,
    "Une organisation utilise déjà ce SIRET.",
    "An organisation already uses this SIRET.",
  ],
  UAI_TAKEN: [
    409,
    "Une organisation utilise déjà ce code UAI.",
    "An organisation already uses this UAI code.",
  ],
  PARENT_INVALID: [
    400,
    "Une UFA doit être rattachée à un CFA.",
    "A UFA (site) must belong to a CFA.",
  ],
  PAYLOAD_TOO_LARGE: [
    413,
    "Le contenu envoyé est trop volumineux.",
    "The content sent is too large.",
  ],
  ISSUER_MISSING: [
    409,
    "Aucune organisation de type Région n'est enregistrée : elle seule peut signer les badges.",
    "No Region organisation is registered: only it can sign badges.",
  ],
  STATUS_LIST_UNAVAILABLE: [
    503,
    "Aucune liste de statut ne peut accueillir ce badge pour le moment. Réessayez plus tard.",
    "No status list can take this badge right now. Try again later.",
  ],
  CREDENTIAL_ALREADY_REVOKED: [409, "Ce badge est déjà révoqué.", "This badge is already revoked."],
  CLAIM_ALREADY_ANSWERED: [
    409,
    "Ce badge a déjà été accepté ou refusé.",
    "This badge was already accepted or declined.",
  ],
  // The catalogue, edited by managers.
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
  FILE_TYPE_REFUSED: [
    415,
    "Ce type de fichier n'est pas accepté : envoyez un PDF, une image (PNG, JPEG), un document bureautique (Word, Excel, PowerPoint, OpenDocument) ou un texte.",
    "This file type is not accepted: send a PDF, an image (PNG, JPEG), an office document (Word, Excel, PowerPoint, OpenDocument) or a text file.",
  ],
  FILE_TOO_LARGE: [
    413,
    "Ce fichier dépasse 10 Mo. Réduisez-le ou déposez un lien vers le document.",
    "This file is over 10 MB. Make it smaller or give a link to the document.",
  ],
  VERIFY_EMPTY: [
    400,
    "Donnez un badge à vérifier : un fichier PNG ou SVG, un lien, ou le texte du badge (JSON ou JWT).",
    "Give a badge to verify: a PNG or SVG file, a link, or the badge's text (JSON or JWT).",
  ],
  VERIFY_RECIPIENT_INVALID: [
    400,
    "Le titulaire attendu doit être une adresse e-mail, un SIRET (14 chiffres) ou un UAI (7 chiffres et une lettre).",
    "The expected holder must be an email address, a SIRET (14 digits) or a UAI (7 digits and a letter).",
  ],
  RATE_LIMITED: [
    429,
    "Trop de tentatives. Patientez quelques minutes avant de réessayer.",
    "Too many attempts. Wait a few minutes before trying again.",
  ],
  BADGE_NOT_STORABLE: [
    400,
    "Ce badge contient un caractère nul (U+0000) : Blason ne peut pas le conserver. Demandez à son émetteur une version corrigée.",
    "This badge holds a NUL character (U+0000): Blason cannot keep it. Ask its issuer for a corrected version.",
  ],
  SERVICE_BUSY: [
    503,
    "Blason vérifie beaucoup de badges en ce moment. Réessayez dans quelques secondes.",
    "Blason is verifying many badges right now. Try again in a few seconds.",
  ],
  INTERNAL: [
    500,
    "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, contactez l'équipe.",
    "An unexpected error occurred. Try again; if it persists, contact the team.",
  ],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    readonly details?: string,
  ) {
    super(details ?? code);
    this.name = "AppError";
  }
}

/** Too many attempts: the answer (429) says in Retry-After when to try again. */
export class RateLimitError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED");
    this.name = "RateLimitError";
  }
}

export function codeToStatus(code: ErrorCode): number {
  return catalogue[code][0];
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const entry = catalogue[code];
  return locale === "en" ? entry[2] : entry[1];
}

/** A French error message, as stored with a record, in `locale`; undefined when it is not one. */
export function translateErrorMessage(french: string, locale: Locale): string | undefined {
  for (const entry of Object.values(catalogue) as (readonly [number, string, string])[])
    if (entry[1] === french) return locale === "en" ? entry[2] : entry[1];
  return undefined;
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(catalogue, value);
}
