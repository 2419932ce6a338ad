/** Why a partner badge does not count: the codes, and the sentences the earner reads. */

export const refusalCodes = [
  "NOT_VERIFIED",
  "RECIPIENT_MISMATCH",
  "REVOKED",
  "EXPIRED",
  "NO_ISSUE_DATE",
  "ISSUER_UNKNOWN",
  "ISSUER_NOT_PARTICIPANT",
  "NOT_REGISTERED",
  "ISSUED_BEFORE_APPROVAL",
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export const refusalReasons: Record<RefusalCode, { fr: string; en: string }> = {
  NOT_VERIFIED: {
    fr: "Ce badge n'a pas pu être vérifié : sa signature ou son émetteur ne sont pas authentiques.",
    en: "This badge could not be verified: its signature or issuer is not authentic.",
  },
  RECIPIENT_MISMATCH: {
    fr: "Ce badge a été délivré à une autre personne que vous.",
    en: "This badge was awarded to someone other than you.",
  },
  REVOKED: { fr: "Ce badge a été retiré par son émetteur.", en: "Its issuer withdrew this badge." },
  EXPIRED: {
    fr: "Ce badge n'est plus valide : il a expiré.",
    en: "This badge is no longer valid: it expired.",
  },
  NO_ISSUE_DATE: {
    fr: "Ce badge ne dit pas quand il a été délivré.",
    en: "This badge does not say when it was awarded.",
  },
  ISSUER_UNKNOWN: {
    fr: "Son émetteur n'est pas une structure partenaire de la démarche régionale.",
    en: "Its issuer is not a partner of the regional scheme.",
  },
  ISSUER_NOT_PARTICIPANT: {
    fr: "Son émetteur n'était pas encore (ou plus) participant à la démarche le jour où il l'a délivré.",
    en: "Its issuer was not (or no longer) a participant in the scheme on the day it awarded it.",
  },
  NOT_REGISTERED: {
    fr: "Ce badge ne correspond à aucune compétence régionale validée par la Région.",
    en: "This badge matches no regional competence approved by the Region.",
  },
  ISSUED_BEFORE_APPROVAL: {
    fr: "Ce badge a été délivré avant que la Région valide sa correspondance : il ne compte pas (pas de rétroactivité).",
    en: "This badge was awarded before the Region approved its mapping: it does not count (no retroactivity).",
  },
};

/** Why a partner badge does not count, in the reader's language (null for an unknown code). */
export function refusalReason(code: string | null, locale: "fr" | "en"): string | null {
  return code && Object.hasOwn(refusalReasons, code)
    ? refusalReasons[code as RefusalCode][locale]
    : null;
}
