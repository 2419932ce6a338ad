import * as EcdsaMultikey from "@digitalbazaar/ecdsa-multikey";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { isBundledContext } from "../contexts";
import { limitReason } from "../limits";
import { keyKindsOf, proofSuiteName, verifyDataIntegrity } from "../sign";
import { withEndorsements } from "./endorsements";
import { checkOb3Structure, type StructureProblem } from "./ob3-structure";
import { finish, r, type Step, type Summary, type VerificationReport } from "./report";
import { statusStep } from "./status";
import {
  asArray,
  type Context,
  idOf,
  obj,
  recipientStep,
  str,
  typesOf,
  validityStep,
} from "./util";

type Source = VerificationReport["source"];

function summaryOf(credential: Record<string, unknown>): Summary {
  const issuer = credential.issuer;
  const subject = obj(asArray(credential.credentialSubject)[0]);
  const achievement = obj(subject?.achievement);
  const image = idOf(achievement?.image) ?? idOf(credential.image);
  const out: Summary = {};
  const set = <K extends Exclude<keyof Summary, "recipientIdentities">>(k: K, v: unknown) => {
    if (typeof v === "string") out[k] = v;
  };
  set("name", credential.name ?? achievement?.name);
  set("achievementName", achievement?.name);
  set("description", credential.description ?? achievement?.description);
  set("issuerId", idOf(issuer));
  set("issuerName", obj(issuer)?.name);
  set("recipient", subject?.id ?? obj(asArray(subject?.identifier)[0])?.identityHash);
  const identities = [
    ...(str(subject?.id) ? [{ type: "id", hashed: false }] : []),
    ...asArray(subject?.identifier)
      .map(obj)
      .filter((i): i is Record<string, unknown> => !!i)
      .map((i) => ({ type: str(i.identityType) ?? "identifier", hashed: i.hashed === true })),
  ];
  if (identities.length) out.recipientIdentities = identities;
  set("image", image);
  set("issuedOn", credential.awardedDate ?? credential.issuanceDate ?? credential.validFrom);
  set("validFrom", credential.validFrom ?? credential.issuanceDate);
  set("validUntil", credential.validUntil ?? credential.expirationDate);
  return out;
}

function recipientsOf(credential: Record<string, unknown>) {
  const subject = obj(asArray(credential.credentialSubject)[0]);
  const identifiers = asArray(subject?.identifier)
    .map(obj)
    .filter((i): i is Record<string, unknown> => !!i);
  return {
    plain: [
      str(subject?.id),
      ...identifiers.filter((i) => i.hashed !== true).map((i) => str(i.identityHash)),
    ].filter((v): v is string => !!v),
    hashed: identifiers
      .filter((i) => i.hashed === true)
      .map((i) => ({ hash: str(i.identityHash) ?? "", salt: str(i.salt) ?? "" })),
  };
}

/** Identifiers that give their keys: did:key and did:jwk (computed), did:web and https (published). */
const resolvable = (id: string) => /^(did:key:|did:jwk:|did:web:|https?:\/\/)/.test(id);

/** Who issued it, and whether that identity can be tied to the signing key. */
function issuerStep(credential: Record<string, unknown>): Step {
  const id = idOf(credential.issuer);
  const name = str(obj(credential.issuer)?.name);
  if (!id)
    return {
      id: "issuer",
      status: "failed",
      reason: r("Le badge ne dit pas qui l'a émis.", "The badge does not say who issued it."),
      details: { code: "ISSUER_MISSING" },
    };
  const who = name ? `${name} (${id})` : id;
  if (!resolvable(id))
    return {
      id: "issuer",
      status: "warning",
      reason: r(
        `Émis par ${who}, un identifiant qui ne se résout pas : rien ne relie cet émetteur à la clé qui a signé.`,
        `Issued by ${who}, an identifier that does not resolve: nothing ties this issuer to the signing key.`,
      ),
      details: { code: "ISSUER_UNRESOLVABLE", issuerId: id },
    };
  return {
    id: "issuer",
    status: "passed",
    reason: r(`Émis par ${who}.`, `Issued by ${who}.`),
    details: { issuerId: id },
  };
}

/**
 * What kind of key a published method holds, read as a Multikey: "P-256" or
 * "P-384" (the ECDSA reader checks the multicodec header), or "Ed25519" (its
 * header, 0xed01, always writes "z6Mk"; that reader does not check it).
 */
async function keyKindOf(method: Record<string, unknown>): Promise<string | undefined> {
  const asMultikey = {
    ...method,
    type: "Multikey",
    "@context": "https://w3id.org/security/multikey/v1",
  };
  try {
    return (await EcdsaMultikey.from(asMultikey)).verifier().algorithm;
  } catch {
    // Not an ECDSA key.
  }
  if (!str(method.publicKeyMultibase)?.startsWith("z6Mk")) return undefined;
  try {
    return (await Ed25519Multikey.from(asMultikey)).verifier().algorithm;
  } catch {
    return undefined;
  }
}

function contextStep(credential: Record<string, unknown>): Step {
  const contexts = asArray(credential["@context"]);
  const first = contexts[0];
  const unknown = contexts.filter(
    (c): c is string => typeof c === "string" && !isBundledContext(c),
  );
  const ok =
    (first === "https://www.w3.org/ns/credentials/v2" ||
      first === "https://www.w3.org/2018/credentials/v1") &&
    unknown.length === 0 &&
    contexts.every((c) => typeof c === "string");
  if (ok)
    return {
      id: "context",
      status: "passed",
      reason: r("Les contextes JSON-LD sont reconnus.", "The JSON-LD contexts are recognised."),
    };
  return {
    id: "context",
    status: "failed",
    reason:
      unknown.length > 0
        ? r(
            `Contexte inconnu, jamais téléchargé : ${unknown.join(", ")}.`,
            `Unknown context, never fetched: ${unknown.join(", ")}.`,
          )
        : r(
            "Le premier contexte doit être celui des Verifiable Credentials, et chaque contexte une adresse.",
            "The first context must be the Verifiable Credentials one, and every context an address.",
          ),
    details: { code: "CONTEXT_UNKNOWN", unknown },
  };
}

/** issuer_key then signature, for a Data Integrity proof. */
async function dataIntegritySteps(
  credential: Record<string, unknown>,
  context: Context,
): Promise<Step[]> {
  const proofs = asArray(credential.proof)
    .map(obj)
    .filter((p): p is Record<string, unknown> => !!p);
  const proof = proofs.find((p) => proofSuiteName(p));
  if (!proof)
    return [
      proofs.length === 0
        ? {
            id: "signature",
            status: "failed",
            reason: r("Le badge n'est pas signé.", "The badge is not signed."),
            details: { code: "NO_PROOF" },
          }
        : {
            id: "signature",
            status: "failed",
            reason: r(
              `Le type de signature n'est pas pris en charge (${proofs.map((p) => str(p.cryptosuite) ?? str(p.type) ?? "?").join(", ")}).`,
              `The signature type is not supported (${proofs.map((p) => str(p.cryptosuite) ?? str(p.type) ?? "?").join(", ")}).`,
            ),
            details: { code: "PROOF_UNSUPPORTED" },
          },
    ];
  const method = str(proof.verificationMethod) ?? "";
  const issuerId = idOf(credential.issuer) ?? "";
  let keyDoc: Record<string, unknown> | undefined;
  try {
    keyDoc = obj((await context.documentLoader(method)).document);
  } catch {
    keyDoc = undefined;
  }
  const controller = str(keyDoc?.controller);
  const kind = keyDoc && str(keyDoc.publicKeyMultibase) ? await keyKindOf(keyDoc) : undefined;
  if (!keyDoc || !kind)
    return [
      {
        id: "issuer_key",
        status: "failed",
        reason: r(
          `La clé de signature « ${method} » est introuvable chez l'émetteur.`,
          `The signing key "${method}" cannot be found at the issuer.`,
        ),
        details: { code: "KEY_NOT_FOUND", verificationMethod: method },
      },
    ];
  const suiteName = proofSuiteName(proof) ?? "";
  const needed = keyKindsOf(suiteName);
  if (!needed.includes(kind))
    return [
      {
        id: "issuer_key",
        status: "failed",
        reason: r(
          `La clé publiée par l'émetteur est de type ${kind} ; une signature ${suiteName} se fait avec une clé ${needed.join(" ou ")}.`,
          `The key the issuer publishes is of type ${kind}; a ${suiteName} signature is made with a ${needed.join(" or ")} key.`,
        ),
        details: { code: "KEY_TYPE_MISMATCH", verificationMethod: method, kind, needed },
      },
    ];
  // A resolvable issuer must be the key's controller; an issuer id that resolves
  // nowhere (urn:uuid) is reported by the issuer step as not tied to the key.
  if (resolvable(issuerId) && controller !== issuerId)
    return [
      {
        id: "issuer_key",
        status: "failed",
        reason: r(
          "La clé de signature n'appartient pas à l'émetteur du badge.",
          "The signing key does not belong to the badge's issuer.",
        ),
        details: { code: "KEY_NOT_ISSUERS", verificationMethod: method, controller },
      },
    ];
  const keyStep: Step = {
    id: "issuer_key",
    status: "passed",
    reason: r(
      `La clé de signature est publiée par ${controller ?? "son contrôleur"}.`,
      `The signing key is published by ${controller ?? "its controller"}.`,
    ),
    details: { verificationMethod: method },
  };
  const result = await verifyDataIntegrity(
    { ...credential, proof },
    { documentLoader: context.documentLoader, now: context.now },
  );
  return [
    keyStep,
    result.verified
      ? {
          id: "signature",
          status: "passed",
          reason: r(
            "La signature est valide : le badge n'a pas été modifié.",
            "The signature is valid: the badge has not been altered.",
          ),
          details: { cryptosuite: result.cryptosuite },
        }
      : result.limit
        ? {
            id: "signature",
            status: "failed",
            reason: limitReason(result.limit),
            details: { ...result.limit },
          }
        : {
            id: "signature",
            status: "failed",
            reason: r(
              "La signature ne correspond pas : le badge a été modifié ou la signature est fausse.",
              "The signature does not match: the badge was altered or the signature is wrong.",
            ),
            details: { code: "SIGNATURE_MISMATCH", error: result.error },
          },
  ];
}

const VC_CONTEXTS = [
  "https://www.w3.org/ns/credentials/v2",
  "https://www.w3.org/2018/credentials/v1",
];
const OB3_TYPES = ["OpenBadgeCredential", "AchievementCredential", "EndorsementCredential"];

/**
 * What the document says it is. A document of an Open Badges 3.0 type passes
 * (the schema step checks the rest); a Verifiable Credential of another kind
 * fails but is still examined; anything else is not a badge at all.
 */
export function formatStep(credential: Record<string, unknown>, jwt: boolean): Step {
  const types = typesOf(credential);
  const credentialLike =
    types.includes("VerifiableCredential") ||
    VC_CONTEXTS.includes(str(asArray(credential["@context"])[0]) ?? "");
  if (types.some((t) => OB3_TYPES.includes(t)))
    return {
      id: "format",
      status: "passed",
      reason: jwt
        ? r("Open Badge 3.0 signé en JWT.", "Open Badge 3.0 signed as a JWT.")
        : r("Open Badge 3.0 (Verifiable Credential).", "Open Badge 3.0 (Verifiable Credential)."),
    };
  if (credentialLike)
    return {
      id: "format",
      status: "failed",
      reason: r(
        "Ce Verifiable Credential n'est pas un Open Badge : il n'a pas le type « OpenBadgeCredential ».",
        'This Verifiable Credential is not an Open Badge: it lacks the "OpenBadgeCredential" type.',
      ),
      details: { code: "NOT_AN_OPEN_BADGE" },
    };
  return {
    id: "format",
    status: "failed",
    reason: r(
      "Ce document n'est pas un badge : ni un Open Badge 3.0 (Verifiable Credential), ni un Open Badge 2.0.",
      "This document is not a badge: neither an Open Badge 3.0 (Verifiable Credential) nor an Open Badge 2.0.",
    ),
    details: { code: "NOT_A_BADGE" },
  };
}

/** Problems fail the step; departures JSON-LD reads the same (one value for a list) only warn. */
function schemaStep(problems: StructureProblem[]): Step {
  const errors = problems.filter((p) => p.severity !== "warning");
  const said = (list: StructureProblem[]) =>
    r(list.map((p) => p.fr).join(" "), list.map((p) => p.en).join(" "));
  if (errors.length > 0)
    return {
      id: "schema",
      status: "failed",
      reason: said(errors),
      details: { code: "SCHEMA", problems },
    };
  if (problems.length > 0) {
    const { fr, en } = said(problems);
    return {
      id: "schema",
      status: "warning",
      reason: r(
        `${fr} Le badge se lit de même : la signature et le reste de la vérification n'en dépendent pas.`,
        `${en} The badge reads the same: the signature and the rest of the verification do not depend on it.`,
      ),
      details: { code: "SCHEMA_SINGLE_VALUE", problems },
    };
  }
  return {
    id: "schema",
    status: "passed",
    reason: r(
      "La structure est conforme à Open Badges 3.0.",
      "The structure conforms to Open Badges 3.0.",
    ),
  };
}

/** OB 3.0, Data Integrity or (with the JWT's proof steps given, jwt.ts) VC-JWT. */
export async function verifyOb3(
  credential: Record<string, unknown>,
  source: Source,
  parseStep: Step,
  context: Context,
  jwt?: { steps: Step[] },
): Promise<VerificationReport> {
  const formatCheck = formatStep(credential, !!jwt);
  // Not a credential at all: nothing else to say about it.
  if (formatCheck.details?.code === "NOT_A_BADGE")
    return finish({ format: "unknown", source, summary: {}, steps: [parseStep, formatCheck] });
  const format = formatCheck.status === "passed" ? (jwt ? "ob3-jwt" : "ob3-di") : "unknown";
  const steps: Step[] = [parseStep, formatCheck];
  const contextCheck = contextStep(credential);
  steps.push(contextCheck);
  steps.push(schemaStep(checkOb3Structure(credential)));
  steps.push(issuerStep(credential));
  if (jwt) steps.push(...jwt.steps);
  // JSON-LD processing only under bundled contexts: with an unknown one the proof is not checked.
  else if (contextCheck.status === "passed")
    steps.push(...(await dataIntegritySteps(credential, context)));
  else
    steps.push({
      id: "signature",
      status: "failed",
      reason: r(
        "La signature n'a pas été vérifiée : elle dépend d'un contexte inconnu.",
        "The signature was not checked: it depends on an unknown context.",
      ),
      details: { code: "CONTEXT_UNKNOWN" },
    });
  const summary = summaryOf(credential);
  steps.push(validityStep(summary.validFrom, summary.validUntil, context.now));
  steps.push(await statusStep(credential, context));
  steps.push(recipientStep(recipientsOf(credential), context.recipient));
  return withEndorsements({ format, source, credential, summary, steps }, context, verifyOb3);
}
