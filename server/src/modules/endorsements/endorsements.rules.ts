/** The issuer id of a credential: `issuer` as a string or as a Profile's `id`. */
export function issuerIdOf(document: Record<string, unknown>): string | undefined {
  const issuer = document.issuer;
  if (typeof issuer === "string") return issuer;
  if (issuer && typeof issuer === "object" && typeof (issuer as { id?: unknown }).id === "string")
    return (issuer as { id: string }).id;
  return undefined;
}

const typesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Why an uploaded document is not the endorsement asked for (undefined when it
 * is): an EndorsementCredential, issued by the invited issuer, about what is
 * endorsed.
 */
export function uploadMismatch(
  document: Record<string, unknown>,
  expected: { issuerId: string; subjectId: string },
): "type" | "issuer" | "subject" | undefined {
  if (!typesOf(document.type).includes("EndorsementCredential")) return "type";
  if (issuerIdOf(document) !== expected.issuerId) return "issuer";
  const subjects = typesOf(document.credentialSubject);
  const ids = subjects.map((s) =>
    s && typeof s === "object" ? (s as { id?: unknown }).id : undefined,
  );
  if (ids.length !== 1 || ids[0] !== expected.subjectId) return "subject";
  return undefined;
}
