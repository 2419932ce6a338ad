import { compactVerify, decodeProtectedHeader, importSPKI } from "jose";
import { parseJson } from "./input";
import { finish, r, type Step, type Summary, type VerificationReport } from "./report";
import {
  asArray,
  type Context,
  fetchJson,
  idOf,
  isHttpUrl,
  obj,
  recipientStep,
  str,
  typesOf,
  validityStep,
} from "./util";

type Source = VerificationReport["source"];
type Doc = Record<string, unknown>;

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
const isProfile = (d: Doc | undefined) =>
  !!d && typesOf(d).some((t) => t === "Issuer" || t === "Profile");

/** Our own check of OB 2.0 classes: the properties each one requires. */
function classProblems(doc: Doc, issuer: Doc | undefined, issuerFetched: boolean): string[] {
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
async function resolveNode(context: Context, ref: unknown) {
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

/**
 * OB 2.0 hosting policy: the issuer's `verification.startsWith` prefixes and
 * `allowedOrigins` hosts; by default the host of the issuer's id (or, for an
 * issuer whose id is not a web address, the host that published its profile).
 */
function hostedByIssuer(hostedUrl: string, issuer: Doc, issuerFrom: string | undefined): boolean {
  const policy = obj(issuer.verification) ?? obj(issuer.verify);
  const strings = (v: unknown) => asArray(v).filter((x): x is string => typeof x === "string");
  const starts = strings(policy?.startsWith);
  const origins = strings(policy?.allowedOrigins);
  let url: URL;
  try {
    url = new URL(hostedUrl);
  } catch {
    return false;
  }
  if (starts.length > 0 || origins.length > 0)
    return (
      (starts.length === 0 || starts.some((p) => hostedUrl.startsWith(p))) &&
      (origins.length === 0 || origins.includes(url.host) || origins.includes(url.hostname))
    );
  const home = isHttpUrl(issuer.id) ? issuer.id : issuerFrom;
  try {
    return !!home && new URL(home).host === url.host;
  } catch {
    return false;
  }
}

function issuerStep(issuer: Doc | undefined, issuerFrom: string | undefined): Step {
  if (!issuer)
    return {
      id: "issuer",
      status: "failed",
      reason: r(
        "Le profil de l'émetteur est introuvable.",
        "The issuer's profile cannot be found.",
      ),
      details: { code: "ISSUER_NOT_FOUND" },
    };
  const name = str(issuer.name) ?? "?";
  if (!isProfile(issuer))
    return {
      id: "issuer",
      status: "failed",
      reason: r(
        `Le profil de l'émetteur n'est pas de type Issuer (${typesOf(issuer).join(", ") || "aucun type"}).`,
        `The issuer's profile is not of type Issuer (${typesOf(issuer).join(", ") || "no type"}).`,
      ),
      details: { code: "ISSUER_INVALID" },
    };
  if (!isHttpUrl(issuer.id))
    return {
      id: "issuer",
      status: "warning",
      reason: r(
        `Émis par ${name}, dont l'identifiant (${idOf(issuer) ?? "?"}) n'est pas une adresse web : son profil a été lu à ${issuerFrom ?? "?"}.`,
        `Issued by ${name}, whose identifier (${idOf(issuer) ?? "?"}) is not a web address: its profile was read at ${issuerFrom ?? "?"}.`,
      ),
      details: { code: "ISSUER_ID_NOT_HTTP" },
    };
  return {
    id: "issuer",
    status: "passed",
    reason: r(`Émis par ${name} (${issuer.id}).`, `Issued by ${name} (${issuer.id}).`),
  };
}

/** context, schema, extensions, issuer, validity, status and recipient, shared by hosted and signed. */
async function commonSteps(
  assertion: Doc,
  steps: Step[],
  context: Context,
  badge: { doc: Doc | undefined; from: string | undefined },
  issuer: { doc: Doc | undefined; from: string | undefined },
): Promise<Summary> {
  steps.push(
    asArray(assertion["@context"]).includes(OB2_CONTEXT)
      ? {
          id: "context",
          status: "passed",
          reason: r(
            "Le contexte Open Badges 2.0 est présent.",
            "The Open Badges 2.0 context is present.",
          ),
        }
      : {
          id: "context",
          status: "failed",
          reason: r(
            `Le contexte Open Badges 2.0 (${OB2_CONTEXT}) manque.`,
            `The Open Badges 2.0 context (${OB2_CONTEXT}) is missing.`,
          ),
          details: { code: "CONTEXT_UNKNOWN" },
        },
  );
  const problems: string[] = [];
  if (!typesOf(assertion).includes("Assertion")) problems.push("type (Assertion)");
  const recipient = obj(assertion.recipient);
  if (!recipient || !str(recipient.identity) || !str(recipient.type)) problems.push("recipient");
  if (!str(assertion.issuedOn) || Number.isNaN(Date.parse(str(assertion.issuedOn) ?? "")))
    problems.push("issuedOn");
  if (!badge.doc) problems.push("badge (unreachable)");
  else
    for (const p of classProblems(badge.doc, issuer.doc, false))
      if (!p.startsWith("type")) problems.push(`badge.${p}`);
  if (badge.doc && !typesOf(badge.doc).includes("BadgeClass")) problems.push("badge.type");
  steps.push(
    problems.length === 0
      ? {
          id: "schema",
          status: "passed",
          reason: r(
            "L'assertion et sa classe de badge sont complètes.",
            "The assertion and its badge class are complete.",
          ),
        }
      : {
          id: "schema",
          status: "failed",
          reason: r(
            `Éléments manquants, invalides ou inaccessibles : ${problems.join(", ")}.`,
            `Missing, invalid or unreachable parts: ${problems.join(", ")}.`,
          ),
          details: { code: "SCHEMA", problems },
        },
  );
  const extensions = Object.keys(assertion).filter((k) => k.startsWith("extensions:"));
  if (extensions.length > 0)
    steps.push({
      id: "extensions",
      status: "warning",
      reason: r(
        `Extensions présentes mais non vérifiées (leurs schémas sont distants) : ${extensions.join(", ")}.`,
        `Extensions present but not checked (their schemas are remote): ${extensions.join(", ")}.`,
      ),
      details: { extensions },
    });
  steps.push(issuerStep(issuer.doc, issuer.from));

  const issuedOn = str(assertion.issuedOn);
  const expires = str(assertion.expires);
  if (issuedOn && expires && Date.parse(expires) < Date.parse(issuedOn))
    steps.push({
      id: "validity_period",
      status: "failed",
      reason: r(
        "Le badge expire avant d'avoir été délivré.",
        "The badge expires before it was issued.",
      ),
      details: { code: "EXPIRES_BEFORE_ISSUED" },
    });
  else steps.push(validityStep(issuedOn, expires, context.now));

  const assertionId = str(assertion.id);
  let revoked = assertion.revoked === true;
  let reason = str(assertion.revocationReason);
  const listUrl = str(issuer.doc?.revocationList);
  let listRead = false;
  if (!revoked && listUrl && assertionId) {
    const { json } = await fetchJson(context.fetcher, listUrl);
    listRead = !!json && Array.isArray(json.revokedAssertions);
    const entry = asArray(json?.revokedAssertions).find(
      (e) => e === assertionId || idOf(e) === assertionId,
    );
    if (entry) {
      revoked = true;
      reason = str(obj(entry)?.revocationReason) ?? reason;
    }
  }
  steps.push(
    revoked
      ? {
          id: "status",
          status: "failed",
          reason: r(
            `Le badge a été révoqué par son émetteur${reason ? ` : ${reason}` : ""}.`,
            `The badge was revoked by its issuer${reason ? `: ${reason}` : ""}.`,
          ),
          details: { code: "REVOKED" },
        }
      : listUrl && !listRead
        ? {
            id: "status",
            status: "failed",
            reason: r(
              "La liste de révocation de l'émetteur est inaccessible : impossible d'affirmer que le badge n'est pas révoqué.",
              "The issuer's revocation list is unreachable: the badge cannot be shown not to be revoked.",
            ),
            details: { code: "STATUS_UNAVAILABLE" },
          }
        : {
            id: "status",
            status: "passed",
            reason: r("Le badge n'est pas révoqué.", "The badge is not revoked."),
          },
  );
  const identity = str(recipient?.identity) ?? "";
  steps.push(
    recipientStep(
      recipient?.hashed === true
        ? { hashed: [{ hash: identity, salt: str(recipient.salt) ?? "" }] }
        : { plain: [identity] },
      context.recipient,
    ),
  );
  const image = idOf(assertion.image) ?? idOf(badge.doc?.image);
  const name = str(badge.doc?.name);
  const description = str(badge.doc?.description);
  return {
    ...(name ? { name, achievementName: name } : {}),
    ...(description ? { description } : {}),
    ...(idOf(issuer.doc) ? { issuerId: idOf(issuer.doc) } : {}),
    ...(str(issuer.doc?.name) ? { issuerName: str(issuer.doc?.name) } : {}),
    ...(identity ? { recipient: identity } : {}),
    ...(identity
      ? {
          recipientIdentities: [
            {
              type:
                str(recipient?.type) === "email" ? "emailAddress" : (str(recipient?.type) ?? "id"),
              hashed: recipient?.hashed === true,
            },
          ],
        }
      : {}),
    ...(image ? { image } : {}),
    ...(issuedOn ? { issuedOn, validFrom: issuedOn } : {}),
    ...(expires ? { validUntil: expires } : {}),
  };
}

/**
 * The published version of an assertion whose hosted URL answers 410 Gone.
 * OB 2.0 lets a revoked assertion answer with `{"revoked": true,
 * "revocationReason": ...}` (besides its id, nothing else is required of a
 * revoked assertion) or with the whole assertion: that one, or else the
 * assertion given (a bare assertion at `url` when none is), revoked, with the
 * issuer's reason only.
 */
export function goneAssertion(url: string, text: string | undefined, given?: Doc): Doc {
  const body = text ? parseJson(text) : null;
  const whole =
    !!body &&
    typesOf(body).includes("Assertion") &&
    body.recipient !== undefined &&
    body.badge !== undefined;
  const { revocationReason: _given, ...published } = (whole ? body : given) ?? {
    "@context": OB2_CONTEXT,
    type: "Assertion",
    id: url,
    verification: { type: "hosted" },
  };
  const reason = str(body?.revocationReason);
  return {
    ...published,
    ...(str(body?.id) ? { id: body?.id } : {}),
    revoked: true,
    ...(reason ? { revocationReason: reason } : {}),
  };
}

/** An OB 2.0 hosted assertion: the issuer must publish it, at an address it allows. */
export async function verifyOb2Hosted(
  assertion: Doc,
  source: Source,
  parseStep: Step,
  context: Context,
): Promise<VerificationReport> {
  const steps: Step[] = [
    parseStep,
    {
      id: "format",
      status: "passed",
      reason: r("Open Badge 2.0 hébergé.", "Hosted Open Badge 2.0."),
    },
  ];
  const verification = obj(assertion.verification) ?? obj(assertion.verify);
  const type = str(verification?.type)?.toLowerCase();
  if (type === "signed" || type === "signedbadge") {
    steps.push({
      id: "ob2_hosted",
      status: "failed",
      reason: r(
        "Une assertion signée se vérifie sous sa forme JWS (le jeton signé), pas en JSON.",
        "A signed assertion is verified in its JWS form (the signed token), not as JSON.",
      ),
      details: { code: "SIGNED_AS_JSON" },
    });
    return finish({ format: "ob2-signed", source, credential: assertion, summary: {}, steps });
  }
  const hostedUrl = str(verification?.url) ?? str(assertion.id);
  if (!isHttpUrl(hostedUrl)) {
    steps.push({
      id: "ob2_hosted",
      status: "failed",
      reason: r(
        "L'assertion n'indique pas où la vérifier.",
        "The assertion does not say where to verify it.",
      ),
      details: { code: "HOSTED_NO_URL" },
    });
    return finish({ format: "ob2-hosted", source, credential: assertion, summary: {}, steps });
  }
  const { result, json } = await fetchJson(context.fetcher, hostedUrl);
  // 410 Gone is the issuer's answer for a revoked assertion, not a failed fetch.
  const gone = !result.ok && result.status === 410;
  const hosted = gone ? goneAssertion(hostedUrl, result.text, assertion) : json;
  if (!hosted) {
    steps.push({
      id: "ob2_hosted",
      status: "failed",
      reason: r(
        `L'émetteur ne publie pas ce badge à ${hostedUrl}.`,
        `The issuer does not publish this badge at ${hostedUrl}.`,
      ),
      details: { code: "HOSTED_NOT_FOUND", fetch: result.ok ? "not JSON" : result.code },
    });
    return finish({ format: "ob2-hosted", source, credential: assertion, summary: {}, steps });
  }
  // From here on, what counts is the issuer's published version.
  const same =
    str(hosted.id) === str(assertion.id) &&
    JSON.stringify(hosted.recipient) === JSON.stringify(assertion.recipient) &&
    JSON.stringify(hosted.badge) === JSON.stringify(assertion.badge);
  const badge = await resolveNode(context, hosted.badge);
  const issuer = await resolveNode(context, badge.doc?.issuer);
  const allowed = !issuer.doc || hostedByIssuer(hostedUrl, issuer.doc, issuer.from);
  steps.push(
    !same
      ? {
          id: "ob2_hosted",
          status: "failed",
          reason: r(
            "La version publiée par l'émetteur diffère de celle fournie.",
            "The version published by the issuer differs from the one given.",
          ),
          details: { code: "HOSTED_MISMATCH" },
        }
      : !allowed
        ? {
            id: "ob2_hosted",
            status: "failed",
            reason: r(
              "L'assertion n'est pas hébergée à une adresse que son émetteur autorise.",
              "The assertion is not hosted at an address its issuer allows.",
            ),
            details: { code: "HOSTED_ORIGIN_NOT_ALLOWED", url: hostedUrl },
          }
        : gone
          ? {
              id: "ob2_hosted",
              status: "passed",
              reason: r(
                `L'émetteur répond pour ce badge à ${hostedUrl} : il ne le publie plus (410 Gone), il l'a révoqué.`,
                `The issuer answers for this badge at ${hostedUrl}: it no longer publishes it (410 Gone), it revoked it.`,
              ),
              details: { code: "HOSTED_GONE" },
            }
          : {
              id: "ob2_hosted",
              status: "passed",
              reason: r(
                `L'émetteur publie ce badge à ${hostedUrl}.`,
                `The issuer publishes this badge at ${hostedUrl}.`,
              ),
            },
  );
  const summary = await commonSteps(hosted, steps, context, badge, issuer);
  return finish({ format: "ob2-hosted", source, credential: hosted, summary, steps });
}

/** An OB 2.0 signed assertion (JWS): the key at `verification.creator` must be the issuer's. */
export async function verifyOb2Signed(
  token: string,
  assertion: Doc,
  source: Source,
  parseStep: Step,
  context: Context,
): Promise<VerificationReport> {
  const steps: Step[] = [
    parseStep,
    {
      id: "format",
      status: "passed",
      reason: r("Open Badge 2.0 signé.", "Signed Open Badge 2.0."),
    },
  ];
  const creator = str(obj(assertion.verification)?.creator) ?? str(obj(assertion.verify)?.creator);
  const keyDoc = creator ? (await fetchJson(context.fetcher, creator)).json : null;
  const pem = str(keyDoc?.publicKeyPem);
  const badge = await resolveNode(context, assertion.badge);
  const issuer = await resolveNode(context, badge.doc?.issuer);
  const issuerId = idOf(issuer.doc);
  // The key is the issuer's when it names the issuer as owner, or the issuer lists it.
  const listed = asArray(issuer.doc?.publicKey).some((k) => idOf(k) === creator);
  const owned = !!issuerId && (str(keyDoc?.owner) === issuerId || listed);
  if (!pem) {
    steps.push({
      id: "issuer_key",
      status: "failed",
      reason: r(
        "La clé publique de l'émetteur est introuvable.",
        "The issuer's public key cannot be found.",
      ),
      details: { code: "KEY_NOT_FOUND", ...(creator ? { creator } : {}) },
    });
  } else if (!owned) {
    steps.push({
      id: "issuer_key",
      status: "failed",
      reason: r(
        "La clé de signature n'appartient pas à l'émetteur du badge.",
        "The signing key does not belong to the badge's issuer.",
      ),
      details: { code: "KEY_NOT_ISSUERS", creator },
    });
  } else {
    steps.push({
      id: "issuer_key",
      status: "passed",
      reason: r(
        "La clé publique de l'émetteur a été trouvée.",
        "The issuer's public key was found.",
      ),
    });
    try {
      const alg = decodeProtectedHeader(token).alg ?? "RS256";
      await compactVerify(token, await importSPKI(pem, alg));
      steps.push({
        id: "signature",
        status: "passed",
        reason: r("La signature est valide.", "The signature is valid."),
      });
    } catch (error) {
      steps.push({
        id: "signature",
        status: "failed",
        reason: r("La signature ne correspond pas.", "The signature does not match."),
        details: {
          code: "SIGNATURE_MISMATCH",
          error: error instanceof Error ? error.message : String(error),
        },
      });
    }
  }
  const summary = await commonSteps(assertion, steps, context, badge, issuer);
  return finish({ format: "ob2-signed", source, credential: assertion, summary, steps });
}
