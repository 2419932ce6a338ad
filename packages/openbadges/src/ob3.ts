import { createHash, randomUUID } from "node:crypto";

/** A recipient identified by a hashed identifier (email, SIRET, UAI...), as OB 3.0 IdentityObject. */
export function hashedIdentifier(
  identityType: "emailAddress" | "identifier" | "sourcedId",
  value: string,
  salt: string,
) {
  return {
    type: "IdentityObject",
    identityType,
    hashed: true,
    identityHash: `sha256$${createHash("sha256")
      .update(value + salt)
      .digest("hex")}`,
    salt,
  };
}

export type BuildCredentialInput = {
  id?: string;
  issuer: {
    id: string;
    name: string;
    url?: string;
    email?: string;
    /** Signed EndorsementCredentials of the issuer, embedded as they are. */
    endorsement?: Record<string, unknown>[];
  };
  achievement: {
    id: string;
    name: string;
    description: string;
    criteria: { narrative: string; id?: string };
    image?: { id: string; caption?: string };
    alignment?: {
      targetName: string;
      targetUrl: string;
      targetCode?: string;
      targetFramework?: string;
    }[];
    achievementType?: string;
    /** Signed EndorsementCredentials of the achievement, embedded as they are. */
    endorsement?: Record<string, unknown>[];
  };
  subject: { id?: string; identifier?: ReturnType<typeof hashedIdentifier>[]; name?: string };
  validFrom: Date;
  validUntil?: Date;
  evidence?: { id: string; name?: string; narrative?: string }[];
  credentialStatus?: Record<string, unknown>;
};

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** An unsigned OpenBadgeCredential (VC 2.0, OB 3.0.3 context). */
export function buildOpenBadgeCredential(input: BuildCredentialInput): Record<string, unknown> {
  return {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: input.id ?? `urn:uuid:${randomUUID()}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: {
      id: input.issuer.id,
      type: ["Profile"],
      name: input.issuer.name,
      ...(input.issuer.url ? { url: input.issuer.url } : {}),
      ...(input.issuer.email ? { email: input.issuer.email } : {}),
      ...(input.issuer.endorsement?.length ? { endorsement: input.issuer.endorsement } : {}),
    },
    validFrom: iso(input.validFrom),
    ...(input.validUntil ? { validUntil: iso(input.validUntil) } : {}),
    name: input.achievement.name,
    credentialSubject: {
      type: ["AchievementSubject"],
      ...(input.subject.id ? { id: input.subject.id } : {}),
      ...(input.subject.identifier ? { identifier: input.subject.identifier } : {}),
      achievement: {
        id: input.achievement.id,
        type: ["Achievement"],
        name: input.achievement.name,
        description: input.achievement.description,
        criteria: input.achievement.criteria,
        ...(input.achievement.achievementType
          ? { achievementType: input.achievement.achievementType }
          : {}),
        ...(input.achievement.image
          ? { image: { ...input.achievement.image, type: "Image" } }
          : {}),
        ...(input.achievement.alignment
          ? { alignment: input.achievement.alignment.map((a) => ({ type: ["Alignment"], ...a })) }
          : {}),
        ...(input.achievement.endorsement?.length
          ? { endorsement: input.achievement.endorsement }
          : {}),
      },
    },
    ...(input.evidence
      ? { evidence: input.evidence.map((e) => ({ type: ["Evidence"], ...e })) }
      : {}),
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
  };
}
