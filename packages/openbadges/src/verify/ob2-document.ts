// What an OB 2.0 document is, and a document that describes rather than awards a badge.
import { finish, r, type Step, type VerificationReport } from "./report";
import { asArray, type Context, fetchJson, obj, str, typesOf } from "./util";

export type Source = VerificationReport["source"];
export type Doc = Record<string, unknown>;

export const OB2_CONTEXT = "https://w3id.org/openbadges/v2";

/** The OB 2.0 vocabulary, for documents that carry it inline rather than by URL. */
const isOb2Vocabulary = (context: unknown) =>
  asArray(context).some((c) => c === OB2_CONTEXT || obj(c)?.obi === "https://w3id.org/openbadges#");

/** Is this JSON an OB 2.0 document (assertion, badge class, issuer...)? */
export function isOb2Document(doc: Doc): boolean {
  const types = typesOf(doc);
  return (
    isOb2Vocabulary(doc["@context"]) ||
    (types.includes("Assertion") && !types.includes("VerifiableCredential"))
  );
}

const CLASSES = new Set([
  "AlignmentObject",
  "Assertion",
  "BadgeClass",
  "CryptographicKey",
  "Criteria",
  "Endorsement",
  "Evidence",
  "Extension",
  "IdentityObject",
  "Image",
  "Issuer",
  "Profile",
  "RevocationList",
  "VerificationObject",
  "hosted",
  "signed",
]);
export const isProfile = (d: Doc | undefined) =>
  !!d && typesOf(d).some((t) => t === "Issuer" || t === "Profile");

/** Our own check of OB 2.0 classes: the properties each one requires. */
export function classProblems(doc: Doc, issuer: Doc | undefined, issuerFetched: boolean): string[] {
  const types = typesOf(doc);
  const problems: string[] = [];
  if (types.length === 0) problems.push("type (empty)");
  for (const t of types)
    if (!CLASSES.has(t) && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(t)) problems.push(`type "${t}"`);
  const need = (...fields: string[]) => {
    for (const f of fields) if (doc[f] === undefined || doc[f] === "") problems.push(f);
  };
  if (types.includes("BadgeClass")) {
    need("id", "name", "description", "criteria", "issuer");
    if (issuerFetched && !isProfile(issuer)) problems.push("issuer (not an Issuer profile)");
  }
  if (types.includes("Issuer") || types.includes("Profile")) need("id", "name");
  if (types.includes("AlignmentObject")) need("targetName", "targetUrl");
  return problems;
}

/** A badge class or issuer profile, embedded or fetched; `null` when absent or unreachable. */
export async function resolveNode(context: Context, ref: unknown) {
  const embedded = obj(ref);
  if (embedded) return { doc: embedded, from: undefined };
  const url = str(ref);
  if (!url) return { doc: undefined, from: undefined };
  const { result, json } = await fetchJson(context.fetcher, url);
  return { doc: json ?? undefined, from: result.ok ? result.finalUrl : undefined };
}

/** A BadgeClass, Issuer or other OB 2.0 document that is not an awarded badge. */
export async function verifyOb2Document(
  doc: Doc,
  source: Source,
  parseStep: Step,
  context: Context,
): Promise<VerificationReport> {
  const types = typesOf(doc);
  const kind = types[0] ?? "?";
  const issuer = types.includes("BadgeClass") ? await resolveNode(context, doc.issuer) : undefined;
  const problems = classProblems(doc, issuer?.doc, !!issuer);
  return finish({
    format: "unknown",
    source,
    credential: doc,
    summary: {
      ...(str(doc.name) ? { name: str(doc.name) } : {}),
      ...(issuer?.doc && str(issuer.doc.name) ? { issuerName: str(issuer.doc.name) } : {}),
    },
    steps: [
      parseStep,
      {
        id: "format",
        status: "failed",
        reason: r(
          `Ce document Open Badges 2.0 (« ${kind} ») décrit un badge ou un émetteur, ce n'est pas un badge délivré à quelqu'un : il n'y a rien à vérifier.`,
          `This Open Badges 2.0 document ("${kind}") describes a badge or an issuer; it is not a badge awarded to someone: there is nothing to verify.`,
        ),
        details: { code: "NOT_AN_ASSERTION", type: types },
      },
      problems.length === 0
        ? {
            id: "schema",
            status: "passed",
            reason: r(
              "Sa structure est conforme à Open Badges 2.0.",
              "Its structure conforms to Open Badges 2.0.",
            ),
          }
        : {
            id: "schema",
            status: "failed",
            reason: r(
              `Sa structure n'est pas conforme à Open Badges 2.0 : ${problems.join(", ")}.`,
              `Its structure does not conform to Open Badges 2.0: ${problems.join(", ")}.`,
            ),
            details: { code: "SCHEMA", problems },
          },
    ],
  });
}
