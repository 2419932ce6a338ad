export type StepId =
  | "parse"
  | "format"
  | "context"
  | "schema"
  | "signature"
  | "issuer_key"
  | "validity_period"
  | "status"
  | "recipient_match"
  | "hosted";

export type StepStatus = "passed" | "failed" | "not_applicable" | "warning";
export type Reason = { fr: string; en: string };
export type Step = {
  id: StepId;
  status: StepStatus;
  reason: Reason;
  details?: Record<string, unknown>;
};

export type CredentialFormat = "ob3-di" | "ob3-jwt" | "ob2-hosted" | "ob2-signed" | "unknown";

export type Summary = {
  name?: string;
  achievementName?: string;
  issuerId?: string;
  issuerName?: string;
  recipient?: string;
  image?: string;
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

/** A report is verified only when no step failed and the signature or hosted check passed. */
export function finish(report: Omit<VerificationReport, "verified">): VerificationReport {
  const failed = report.steps.some((s) => s.status === "failed");
  const proven = report.steps.some(
    (s) => (s.id === "signature" || s.id === "hosted") && s.status === "passed",
  );
  return { ...report, verified: !failed && proven };
}
