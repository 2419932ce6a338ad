import { randomUUID } from "node:crypto";
import {
  buildOpenBadgeCredential,
  generateIssuerKey,
  hashedIdentifier,
  signCredential,
} from "@blason/openbadges";

/** A partner's own badge platform: a did:key issuer, as outside Blason. */
export async function didKeyIssuer() {
  const key = await generateIssuerKey({ controller: "did:key:pending" });
  const did = `did:key:${key.publicKeyMultibase}`;
  return { did, key: { ...key, controller: did, id: `${did}#${key.publicKeyMultibase}` } };
}
export type DidKeyIssuer = Awaited<ReturnType<typeof didKeyIssuer>>;

/**
 * A badge of `achievement` for `email`, signed with `signer`'s key. The
 * credential names `issuer` (default: the signer itself), so that a test can
 * claim someone else's issuer with its own key.
 */
export async function signedPartnerBadge(options: {
  signer: DidKeyIssuer;
  achievement: string;
  email: string;
  issuedOn?: Date;
  issuer?: string;
  issuerName?: string;
  credentialStatus?: Record<string, unknown>;
}) {
  const unsigned = buildOpenBadgeCredential({
    id: `urn:uuid:${randomUUID()}`,
    issuer: { id: options.issuer ?? options.signer.did, name: options.issuerName ?? "Atelier" },
    achievement: {
      id: options.achievement,
      name: `Badge ${options.achievement.slice(-12)}`,
      description: "Un badge de l'atelier.",
      criteria: { narrative: "Observé en situation de travail." },
    },
    subject: { identifier: [hashedIdentifier("emailAddress", options.email, randomUUID())] },
    validFrom: options.issuedOn ?? new Date(),
    ...(options.credentialStatus ? { credentialStatus: options.credentialStatus } : {}),
  });
  return signCredential(unsigned, { key: options.signer.key });
}
