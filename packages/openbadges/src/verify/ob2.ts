import { compactVerify, decodeProtectedHeader, importSPKI } from "jose";
import { parseJson } from "./input";
import { type Doc, OB2_CONTEXT, resolveNode, type Source } from "./ob2-document";
import { commonSteps, hostedByIssuer } from "./ob2-steps";
import { finish, r, type Step, type VerificationReport } from "./report";
import { asArray, type Context, fetchJson, idOf, isHttpUrl, obj, str, typesOf } from "./util";

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
