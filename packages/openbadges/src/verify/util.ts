import { createHash } from "node:crypto";
import type { DocumentLoader } from "../contexts";
import type { Fetcher } from "../fetch";
import type { Limits } from "../limits";
import { parseJson } from "./input";
import { dates, type Reason, r, type Step } from "./report";

/** Options once defaults are applied: one fetcher and one loader per verification. */
export type Context = {
  fetcher: Fetcher;
  documentLoader: DocumentLoader;
  now: Date;
  limits: Limits;
  recipient?: ExpectedRecipient;
  /** An embedded endorsement being checked: its own endorsements are not followed. */
  nested?: boolean;
};

/** Who the badge should have been issued to: an email address, a SIRET, a UAI, or an identifier (DID, URL). */
export type ExpectedRecipient = { email?: string; id?: string; siret?: string; uai?: string };

export const asArray = (v: unknown): unknown[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const typesOf = (v: unknown): string[] =>
  asArray(obj(v)?.type).filter((t): t is string => typeof t === "string");
export const idOf = (v: unknown): string | undefined => str(v) ?? str(obj(v)?.id);
export const isHttpUrl = (v: unknown): v is string =>
  typeof v === "string" && /^https?:\/\/[^\s/]+/i.test(v);

/** A remote JSON document through the fetcher, with the same bounds as the input (else null). */
export async function fetchJson(fetcher: Fetcher, url: string) {
  const result = await fetcher(url);
  return { result, json: result.ok ? parseJson(result.text) : null };
}

/** validFrom in the future: not yet valid; validUntil past: expired. Each with its own code. */
export function validityStep(
  validFrom: string | undefined,
  validUntil: string | undefined,
  now: Date,
): Step {
  if (validFrom && Date.parse(validFrom) > now.getTime())
    return {
      id: "validity_period",
      status: "failed",
      reason: r(
        `Le badge n'est valable qu'à partir du ${dates.fr(validFrom)}.`,
        `The badge is only valid from ${dates.en(validFrom)}.`,
      ),
      details: { code: "NOT_YET_VALID", validFrom },
    };
  if (validUntil && Date.parse(validUntil) <= now.getTime())
    return {
      id: "validity_period",
      status: "failed",
      reason: r(
        `Le badge a expiré le ${dates.fr(validUntil)}.`,
        `The badge expired on ${dates.en(validUntil)}.`,
      ),
      details: { code: "EXPIRED", validUntil },
    };
  if (validUntil)
    return {
      id: "validity_period",
      status: "passed",
      reason: r(
        `Valable jusqu'au ${dates.fr(validUntil)}.`,
        `Valid until ${dates.en(validUntil)}.`,
      ),
    };
  return {
    id: "validity_period",
    status: "passed",
    reason: r("Le badge n'a pas de date de fin.", "The badge has no end date."),
  };
}

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

type Expected = { kind: "email" | "siret" | "uai" | "id"; value: string; forms: string[] };

/** Each expected value with the forms an issuer may have written (or hashed) it in. */
function expectedForms(recipient: ExpectedRecipient | undefined): Expected[] {
  const email = recipient?.email?.trim().toLowerCase();
  const siret = recipient?.siret?.trim();
  const uai = recipient?.uai?.trim().toUpperCase();
  const id = recipient?.id?.trim();
  return [
    ...(email ? [{ kind: "email" as const, value: email, forms: [email, `mailto:${email}`] }] : []),
    ...(siret ? [{ kind: "siret" as const, value: siret, forms: [`SIRET:${siret}`, siret] }] : []),
    ...(uai ? [{ kind: "uai" as const, value: uai, forms: [`UAI:${uai}`, uai] }] : []),
    ...(id ? [{ kind: "id" as const, value: id, forms: [id] }] : []),
  ];
}

const matchedReason: Record<Expected["kind"], (v: string) => Reason> = {
  email: (v) =>
    r(`Le badge a bien été délivré à l'adresse ${v}.`, `The badge was indeed issued to ${v}.`),
  siret: (v) =>
    r(
      `Le badge a bien été délivré à l'organisation de SIRET ${v}.`,
      `The badge was indeed issued to the organisation with SIRET ${v}.`,
    ),
  uai: (v) =>
    r(
      `Le badge a bien été délivré à l'établissement d'UAI ${v}.`,
      `The badge was indeed issued to the institution with UAI ${v}.`,
    ),
  id: (v) => r(`Le badge a bien été délivré à ${v}.`, `The badge was indeed issued to ${v}.`),
};

/**
 * Is the badge the expected holder's? Plain identifiers, or `sha256$…` hashes
 * with their salt: an email address, a SIRET or a UAI (as `SIRET:…`, `UAI:…`
 * or bare), or an identifier.
 */
export function recipientStep(
  candidates: { plain?: string[]; hashed?: { hash: string; salt: string }[] },
  expectedRecipient: Context["recipient"],
): Step {
  const expected = expectedForms(expectedRecipient);
  if (expected.length === 0)
    return {
      id: "recipient_match",
      status: "not_applicable",
      reason: r(
        "Aucun titulaire attendu n'a été indiqué : donnez son adresse e-mail, son SIRET ou son UAI pour vérifier que le badge est bien le sien.",
        "No expected holder was given: enter their email address, SIRET or UAI to check that the badge is theirs.",
      ),
    };
  const plain = (candidates.plain ?? []).map((p) => p.toLowerCase());
  const hashedMatch = (form: string) =>
    (candidates.hashed ?? []).some(({ hash, salt }) => {
      const [algorithm, digest] = hash.split("$");
      return (
        algorithm?.toLowerCase() === "sha256" && digest?.toLowerCase() === sha256Hex(form + salt)
      );
    });
  const matched = expected.find((e) =>
    e.forms.some((form) => plain.includes(form.toLowerCase()) || hashedMatch(form)),
  );
  if (matched)
    return {
      id: "recipient_match",
      status: "passed",
      reason: matchedReason[matched.kind](matched.value),
      details: { matched: matched.kind, value: matched.value },
    };
  const given = expected.map((e) => e.value).join(", ");
  return {
    id: "recipient_match",
    status: "failed",
    reason: r(
      `Le badge n'a pas été délivré à ${given} : il l'a été à quelqu'un d'autre.`,
      `The badge was not issued to ${given}: it was issued to someone else.`,
    ),
    details: { code: "RECIPIENT_MISMATCH" },
  };
}
