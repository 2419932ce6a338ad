/** The OAuth 2.0 server and the Open Badges 3.0 API. Status, French message, English message. */
export const oauthErrors = {
  OB3_TOKEN_INVALID: [
    401,
    "Le jeton d'accès manque, a expiré ou a été révoqué.",
    "The access token is missing, expired or revoked.",
  ],
  OB3_SCOPE_MISSING: [
    403,
    "Le jeton d'accès ne donne pas ce droit (portée manquante).",
    "The access token does not grant this (missing scope).",
  ],
  OB3_CREDENTIAL_NOT_VERIFIED: [
    400,
    "Ce badge ne se vérifie pas : il n'a pas été enregistré.",
    "This badge does not verify: it was not stored.",
  ],
} as const;
