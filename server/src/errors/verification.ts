/** Uploads, the public verifier, limits and the unexpected. Status, French message, English message. */
export const verificationErrors = {
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
