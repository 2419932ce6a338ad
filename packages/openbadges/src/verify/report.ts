/**
 * Stable step ids: callers, the CLI and the web app key on them.
 * - parse: the input could be read (JSON, JWT, URL, PNG, SVG) within the size and depth caps
 * - format: which kind of badge it is (OB 3.0 Data Integrity or JWT, OB 2.0 hosted or signed)
 * - context: the JSON-LD contexts are bundled ones (never fetched)
 * - schema: the required structure (types, issuer, subject, achievement, dates)
 * - extensions: OB 2.0 extensions (their remote schemas are not checked)
 * - issuer: the issuer's profile as the issuer publishes it
 * - issuer_key: the signing key is one the issuer publishes
 * - signature: the proof or JWS matches the document
 * - ob2_hosted: the OB 2.0 assertion is published by its issuer, at an address the issuer allows
 * - validity_period: issued, not yet valid, expired
 * - status: revocation and suspension
 * - recipient_match: the badge was issued to the expected person
 * - endorsements: the embedded endorsements, each verified apart (never fails the badge)
 */
export type StepId =
  | "parse"
  | "format"
  | "context"
  | "schema"
  | "extensions"
  | "issuer"
  | "issuer_key"
  | "signature"
  | "ob2_hosted"
  | "validity_period"
  | "status"
  | "recipient_match"
  | "endorsements";

export type StepStatus = "passed" | "failed" | "not_applicable" | "warning";
export type Reason = { fr: string; en: string };
export type Step = {
  id: StepId;
  status: StepStatus;
  reason: Reason;
  details?: Record<string, unknown>;
};

/** What a verifier says of one embedded endorsement; never the badge's own verdict. */
export type EndorsementOutcome = "valid" | "revoked" | "unverifiable";
export type EndorsementCheck = {
  id?: string;
  /** Where it sits: the achievement's `endorsement`, or the issuer profile's. */
  of: "achievement" | "issuer";
  endorserId?: string;
  endorserName?: string;
  comment?: string;
  outcome: EndorsementOutcome;
  reason: Reason;
  /** Its own verification's steps (signature, status...), as for a badge. */
  steps: Step[];
};

export type CredentialFormat = "ob3-di" | "ob3-jwt" | "ob2-hosted" | "ob2-signed" | "unknown";

export type Summary = {
  /** The credential's own name, else the achievement's. */
  name?: string;
  achievementName?: string;
  /** The credential's own description, else the achievement's (the badge class's in OB 2.0). */
  description?: string;
  issuerId?: string;
  issuerName?: string;
  recipient?: string;
  /**
   * How the holder is identified, without the value: "emailAddress",
   * "identifier" (a SIRET, a UAI…), "url", "telephone", or "id" (the subject's
   * own DID or URL, given as `recipient`); hashed ones prove nothing until the
   * expected holder is given.
   */
  recipientIdentities?: { type: string; hashed: boolean }[];
  image?: string;
  /**
   * When it was awarded: OB 3.0's awardedDate, else VC 1.1's issuanceDate,
   * else VC 2.0's validFrom; OB 2.0's issuedOn.
   */
  issuedOn?: string;
  validFrom?: string;
  validUntil?: string;
};

export type VerificationReport = {
  verified: boolean;
  format: CredentialFormat;
  /** Where the credential came from: baked in an image, a URL, text. */
  source: "json" | "jwt" | "png" | "svg" | "url" | "unknown";
  credential?: Record<string, unknown>;
  summary: Summary;
  steps: Step[];
  /** Each embedded endorsement and what its own verification found. */
  endorsements?: EndorsementCheck[];
};

export const r = (fr: string, en: string): Reason => ({ fr, en });

const frDate = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Paris",
  }).format(new Date(iso));
const enDate = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Paris",
  }).format(new Date(iso));
export const dates = { fr: frDate, en: enDate };

/** A report is verified only when no step failed and the signature or the hosted check passed. */
export function finish(report: Omit<VerificationReport, "verified">): VerificationReport {
  const failed = report.steps.some((s) => s.status === "failed");
  const proven = report.steps.some(
    (s) => (s.id === "signature" || s.id === "ob2_hosted") && s.status === "passed",
  );
  return { ...report, verified: !failed && proven };
}
