import { createHash } from "node:crypto";
import type { VerificationReport } from "@blason/openbadges";
import { stableStringify } from "../../lib/stable-json";
import type { PartnerBadgeFacts } from "./competences.rules";

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const idOf = (v: unknown) =>
  str(v) ?? (v && typeof v === "object" ? str((v as { id?: unknown }).id) : null);
const dateOf = (v: unknown) => {
  const s = str(v);
  const d = s ? new Date(s) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

export type ReportFacts = Omit<PartnerBadgeFacts, "partnerOrgId"> & {
  issuerIri: string | null;
  name: string | null;
};

/**
 * What the verifier's report says, as the facts the rules need. Failures of
 * status and dates are kept apart from the others: a revoked or expired
 * badge is authentic, and the earner is told which.
 */
export function factsFromReport(report: VerificationReport): ReportFacts {
  const doc = (report.credential ?? {}) as Record<string, unknown>;
  const failed = report.steps.filter((s) => s.status === "failed");
  const statusFailure = failed.find((s) => s.id === "status");
  const statusCode = statusFailure?.details?.code;
  const revoked = statusCode === "REVOKED" || statusCode === "SUSPENDED";
  const otherFailures = failed.filter(
    (s) =>
      s.id !== "recipient_match" && s.id !== "validity_period" && !(s.id === "status" && revoked),
  );
  const ob2 = report.format === "ob2-hosted" || report.format === "ob2-signed";
  const subject = (doc.credentialSubject ?? {}) as Record<string, unknown>;
  const assertionId = str(doc.id);
  return {
    assertionKey:
      assertionId ?? `sha256:${createHash("sha256").update(stableStringify(doc)).digest("hex")}`,
    verified: report.format !== "unknown" && otherFailures.length === 0,
    recipientMatches: report.steps.some((s) => s.id === "recipient_match" && s.status === "passed"),
    revoked,
    expiresAt: ob2 ? dateOf(doc.expires) : (dateOf(doc.validUntil) ?? dateOf(doc.expirationDate)),
    issuedOn: ob2 ? dateOf(doc.issuedOn) : (dateOf(doc.validFrom) ?? dateOf(doc.issuanceDate)),
    badgeClassIri: ob2 ? idOf(doc.badge) : idOf(subject.achievement),
    issuerIri: report.summary.issuerId ?? null,
    name: report.summary.achievementName ?? report.summary.name ?? null,
  };
}

/** What a received badge is keyed by: its verified issuer and id, else a hash of what came in. */
export function receivedKey(facts: ReportFacts, report: VerificationReport, input: unknown) {
  if (facts.verified && facts.issuerIri)
    return { issuerIri: facts.issuerIri, assertionKey: facts.assertionKey };
  const content =
    report.credential !== undefined
      ? stableStringify(report.credential)
      : input instanceof Uint8Array
        ? Buffer.from(input)
        : typeof input === "string"
          ? input
          : stableStringify(input);
  return {
    issuerIri: null,
    assertionKey: `unverified:sha256:${createHash("sha256").update(content).digest("hex")}`,
  };
}
