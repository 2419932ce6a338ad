import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK } from "jose";
import { limitReason, measureDocument } from "../limits";
import { issuerJwks, type PublicJwk, publicJwk, sameKey } from "./jwt-keys";
import { verifyOb3 } from "./ob3";
import { finish, r, type Step, type VerificationReport } from "./report";
import { asArray, type Context, idOf, obj, str, typesOf } from "./util";

type Source = VerificationReport["source"];

/** The signature algorithms we accept, with the key each needs: asymmetric only ("none" and HS* never). */
const ALGORITHMS: Record<string, { kty: string; crv?: string }> = {
  EdDSA: { kty: "OKP", crv: "Ed25519" },
  Ed25519: { kty: "OKP", crv: "Ed25519" },
  ES256: { kty: "EC", crv: "P-256" },
  ES384: { kty: "EC", crv: "P-384" },
  ES512: { kty: "EC", crv: "P-521" },
  RS256: { kty: "RSA" },
  RS384: { kty: "RSA" },
  RS512: { kty: "RSA" },
  PS256: { kty: "RSA" },
  PS384: { kty: "RSA" },
  PS512: { kty: "RSA" },
};
const fits = (alg: string, key: PublicJwk) =>
  ALGORITHMS[alg]?.kty === key.kty &&
  (ALGORITHMS[alg]?.crv ?? key.crv) === key.crv &&
  (key.alg === undefined || key.alg === alg);
const keyKind = (key: PublicJwk) => (key.crv ? `${key.kty} ${key.crv}` : key.kty);

const VC2 = "https://www.w3.org/ns/credentials/v2";
/** A value from the token, shown in a reason: never more than 200 characters. */
const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Which credential properties the registered claims stand for (OB 3.0 8.2.2; VC 1.1 names for a VC 1.1 credential). */
function claimTargets(credential: Record<string, unknown>) {
  const v2 = asArray(credential["@context"])[0] === VC2;
  const pick = (v2Name: string, v1Name: string) =>
    v2 || (credential[v1Name] === undefined && credential[v2Name] !== undefined) ? v2Name : v1Name;
  return { from: pick("validFrom", "issuanceDate"), until: pick("validUntil", "expirationDate") };
}

/**
 * VC-JWT decoding (VC 1.1 section 6.3.1, OB 3.0 8.2.4): a registered claim
 * stands for a credential property the credential leaves out.
 */
function withClaims(vc: Record<string, unknown>, claims: Record<string, unknown>) {
  const credential: Record<string, unknown> = { ...vc };
  const { from, until } = claimTargets(credential);
  if (typeof claims.iss === "string" && credential.issuer === undefined)
    credential.issuer = claims.iss;
  if (typeof claims.jti === "string" && credential.id === undefined) credential.id = claims.jti;
  const subject = obj(credential.credentialSubject);
  if (typeof claims.sub === "string" && subject && subject.id === undefined)
    credential.credentialSubject = { ...subject, id: claims.sub };
  if (typeof claims.nbf === "number" && credential[from] === undefined)
    credential[from] = isoOf(claims.nbf);
  if (typeof claims.exp === "number" && credential[until] === undefined)
    credential[until] = isoOf(claims.exp);
  return credential;
}

type Mismatch = { claim: string; expected: unknown; found: unknown };

/** Each registered claim present must say what the credential says (OB 3.0 8.2.4.1, VC-JOSE-COSE). */
function claimMismatches(
  claims: Record<string, unknown>,
  credential: Record<string, unknown>,
): Mismatch[] {
  const { from, until } = claimTargets(credential);
  const seconds = (v: unknown) =>
    typeof v === "string" && !Number.isNaN(Date.parse(v)) ? Math.floor(Date.parse(v) / 1000) : v;
  const expected: Record<string, unknown> = {
    iss: idOf(credential.issuer),
    jti: credential.id,
    sub: idOf(asArray(credential.credentialSubject)[0]),
    nbf: seconds(credential[from]),
    exp: seconds(credential[until]),
  };
  return Object.entries(expected)
    .filter(([claim, value]) => claims[claim] !== undefined && claims[claim] !== value)
    .map(([claim, value]) => ({ claim, expected: value, found: claims[claim] }));
}

function claimsStep(mismatches: Mismatch[]): Step {
  const shown = (claim: string, v: unknown) => {
    if ((claim === "nbf" || claim === "exp") && typeof v === "number") return isoOf(v);
    return clip(typeof v === "string" ? v : (JSON.stringify(v) ?? "—"));
  };
  const list = (inWord: string, lang: "fr" | "en") =>
    mismatches
      .map(({ claim, expected, found }) =>
        lang === "fr"
          ? `« ${claim} » vaut ${shown(claim, found)} ${inWord} ${shown(claim, expected)}`
          : `"${claim}" is ${shown(claim, found)} ${inWord} ${shown(claim, expected)}`,
      )
      .join(lang === "fr" ? " ; " : "; ");
  return {
    id: "signature",
    status: "failed",
    reason: r(
      `Le JWT contredit le badge qu'il contient : ${list("au lieu de", "fr")}.`,
      `The JWT contradicts the badge it holds: ${list("instead of", "en")}.`,
    ),
    details: {
      code: "JWT_CLAIMS_MISMATCH",
      claim: mismatches[0]?.claim,
      mismatches,
    },
  };
}

/** The JWS checked with the first of the keys it fits (the verdict, or the last error). */
async function checkSignature(token: string, alg: string, keys: PublicJwk[]) {
  let error = "";
  for (const key of keys)
    try {
      await compactVerify(token, await importJWK(key, alg), { algorithms: [alg] });
      return { valid: true as const };
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  return { valid: false as const, error };
}

const signatureFailed = (reason: Step["reason"], details: Record<string, unknown>): Step => ({
  id: "signature",
  status: "failed",
  reason,
  details,
});

/** The algorithm alone: unsigned, symmetric or unknown tokens prove nothing, whatever the key. */
function algorithmStep(alg: string | undefined): Step | undefined {
  if (alg === undefined || alg.toLowerCase() === "none")
    return signatureFailed(
      r(
        "Ce JWT n'est pas signé (algorithme « none » ou absent) : il ne prouve rien.",
        'This JWT is not signed (algorithm "none" or absent): it proves nothing.',
      ),
      { code: "JWT_UNSIGNED", alg: alg ?? null },
    );
  if (!Object.hasOwn(ALGORITHMS, alg))
    return signatureFailed(
      r(
        `L'algorithme de signature « ${clip(alg)} » n'est pas accepté : seuls les algorithmes à clé publique (EdDSA, ES256, ES384, ES512, RS256, PS256…) prouvent qui a signé.`,
        `The signature algorithm "${clip(alg)}" is not accepted: only public-key algorithms (EdDSA, ES256, ES384, ES512, RS256, PS256…) prove who signed.`,
      ),
      { code: "JWT_ALG_UNSUPPORTED", alg: clip(alg) },
    );
  return undefined;
}

function keyNotFound(issuer: string, kidGiven: string | undefined, headerJwk: boolean): Step {
  const issuerId = clip(issuer);
  const kid = kidGiven === undefined ? undefined : clip(kidGiven);
  const reason = headerJwk
    ? r(
        `La clé jointe au JWT (en-tête « jwk ») n'est pas une clé que l'émetteur ${issuerId} publie : sa signature ne prouve rien.`,
        `The key attached to the JWT ("jwk" header) is not one the issuer ${issuerId} publishes: its signature proves nothing.`,
      )
    : kid
      ? r(
          `La clé « ${kid} » n'est pas publiée par l'émetteur ${issuerId} : la signature du JWT ne prouve rien.`,
          `The key "${kid}" is not published by the issuer ${issuerId}: the JWT's signature proves nothing.`,
        )
      : r(
          `Aucune clé publiée par l'émetteur ${issuerId || "(inconnu)"} n'a été trouvée : la signature du JWT ne prouve rien.`,
          `No key published by the issuer ${issuerId || "(unknown)"} was found: the JWT's signature proves nothing.`,
        );
  return {
    id: "issuer_key",
    status: "failed",
    reason,
    details: { code: "KEY_NOT_FOUND", issuerId, ...(kid ? { kid } : {}), headerJwk },
  };
}

/** issuer_key then signature for a VC-JWT (OB 3.0 8.2.4): the key is the issuer's, the JWS and its claims hold. */
async function jwtProofSteps(
  token: string,
  header: ReturnType<typeof decodeProtectedHeader>,
  claims: Record<string, unknown>,
  credential: Record<string, unknown>,
  context: Context,
): Promise<Step[]> {
  const alg = str(header.alg);
  const refused = algorithmStep(alg);
  if (refused) return [refused];
  if (!alg) return [];
  const issuerId = idOf(credential.issuer) ?? "";
  const kid = str(header.kid);
  const headerJwk = header.jwk === undefined ? undefined : (publicJwk(header.jwk) ?? null);
  const published = issuerId ? await issuerJwks(context.fetcher, issuerId, kid) : [];
  const keys =
    headerJwk === undefined
      ? published
      : published.filter((k) => headerJwk && sameKey(k, headerJwk));
  if (keys.length === 0) return [keyNotFound(issuerId, kid, headerJwk !== undefined)];
  const keyStep: Step = {
    id: "issuer_key",
    status: "passed",
    reason: r(
      `La clé de signature est celle de l'émetteur ${clip(issuerId)}.`,
      `The signing key is the issuer's, ${clip(issuerId)}.`,
    ),
    details: { ...(kid ? { kid: clip(kid) } : {}), key: keyKind(keys[0] as PublicJwk) },
  };
  const fitting = keys.filter((k) => fits(alg, k));
  if (fitting.length === 0)
    return [
      keyStep,
      signatureFailed(
        r(
          `L'algorithme annoncé (${alg}) ne correspond pas à la clé de l'émetteur (${keyKind(keys[0] as PublicJwk)}) : la signature ne peut pas être la sienne.`,
          `The stated algorithm (${alg}) does not fit the issuer's key (${keyKind(keys[0] as PublicJwk)}): the signature cannot be the issuer's.`,
        ),
        { code: "JWT_ALG_KEY_MISMATCH", alg, key: keyKind(keys[0] as PublicJwk) },
      ),
    ];
  const checked = await checkSignature(token, alg, fitting);
  if (!checked.valid)
    return [
      keyStep,
      signatureFailed(
        r(
          "La signature du JWT ne correspond pas : le badge a été modifié ou la signature est fausse.",
          "The JWT signature does not match: the badge was altered or the signature is wrong.",
        ),
        { code: "SIGNATURE_MISMATCH", error: checked.error },
      ),
    ];
  const mismatches = claimMismatches(claims, credential);
  return [
    keyStep,
    mismatches.length > 0
      ? claimsStep(mismatches)
      : {
          id: "signature",
          status: "passed",
          reason: r(
            "La signature du JWT est valide et ses champs correspondent au badge.",
            "The JWT signature is valid and its claims match the badge.",
          ),
          details: { alg },
        },
  ];
}

const unreadable = (source: Source, step: Step) =>
  finish({ format: "unknown", source, summary: {}, steps: [step] });

/** OB 3.0 as a VC-JWT (or an OB 2.0 signed assertion, handed back to the OB 2.0 verifier). */
export async function verifyJwt(
  token: string,
  source: Source,
  parseStep: Step,
  context: Context,
): Promise<VerificationReport | { ob2: Record<string, unknown> }> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token) as Record<string, unknown>;
  } catch {
    return unreadable(source, {
      id: "parse",
      status: "failed",
      reason: r("Ce JWT est illisible.", "This JWT cannot be read."),
    });
  }
  const breach = measureDocument(claims, context.limits);
  if (breach)
    return unreadable(source, {
      id: "parse",
      status: "failed",
      reason: limitReason(breach),
      details: { ...breach },
    });
  // An OB 2.0 signed assertion is a JWS whose payload is the assertion itself.
  if (
    asArray(claims["@context"]).includes("https://w3id.org/openbadges/v2") ||
    typesOf(claims).includes("Assertion") ||
    (!obj(claims.vc) && !claims["@context"] && (claims.recipient || claims.badge))
  )
    return { ob2: claims };
  // VC 2.0 (VC-JOSE-COSE): the payload is the credential; VC 1.1: it is in the `vc` claim.
  const vc = obj(claims.vc) ?? (claims["@context"] ? claims : undefined);
  if (!vc)
    return finish({
      format: "unknown",
      source,
      summary: {},
      steps: [
        parseStep,
        {
          id: "format",
          status: "failed",
          reason: r("Ce JWT ne contient pas de badge.", "This JWT holds no badge."),
          details: { code: "NOT_A_BADGE" },
        },
      ],
    });
  const credential = withClaims(vc, claims);
  const steps = await jwtProofSteps(token, header, claims, credential, context);
  return verifyOb3(credential, source === "json" ? "jwt" : source, parseStep, context, { steps });
}
