/** Endorsements: invitations, signing, uploads, withdrawal. Status, French message, English message. */
export const endorsementErrors = {
  ENDORSEMENT_TARGET_INVALID: [
    400,
    "Choisissez un badge régional ou du label, ou la Région comme émetteur.",
    "Choose a regional or label badge, or the Region as issuer.",
  ],
  ENDORSEMENT_ENDORSER_INVALID: [
    400,
    "L'approbateur est une structure de Blason, ou un émetteur externe identifié par did:web, did:key ou une adresse https.",
    "The endorser is an organisation on Blason, or an external issuer identified by did:web, did:key or an https address.",
  ],
  ENDORSEMENT_NOT_OPEN: [
    409,
    "Cette approbation n'attend plus de signature.",
    "This endorsement no longer awaits a signature.",
  ],
  ENDORSEMENT_NOT_PUBLISHED: [
    409,
    "Cette approbation n'est pas publiée.",
    "This endorsement is not published.",
  ],
  ENDORSEMENT_SIGNER_EXTERNAL: [
    409,
    "Un approbateur externe dépose une approbation signée par sa propre plateforme.",
    "An external endorser uploads an endorsement signed by its own platform.",
  ],
  ENDORSEMENT_UPLOAD_INVALID: [
    400,
    "L'approbation déposée n'a pas pu être vérifiée.",
    "The uploaded endorsement could not be verified.",
  ],
  ENDORSEMENT_UPLOAD_MISMATCH: [
    400,
    "L'approbation déposée doit être émise par l'approbateur invité et porter sur ce qui est approuvé.",
    "The uploaded endorsement must be issued by the invited endorser and be about what is endorsed.",
  ],
} as const satisfies Record<string, readonly [number, string, string]>;
