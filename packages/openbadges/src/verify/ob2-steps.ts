// The steps hosted and signed OB 2.0 assertions share: hosting policy, issuer, and the rest.
import { classProblems, type Doc, isProfile, OB2_CONTEXT } from "./ob2-document";
import { r, type Step, type Summary } from "./report";
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

/**
 * OB 2.0 hosting policy: the issuer's `verification.startsWith` prefixes and
 * `allowedOrigins` hosts; by default the host of the issuer's id (or, for an
 * issuer whose id is not a web address, the host that published its profile).
 */
export function hostedByIssuer(
  hostedUrl: string,
  issuer: Doc,
  issuerFrom: string | undefined,
): boolean {
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

export function issuerStep(issuer: Doc | undefined, issuerFrom: string | undefined): Step {
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
export async function commonSteps(
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
