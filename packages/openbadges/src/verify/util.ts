import { createHash } from "node:crypto";
import type { DocumentLoader } from "../contexts";
import type { Fetcher } from "../fetch";
import type { Limits } from "../limits";
import { parseJson } from "./input";
import { dates, r, type Step } from "./report";

/** Options once defaults are applied: one fetcher and one loader per verification. */
export type Context = {
  fetcher: Fetcher;
  documentLoader: DocumentLoader;
  now: Date;
  limits: Limits;
  recipient?: { email?: string; id?: string };
};

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

/** Is the badge the expected person's? Plain identifiers, or `sha256$…` hashes with their salt. */
export function recipientStep(
  candidates: { plain?: string[]; hashed?: { hash: string; salt: string }[] },
  expectedRecipient: Context["recipient"],
): Step {
  const expected = [expectedRecipient?.email?.trim().toLowerCase(), expectedRecipient?.id].filter(
    (v): v is string => !!v,
  );
  if (expected.length === 0)
    return {
      id: "recipient_match",
      status: "not_applicable",
      reason: r("Aucun titulaire attendu n'a été indiqué.", "No expected holder was given."),
    };
  const plain = (candidates.plain ?? []).map((p) => p.toLowerCase());
  const match =
    expected.some(
      (e) => plain.includes(e.toLowerCase()) || plain.includes(`mailto:${e.toLowerCase()}`),
    ) ||
    (candidates.hashed ?? []).some(({ hash, salt }) =>
      expected.some((e) => {
        const [algorithm, digest] = hash.split("$");
        return (
          algorithm?.toLowerCase() === "sha256" &&
          (digest?.toLowerCase() === sha256Hex(e + salt) ||
            digest?.toLowerCase() === sha256Hex(`mailto:${e}${salt}`))
        );
      }),
    );
  return match
    ? {
        id: "recipient_match",
        status: "passed",
        reason: r(
          "Le badge a bien été délivré à cette personne.",
          "The badge was indeed issued to this person.",
        ),
      }
    : {
        id: "recipient_match",
        status: "failed",
        reason: r(
          "Le badge a été délivré à quelqu'un d'autre.",
          "The badge was issued to someone else.",
        ),
        details: { code: "RECIPIENT_MISMATCH" },
      };
}
