import { randomUUID } from "node:crypto";

export type BuildEndorsementInput = {
  id?: string;
  issuer: { id: string; name: string; url?: string; email?: string };
  /** What is endorsed: an Achievement's id, or an issuer Profile's id. */
  subjectId: string;
  /** What the endorser says of it. */
  comment: string;
  name: string;
  validFrom: Date;
  credentialStatus?: Record<string, unknown>;
};

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** An unsigned EndorsementCredential (VC 2.0, OB 3.0.3 context). */
export function buildEndorsementCredential(input: BuildEndorsementInput): Record<string, unknown> {
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: input.id ?? `urn:uuid:${randomUUID()}`,
    type: ["VerifiableCredential", "EndorsementCredential"],
    name: input.name,
    issuer: {
      id: input.issuer.id,
      type: ["Profile"],
      name: input.issuer.name,
      ...(input.issuer.url ? { url: input.issuer.url } : {}),
      ...(input.issuer.email ? { email: input.issuer.email } : {}),
    },
    validFrom: iso(input.validFrom),
    credentialSubject: {
      id: input.subjectId,
      type: ["EndorsementSubject"],
      endorsementComment: input.comment,
    },
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
  };
}
