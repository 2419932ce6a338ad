import type { RegistrationState, RegistrationTarget } from "../../db/schema";
import { documentTexts as texts } from "./registrations.text";

/** What Blason keeps of a partner's badge class, read from its own document. */
export type BadgeClassSummary = {
  iri: string;
  name: string;
  description: string;
  image: string | null;
  version: "2.0" | "3.0";
  /** The issuer the document names (OB 2.0 issuer, OB 3.0 creator or credential issuer). */
  issuerIri: string | null;
};

export type ReadFailure = { ok: false; code: "REGISTRATION_DOCUMENT_INVALID"; reason: string };

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const types = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((t) => typeof t === "string")
    : typeof value === "string"
      ? [value]
      : [];
const isHttpUrl = (value: string) => /^https?:\/\/[^\s]+$/i.test(value);

/** An IRI given as a string or as an object's id. */
function idOf(value: unknown): string | null {
  const id =
    typeof value === "string"
      ? value.trim()
      : value && typeof value === "object"
        ? text((value as { id?: unknown }).id)
        : "";
  return /^(https?:\/\/|did:|urn:)/i.test(id) ? id : null;
}

function imageOf(value: unknown): string | null {
  if (typeof value === "string") return isHttpUrl(value) ? value : null;
  if (value && typeof value === "object") {
    const id = text((value as { id?: unknown }).id);
    return isHttpUrl(id) ? id : null;
  }
  return null;
}

/**
 * Reads an OB 2.0 BadgeClass, an OB 3.0 Achievement, or an OB 3.0 credential
 * (its achievement is taken): the badge class a partner registers. Pure; the
 * reason is in French for the partner's screen.
 */
export function readBadgeClass(document: unknown): BadgeClassSummary | ReadFailure {
  const fail = (reason: string): ReadFailure => ({
    ok: false,
    code: "REGISTRATION_DOCUMENT_INVALID",
    reason,
  });
  if (!document || typeof document !== "object" || Array.isArray(document))
    return fail(texts.notAnObject);
  let node = document as Record<string, unknown>;
  const nodeTypes = types(node.type);
  let credentialIssuer: unknown = null;
  if (nodeTypes.includes("VerifiableCredential") || nodeTypes.includes("OpenBadgeCredential")) {
    credentialIssuer = node.issuer;
    const subject = node.credentialSubject as Record<string, unknown> | undefined;
    const achievement = subject?.achievement;
    if (!achievement || typeof achievement !== "object") return fail(texts.noAchievement);
    node = achievement as Record<string, unknown>;
  }
  const kind = types(node.type);
  const version = kind.includes("BadgeClass") ? "2.0" : kind.includes("Achievement") ? "3.0" : null;
  if (!version) return fail(texts.notABadgeClass);
  const iri = text(node.id);
  if (!iri || !/^(https?:\/\/|urn:|did:)/i.test(iri)) return fail(texts.noId);
  const name = text(node.name);
  if (!name) return fail(texts.noName);
  if (name.length > 300) return fail(texts.nameTooLong);
  return {
    iri,
    name,
    description: text(node.description).slice(0, 4000),
    image: imageOf(node.image),
    version,
    issuerIri: idOf(version === "2.0" ? node.issuer : (node.creator ?? credentialIssuer)),
  };
}

/** What the verifier said of the credential a partner hands in to prove its issuer. */
export type ProofFacts = {
  verified: boolean;
  issuerIri: string | null;
  badgeClassIri: string | null;
  /** Issued to the partner's proof address. */
  recipientMatches: boolean;
};

export type IssuerClaimFailure =
  | "REGISTRATION_DOCUMENT_INVALID"
  | "REGISTRATION_ISSUER_MISMATCH"
  | "REGISTRATION_ISSUER_NOT_YOURS";
export type ProofFailure =
  | "REGISTRATION_PROOF_REQUIRED"
  | "REGISTRATION_PROOF_NOT_VERIFIED"
  | "REGISTRATION_PROOF_WRONG_ISSUER"
  | "REGISTRATION_PROOF_WRONG_BADGE"
  | "REGISTRATION_PROOF_WRONG_RECIPIENT";

/**
 * The issuer a registration names, and whether the partner must still prove
 * it controls it. The document's issuer counts, or the one the partner typed
 * when the document names none (never one that contradicts it). The
 * partner's own issuer on Blason needs no proof; any other issuer Blason
 * hosts (the Region's, another organisation's) is never the partner's.
 */
export function claimedIssuer(input: {
  named: string | null;
  typed: string | null;
  own: string;
  hostedByBlason: (iri: string) => boolean;
}): { ok: true; issuerIri: string; needsProof: boolean } | { ok: false; code: IssuerClaimFailure } {
  if (input.named && input.typed && input.named !== input.typed)
    return { ok: false, code: "REGISTRATION_ISSUER_MISMATCH" };
  const issuerIri = input.named ?? input.typed;
  if (!issuerIri) return { ok: false, code: "REGISTRATION_DOCUMENT_INVALID" };
  if (issuerIri === input.own) return { ok: true, issuerIri, needsProof: false };
  if (input.hostedByBlason(issuerIri)) return { ok: false, code: "REGISTRATION_ISSUER_NOT_YOURS" };
  return { ok: true, issuerIri, needsProof: true };
}

/**
 * Whether a credential proves that the partner controls an issuer: it
 * verifies, that issuer signed it, it is an instance of the badge class
 * registered, and it was issued to the partner's own proof address (a
 * credential issued to someone else could be anybody's copy). The first
 * failure, or null.
 */
export function judgeIssuerProof(
  proof: ProofFacts | null,
  expected: { issuerIri: string; badgeClassIri: string },
): ProofFailure | null {
  if (!proof) return "REGISTRATION_PROOF_REQUIRED";
  if (!proof.verified) return "REGISTRATION_PROOF_NOT_VERIFIED";
  if (proof.issuerIri !== expected.issuerIri) return "REGISTRATION_PROOF_WRONG_ISSUER";
  if (proof.badgeClassIri !== expected.badgeClassIri) return "REGISTRATION_PROOF_WRONG_BADGE";
  if (!proof.recipientMatches) return "REGISTRATION_PROOF_WRONG_RECIPIENT";
  return null;
}

export type RegistrationEvent =
  | { kind: "approve" }
  | { kind: "refuse" }
  | { kind: "requalify" }
  | { kind: "accept_proposal" }
  | { kind: "refuse_proposal" }
  | { kind: "withdraw" };

/**
 * The life of a registration. The manager approves, refuses or proposes a
 * requalification; the partner accepts the proposal (approved as requalified)
 * or refuses it (back to the manager); the partner may withdraw until
 * approval. Approved and refused are final: a change is a new registration.
 */
export function nextRegistrationState(
  state: RegistrationState,
  event: RegistrationEvent["kind"],
): RegistrationState | null {
  switch (state) {
    case "submitted":
      return event === "approve"
        ? "approved"
        : event === "refuse"
          ? "refused"
          : event === "requalify"
            ? "requalification_proposed"
            : event === "withdraw"
              ? "withdrawn"
              : null;
    case "requalification_proposed":
      return event === "accept_proposal"
        ? "approved"
        : event === "refuse_proposal"
          ? "submitted"
          : event === "withdraw"
            ? "withdrawn"
            : event === "refuse"
              ? "refused"
              : null;
    default:
      return null;
  }
}

export function sameTarget(a: RegistrationTarget, b: RegistrationTarget) {
  return a.family === b.family && a.level === b.level && a.equivalence === b.equivalence;
}
