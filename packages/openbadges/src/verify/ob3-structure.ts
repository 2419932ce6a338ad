/**
 * Our own structural check of an OB 3.0 credential (1EdTech's JSON schema is
 * not ours to ship; tests check that we agree with it on the fixtures).
 */
const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const types = (v: unknown): string[] =>
  asArray((v as { type?: unknown } | null)?.type).filter((t): t is string => typeof t === "string");
const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === "object" && !Array.isArray(v);
const isUri = (v: unknown) => typeof v === "string" && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);
const isDate = (v: unknown) =>
  typeof v === "string" &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
  !Number.isNaN(Date.parse(v));

/**
 * A problem fails the schema step; a `warning` only says where the document
 * departs from 1EdTech's schema in a way JSON-LD reads the same (one value
 * where the schema wants a list of one).
 */
export type StructureProblem = { path: string; fr: string; en: string; severity?: "warning" };

/** Properties 1EdTech's achievementcredential.json declares as lists. */
const LIST_PROPERTIES = [
  "proof",
  "evidence",
  "endorsement",
  "endorsementJwt",
  "credentialSchema",
  "termsOfUse",
];

/** Nodes that, when present, must carry a given type. */
const typedNodes: [string, string][] = [
  ["issuer", "Profile"],
  ["issuer.parentOrg", "Profile"],
  ["issuer.otherIdentifier[]", "IdentifierEntry"],
  ["issuer.endorsement[]", "EndorsementCredential"],
  ["credentialSubject.source", "Profile"],
  ["credentialSubject.identifier[]", "IdentityObject"],
  ["credentialSubject.result[]", "Result"],
  ["credentialSubject.result[].alignment[]", "Alignment"],
  ["credentialSubject.achievement", "Achievement"],
  ["credentialSubject.achievement.creator", "Profile"],
  ["credentialSubject.achievement.alignment[]", "Alignment"],
  ["credentialSubject.achievement.resultDescription[]", "ResultDescription"],
  ["credentialSubject.achievement.resultDescription[].alignment[]", "Alignment"],
  ["credentialSubject.achievement.otherIdentifier[]", "IdentifierEntry"],
  ["evidence[]", "Evidence"],
  ["credentialStatus", ""],
];

function select(root: unknown, path: string): { at: string; node: unknown }[] {
  let current: { at: string; node: unknown }[] = [{ at: "", node: root }];
  for (const part of path.split(".")) {
    const many = part.endsWith("[]");
    const key = many ? part.slice(0, -2) : part;
    const next: { at: string; node: unknown }[] = [];
    for (const { at, node } of current) {
      if (!isObject(node) || node[key] === undefined) continue;
      const value = node[key];
      const here = at ? `${at}.${key}` : key;
      if (many)
        for (const [i, v] of asArray(value).entries()) next.push({ at: `${here}[${i}]`, node: v });
      else next.push({ at: here, node: value });
    }
    current = next;
  }
  return current;
}

export function checkOb3Structure(credential: Record<string, unknown>): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const credentialTypes = types(credential);
  if (!credentialTypes.includes("VerifiableCredential"))
    problems.push({
      path: "type",
      fr: "Le type « VerifiableCredential » manque.",
      en: 'The type "VerifiableCredential" is missing.',
    });
  const kind = ["OpenBadgeCredential", "AchievementCredential", "EndorsementCredential"].find((t) =>
    credentialTypes.includes(t),
  );
  if (!kind)
    problems.push({
      path: "type",
      fr: "Ce n'est pas un Open Badge 3.0 : le type « OpenBadgeCredential » manque.",
      en: 'This is not an Open Badge 3.0: the type "OpenBadgeCredential" is missing.',
    });
  const issuer = credential.issuer;
  const issuerId = isObject(issuer) ? issuer.id : issuer;
  if (!isUri(issuerId))
    problems.push({
      path: "issuer",
      fr: "L'émetteur est absent ou n'a pas d'identifiant.",
      en: "The issuer is missing or has no identifier.",
    });
  const v2 = asArray(credential["@context"])[0] === "https://www.w3.org/ns/credentials/v2";
  const issued = v2 ? credential.validFrom : (credential.issuanceDate ?? credential.validFrom);
  if (!isDate(issued))
    problems.push({
      path: v2 ? "validFrom" : "issuanceDate",
      fr: "La date de délivrance est absente ou invalide.",
      en: "The issuance date is missing or invalid.",
    });
  for (const key of ["validUntil", "expirationDate"])
    if (credential[key] !== undefined && !isDate(credential[key]))
      problems.push({
        path: key,
        fr: `La date ${key} est invalide.`,
        en: `The date ${key} is invalid.`,
      });
  const subject = credential.credentialSubject;
  if (!isObject(subject)) {
    problems.push({
      path: "credentialSubject",
      fr: "Le titulaire (credentialSubject) manque.",
      en: "The subject (credentialSubject) is missing.",
    });
  } else if (kind === "OpenBadgeCredential" || kind === "AchievementCredential") {
    if (!types(subject).includes("AchievementSubject"))
      problems.push({
        path: "credentialSubject.type",
        fr: "Le titulaire doit être de type « AchievementSubject ».",
        en: 'The subject must be of type "AchievementSubject".',
      });
    const achievement = subject.achievement;
    if (!isObject(achievement)) {
      problems.push({
        path: "credentialSubject.achievement",
        fr: "La réalisation (achievement) manque.",
        en: "The achievement is missing.",
      });
    } else {
      for (const field of ["id", "name", "criteria"])
        if (achievement[field] === undefined)
          problems.push({
            path: `credentialSubject.achievement.${field}`,
            fr: `La réalisation n'a pas de « ${field} ».`,
            en: `The achievement has no "${field}".`,
          });
    }
    if (subject.id === undefined && subject.identifier === undefined)
      problems.push({
        path: "credentialSubject",
        fr: "Le titulaire n'a ni identifiant ni « identifier ».",
        en: "The subject has neither an id nor an identifier.",
      });
  } else if (kind === "EndorsementCredential") {
    if (!types(subject).includes("EndorsementSubject"))
      problems.push({
        path: "credentialSubject.type",
        fr: "Le sujet doit être de type « EndorsementSubject ».",
        en: 'The subject must be of type "EndorsementSubject".',
      });
    // 1EdTech's endorsement schema admits only the VC 2.0 data model.
    if (!v2)
      problems.push({
        path: "@context",
        fr: "Une recommandation (endorsement) doit suivre le modèle Verifiable Credentials 2.0.",
        en: "An endorsement must follow the Verifiable Credentials 2.0 data model.",
      });
  }
  for (const [path, type] of typedNodes) {
    for (const { at, node } of select(credential, path)) {
      if (path === "credentialStatus") {
        if (
          !isObject(node) ||
          types(node).length === 0 ||
          (node.id === undefined && types(node)[0] !== "BitstringStatusListEntry")
        )
          problems.push({
            path: at,
            fr: "Le statut (credentialStatus) est mal formé.",
            en: "The status (credentialStatus) is malformed.",
          });
        continue;
      }
      if (path === "issuer" && typeof node === "string") continue;
      if (!isObject(node) || !types(node).includes(type))
        problems.push({
          path: at,
          fr: `« ${at} » doit être de type « ${type} ».`,
          en: `"${at}" must be of type "${type}".`,
        });
    }
  }
  for (const [i, proof] of asArray(credential.proof).entries())
    if (!isObject(proof) || typeof proof.type !== "string")
      problems.push({
        path: `proof[${i}]`,
        fr: "Une preuve (proof) est mal formée : ce doit être un objet qui dit son type.",
        en: "A proof is malformed: it must be an object that states its type.",
      });
  for (const key of LIST_PROPERTIES)
    if (credential[key] !== undefined && !Array.isArray(credential[key]))
      problems.push({
        path: key,
        severity: "warning",
        fr: `« ${key} » est une valeur seule là où le schéma d'Open Badges 3.0 demande une liste.`,
        en: `"${key}" is a single value where the Open Badges 3.0 schema asks for a list.`,
      });
  if (
    credential.refreshService !== undefined &&
    !isObject(credential.refreshService) &&
    !Array.isArray(credential.refreshService)
  )
    problems.push({
      path: "refreshService",
      fr: "Le service de rafraîchissement est mal formé.",
      en: "The refresh service is malformed.",
    });
  return problems;
}
