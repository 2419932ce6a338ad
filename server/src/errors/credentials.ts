/** Issuing and answering badges. Status, French message, English message. */
export const credentialErrors = {
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
} as const satisfies Record<string, readonly [number, string, string]>;
