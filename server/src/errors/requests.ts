/** A request, an account, an organisation and its members. Status, French message, English message. */
export const requestErrors = {
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
} as const satisfies Record<string, readonly [number, string, string]>;
