import { createHash } from "node:crypto";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import {
  compactVerify,
  decodeJwt,
  decodeProtectedHeader,
  importJWK,
  importSPKI,
  type JWK,
  jwtVerify,
} from "jose";
import { isBundledContext } from "../contexts";
import { createSafeFetcher, type Fetcher } from "../fetch";
import { verifyDataIntegrity } from "../sign";
import { decodeBitstring, getStatus } from "../status-list";
import { parseInput, parseJson } from "./input";
import { findMethod, publishedDocument, verifierDocumentLoader } from "./keys";
import { checkOb3Structure } from "./ob3-structure";
import { dates, finish, r, type Step, type Summary, type VerificationReport } from "./report";

export { parseInput } from "./input";
export * from "./report";

export type VerifyOptions = {
  /** Every remote document goes through it; default: the safe fetcher. */
  fetcher?: Fetcher;
  now?: Date;
  /** The expected recipient: an email address or an identifier (DID, URL). */
  recipient?: { email?: string; id?: string };
  /** Overall time budget in milliseconds. */
  timeoutMs?: number;
};

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const typesOf = (v: unknown) =>
  asArray(obj(v)?.type).filter((t): t is string => typeof t === "string");

/**
 * Verifies anything a person may hand us (JSON, JWT, URL, baked PNG or SVG,
 * OB 3.0 or 2.0) and answers a report. It never throws and never hangs.
 */
export async function verifyCredential(
  input: unknown,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<VerificationReport>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          finish({
            format: "unknown",
            source: "unknown",
            summary: {},
            steps: [
              {
                id: "parse",
                status: "failed",
                reason: r("La vérification a pris trop de temps.", "Verification took too long."),
              },
            ],
          }),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([verifyInner(input, options), timeout]);
  } catch (error) {
    return finish({
      format: "unknown",
      source: "unknown",
      summary: {},
      steps: [
        {
          id: "parse",
          status: "failed",
          reason: r(
            "Ce document n'a pas pu être lu comme un badge.",
            "This document could not be read as a badge.",
          ),
          details: { error: error instanceof Error ? error.message : String(error) },
        },
      ],
    });
  } finally {
    clearTimeout(timer);
  }
}

async function verifyInner(input: unknown, options: VerifyOptions): Promise<VerificationReport> {
  const fetcher = options.fetcher ?? createSafeFetcher();
  let parsed = parseInput(input);
  let source: VerificationReport["source"] =
    parsed.kind === "error" ? parsed.source : parsed.kind === "url" ? "url" : parsed.source;
  if (parsed.kind === "url") {
    const fetched = await fetcher(parsed.value, {
      accept: "application/ld+json, application/json, application/jwt",
    });
    if (!fetched.ok)
      return finish({
        format: "unknown",
        source: "url",
        summary: {},
        steps: [
          {
            id: "parse",
            status: "failed",
            reason: r(
              `Impossible de récupérer ${parsed.value} (${fetched.message}).`,
              `Could not fetch ${parsed.value} (${fetched.message}).`,
            ),
            details: { code: fetched.code },
          },
        ],
      });
    const body = parseInput(fetched.body);
    parsed =
      body.kind === "url"
        ? {
            kind: "error",
            source: "unknown",
            fr: "L'adresse renvoie vers une autre adresse.",
            en: "The address points to another address.",
          }
        : body;
    source = "url";
  }
  if (parsed.kind === "error")
    return finish({
      format: "unknown",
      source,
      summary: {},
      steps: [{ id: "parse", status: "failed", reason: r(parsed.fr, parsed.en) }],
    });
  const parseStep: Step = {
    id: "parse",
    status: "passed",
    reason: r("Le document a été lu.", "The document was read."),
  };
  if (parsed.kind === "jwt") return verifyJwt(parsed.value, source, parseStep, fetcher, options);
  const doc = parsed.value;
  const context = asArray(doc["@context"]);
  const isOb2 =
    context.includes("https://w3id.org/openbadges/v2") ||
    doc.type === "Assertion" ||
    (typesOf(doc).includes("Assertion") && !typesOf(doc).includes("VerifiableCredential"));
  if (isOb2) return verifyOb2(doc, source, parseStep, fetcher, options);
  return verifyOb3(doc, source, parseStep, fetcher, options, "ob3-di");
}

/** The controller a verification method declares, as its issuer publishes it. */
async function keyController(
  loader: ReturnType<typeof verifierDocumentLoader>,
  method: string,
): Promise<string | undefined> {
  try {
    return str(obj((await loader(method)).document)?.controller);
  } catch {
    return undefined;
  }
}

/** The published key must be a well-formed Ed25519 public key. */
async function isEd25519Key(method: Record<string, unknown>): Promise<boolean> {
  try {
    await Ed25519Multikey.from({
      ...method,
      type: "Multikey",
      "@context": "https://w3id.org/security/multikey/v1",
    });
    return true;
  } catch {
    return false;
  }
}

function summaryOf(credential: Record<string, unknown>): Summary {
  const issuer = credential.issuer;
  const subject = obj(credential.credentialSubject);
  const achievement = obj(subject?.achievement);
  const image = obj(achievement?.image)?.id ?? achievement?.image ?? obj(credential.image)?.id;
  const out: Summary = {};
  const set = <K extends keyof Summary>(k: K, v: unknown) => {
    if (typeof v === "string") out[k] = v;
  };
  set("name", credential.name);
  set("achievementName", achievement?.name);
  set("issuerId", str(issuer) ?? obj(issuer)?.id);
  set("issuerName", obj(issuer)?.name);
  set("recipient", subject?.id ?? obj(asArray(subject?.identifier)[0])?.identityHash);
  set("image", image);
  set("validFrom", credential.validFrom ?? credential.issuanceDate);
  set("validUntil", credential.validUntil ?? credential.expirationDate);
  return out;
}

function validitySteps(
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
      details: { code: "NOT_YET_VALID" },
    };
  if (validUntil && Date.parse(validUntil) <= now.getTime())
    return {
      id: "validity_period",
      status: "failed",
      reason: r(
        `Le badge a expiré le ${dates.fr(validUntil)}.`,
        `The badge expired on ${dates.en(validUntil)}.`,
      ),
      details: { code: "EXPIRED" },
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

async function statusStep(
  credential: Record<string, unknown>,
  fetcher: Fetcher,
  options: VerifyOptions,
): Promise<Step> {
  const entries = asArray(credential.credentialStatus)
    .map(obj)
    .filter((e): e is Record<string, unknown> => !!e);
  if (entries.length === 0)
    return {
      id: "status",
      status: "not_applicable",
      reason: r(
        "Le badge ne publie pas de statut de révocation.",
        "The badge publishes no revocation status.",
      ),
    };
  for (const entry of entries) {
    const type = typesOf(entry)[0];
    if (type !== "BitstringStatusListEntry" && type !== "StatusList2021Entry")
      return {
        id: "status",
        status: "warning",
        reason: r(
          `Le statut de type « ${type ?? "?"} » n'a pas pu être vérifié.`,
          `The status of type "${type ?? "?"}" could not be checked.`,
        ),
      };
    const listUrl = str(entry.statusListCredential);
    const index = Number(entry.statusListIndex);
    const purpose = str(entry.statusPurpose) ?? "revocation";
    if (!listUrl || !Number.isInteger(index) || index < 0)
      return {
        id: "status",
        status: "failed",
        reason: r("L'entrée de statut est mal formée.", "The status entry is malformed."),
      };
    const fetched = await fetcher(listUrl);
    const list = fetched.ok ? parseJson(fetched.text) : null;
    if (!list)
      return {
        id: "status",
        status: "failed",
        reason: r(
          "La liste de statut de l'émetteur est inaccessible : impossible d'affirmer que le badge n'est pas révoqué.",
          "The issuer's status list is unreachable: the badge cannot be shown not to be revoked.",
        ),
      };
    const listIssuer = str(list.issuer) ?? str(obj(list.issuer)?.id);
    const credIssuer = str(credential.issuer) ?? str(obj(credential.issuer)?.id);
    const loader = verifierDocumentLoader(fetcher);
    const listCheck = await verifyDataIntegrity(list, { documentLoader: loader });
    // The list's key must be the issuer's own, as the issuer publishes it.
    const listKeyBound =
      listCheck.verified &&
      !!listCheck.verificationMethod &&
      (await keyController(loader, listCheck.verificationMethod)) === credIssuer;
    if (!listCheck.verified || !listKeyBound || listIssuer !== credIssuer)
      return {
        id: "status",
        status: "failed",
        reason: r(
          "La liste de statut n'est pas signée par l'émetteur du badge.",
          "The status list is not signed by the badge's issuer.",
        ),
      };
    let revoked: boolean;
    try {
      revoked = getStatus(
        decodeBitstring(str(obj(list.credentialSubject)?.encodedList) ?? ""),
        index,
      );
    } catch {
      return {
        id: "status",
        status: "failed",
        reason: r("La liste de statut est illisible.", "The status list cannot be read."),
      };
    }
    if (revoked)
      return purpose === "suspension"
        ? {
            id: "status",
            status: "failed",
            reason: r(
              "Le badge est suspendu par son émetteur.",
              "The badge is suspended by its issuer.",
            ),
            details: { code: "SUSPENDED" },
          }
        : {
            id: "status",
            status: "failed",
            reason: r(
              "Le badge a été révoqué par son émetteur.",
              "The badge was revoked by its issuer.",
            ),
            details: { code: "REVOKED" },
          };
  }
  void options;
  return {
    id: "status",
    status: "passed",
    reason: r(
      "Le badge n'est ni révoqué ni suspendu.",
      "The badge is neither revoked nor suspended.",
    ),
  };
}

function sha256Hex(text: string) {
  return createHash("sha256").update(text).digest("hex");
}

function recipientStep(
  candidates: { plain?: string[]; hashed?: { hash: string; salt: string }[] },
  options: VerifyOptions,
): Step {
  const expected = [options.recipient?.email?.trim().toLowerCase(), options.recipient?.id].filter(
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
          algorithm?.toLowerCase() === "sha256" && digest?.toLowerCase() === sha256Hex(e + salt)
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
      };
}

function ob3Recipient(credential: Record<string, unknown>) {
  const subject = obj(credential.credentialSubject);
  const identifiers = asArray(subject?.identifier)
    .map(obj)
    .filter((i): i is Record<string, unknown> => !!i);
  return {
    plain: [
      str(subject?.id),
      ...identifiers.filter((i) => i.hashed === false).map((i) => str(i.identityHash)),
    ].filter((v): v is string => !!v),
    hashed: identifiers
      .filter((i) => i.hashed === true)
      .map((i) => ({ hash: str(i.identityHash) ?? "", salt: str(i.salt) ?? "" })),
  };
}

async function verifyOb3(
  credential: Record<string, unknown>,
  source: VerificationReport["source"],
  parseStep: Step,
  fetcher: Fetcher,
  options: VerifyOptions,
  format: "ob3-di" | "ob3-jwt",
  jwtSignature?: Step,
  jwtKey?: Step,
): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  const steps: Step[] = [parseStep];
  steps.push({
    id: "format",
    status: "passed",
    reason: r(
      format === "ob3-jwt"
        ? "Open Badge 3.0 signé en JWT."
        : "Open Badge 3.0 (Verifiable Credential).",
      format === "ob3-jwt"
        ? "Open Badge 3.0 signed as a JWT."
        : "Open Badge 3.0 (Verifiable Credential).",
    ),
  });

  const contexts = asArray(credential["@context"]);
  const first = contexts[0];
  const unknown = contexts.filter(
    (c): c is string => typeof c === "string" && !isBundledContext(c),
  );
  const contextOk =
    (first === "https://www.w3.org/ns/credentials/v2" ||
      first === "https://www.w3.org/2018/credentials/v1") &&
    unknown.length === 0 &&
    contexts.every((c) => typeof c === "string");
  steps.push(
    contextOk
      ? {
          id: "context",
          status: "passed",
          reason: r("Les contextes JSON-LD sont reconnus.", "The JSON-LD contexts are recognised."),
        }
      : {
          id: "context",
          status: "failed",
          reason: r(
            unknown.length > 0
              ? `Contexte inconnu : ${unknown.join(", ")}.`
              : "Le premier contexte doit être celui des Verifiable Credentials.",
            unknown.length > 0
              ? `Unknown context: ${unknown.join(", ")}.`
              : "The first context must be the Verifiable Credentials one.",
          ),
        },
  );
  const problems = checkOb3Structure(credential);
  steps.push(
    problems.length === 0
      ? {
          id: "schema",
          status: "passed",
          reason: r(
            "La structure est conforme à Open Badges 3.0.",
            "The structure conforms to Open Badges 3.0.",
          ),
        }
      : {
          id: "schema",
          status: "failed",
          reason: r(problems.map((p) => p.fr).join(" "), problems.map((p) => p.en).join(" ")),
          details: { problems },
        },
  );

  if (format === "ob3-jwt") {
    if (jwtKey) steps.push(jwtKey);
    if (jwtSignature) steps.push(jwtSignature);
  } else if (contextOk) {
    const documentLoader = verifierDocumentLoader(fetcher);
    const proofs = asArray(credential.proof)
      .map(obj)
      .filter((p): p is Record<string, unknown> => !!p);
    const supported = proofs.filter(
      (p) =>
        (p.type === "DataIntegrityProof" &&
          (p.cryptosuite === "eddsa-rdfc-2022" || p.cryptosuite === "eddsa-2022")) ||
        p.type === "Ed25519Signature2020",
    );
    if (proofs.length === 0) {
      steps.push({
        id: "signature",
        status: "failed",
        reason: r("Le badge n'est pas signé.", "The badge is not signed."),
      });
    } else if (supported.length === 0) {
      steps.push({
        id: "signature",
        status: "failed",
        reason: r(
          "Le type de signature n'est pas pris en charge.",
          "The signature type is not supported.",
        ),
      });
    } else {
      const proof = supported[0]!;
      const method = str(proof.verificationMethod) ?? "";
      const issuerId = str(credential.issuer) ?? str(obj(credential.issuer)?.id) ?? "";
      let keyDoc: Record<string, unknown> | undefined;
      try {
        keyDoc = obj((await documentLoader(method)).document);
      } catch {
        keyDoc = undefined;
      }
      const controller = str(keyDoc?.controller);
      const bound = !!controller && (controller === issuerId || !/^(did:|https?:)/.test(issuerId));
      if (!keyDoc || !str(keyDoc.publicKeyMultibase) || !(await isEd25519Key(keyDoc))) {
        steps.push({
          id: "issuer_key",
          status: "failed",
          reason: r(
            `La clé de signature « ${method} » est introuvable chez l'émetteur.`,
            `The signing key "${method}" cannot be found at the issuer.`,
          ),
        });
      } else if (!bound) {
        steps.push({
          id: "issuer_key",
          status: "failed",
          reason: r(
            "La clé de signature n'appartient pas à l'émetteur du badge.",
            "The signing key does not belong to the badge's issuer.",
          ),
        });
      } else {
        steps.push({
          id: "issuer_key",
          status: "passed",
          reason: r(
            "La clé de signature est publiée par l'émetteur.",
            "The signing key is published by the issuer.",
          ),
        });
        const only = { ...credential, proof };
        const result = await verifyDataIntegrity(only, { documentLoader, now });
        steps.push(
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
            : {
                id: "signature",
                status: "failed",
                reason: r(
                  "La signature ne correspond pas : le badge a été modifié ou la signature est fausse.",
                  "The signature does not match: the badge was altered or the signature is wrong.",
                ),
                details: { error: result.error },
              },
        );
      }
    }
  }
  const summary = summaryOf(credential);
  steps.push(validitySteps(summary.validFrom, summary.validUntil, now));
  steps.push(await statusStep(credential, fetcher, options));
  steps.push(recipientStep(ob3Recipient(credential), options));
  return finish({ format, source, credential, summary, steps });
}

async function verifyJwt(
  token: string,
  source: VerificationReport["source"],
  parseStep: Step,
  fetcher: Fetcher,
  options: VerifyOptions,
): Promise<VerificationReport> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(token);
    payload = decodeJwt(token);
  } catch {
    return finish({
      format: "unknown",
      source,
      summary: {},
      steps: [
        {
          id: "parse",
          status: "failed",
          reason: r("Ce JWT est illisible.", "This JWT cannot be read."),
        },
      ],
    });
  }
  const payloadContexts = asArray((payload as Record<string, unknown>)["@context"]);
  // An OB 2.0 signed assertion is a JWS whose payload is the assertion itself.
  if (payloadContexts.includes("https://w3id.org/openbadges/v2") || payload.type === "Assertion")
    return verifyOb2Signed(
      token,
      payload as Record<string, unknown>,
      source,
      parseStep,
      fetcher,
      options,
    );
  const vc =
    obj(payload.vc) ?? (payload["@context"] ? (payload as Record<string, unknown>) : undefined);
  if (!vc) {
    // An OB 2.0 signed assertion is a JWS whose payload is the assertion.
    if (payload.recipient || payload.badge)
      return verifyOb2Signed(
        token,
        payload as Record<string, unknown>,
        source,
        parseStep,
        fetcher,
        options,
      );
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
        },
      ],
    });
  }
  const credential: Record<string, unknown> = { ...vc };
  // VC-JWT 1.1: registered claims stand for credential properties.
  if (payload.iss && !credential.issuer) credential.issuer = payload.iss;
  if (payload.nbf && !credential.issuanceDate && !credential.validFrom)
    credential.issuanceDate = new Date(payload.nbf * 1000).toISOString();
  if (payload.exp && !credential.expirationDate && !credential.validUntil)
    credential.expirationDate = new Date(payload.exp * 1000).toISOString();
  if (payload.jti && !credential.id) credential.id = payload.jti;
  const issuerId = str(credential.issuer) ?? str(obj(credential.issuer)?.id) ?? "";

  let keyStep: Step;
  let signatureStep: Step | undefined;
  let key: Awaited<ReturnType<typeof importJWK>> | undefined;
  const headerJwk = obj(header.jwk) as JWK | undefined;
  const kid = str(header.kid);
  const published = issuerId ? await publishedDocument(fetcher, kid ?? issuerId) : undefined;
  const publishedKeys: JWK[] = [];
  if (published) {
    const method = kid ? findMethod(published, kid) : undefined;
    if (method?.publicKeyJwk) publishedKeys.push(method.publicKeyJwk as JWK);
    for (const k of [...asArray(published.verificationMethod), ...asArray(published.publicKey)]) {
      const jwk = obj(obj(k)?.publicKeyJwk);
      if (jwk) publishedKeys.push(jwk as JWK);
    }
  }
  const sameKey = (a: JWK, b: JWK) =>
    a.kty === b.kty && a.n === b.n && a.e === b.e && a.x === b.x && a.y === b.y && a.crv === b.crv;
  const chosen = headerJwk ? publishedKeys.find((k) => sameKey(k, headerJwk)) : publishedKeys[0];
  if (!chosen) {
    keyStep = {
      id: "issuer_key",
      status: "failed",
      reason: r(
        "La clé de ce JWT n'est pas publiée par l'émetteur : sa signature ne prouve rien.",
        "This JWT's key is not published by the issuer: its signature proves nothing.",
      ),
    };
  } else {
    keyStep = {
      id: "issuer_key",
      status: "passed",
      reason: r(
        "La clé de signature est publiée par l'émetteur.",
        "The signing key is published by the issuer.",
      ),
    };
    try {
      key = await importJWK(chosen, header.alg);
      await jwtVerify(token, key, {
        currentDate: new Date(0),
        clockTolerance: Number.MAX_SAFE_INTEGER,
      });
      signatureStep = {
        id: "signature",
        status: "passed",
        reason: r("La signature du JWT est valide.", "The JWT signature is valid."),
      };
    } catch {
      signatureStep = {
        id: "signature",
        status: "failed",
        reason: r("La signature du JWT ne correspond pas.", "The JWT signature does not match."),
      };
    }
  }
  return verifyOb3(
    credential,
    source === "json" ? "jwt" : source,
    parseStep,
    fetcher,
    options,
    "ob3-jwt",
    signatureStep,
    keyStep,
  );
}

async function fetchJson(fetcher: Fetcher, url: string) {
  const result = await fetcher(url);
  return { result, json: result.ok ? parseJson(result.text) : null };
}

/**
 * OB 2.0 hosting policy: the issuer's `startsWith` prefixes and
 * `allowedOrigins` hosts, or else the issuer's own host.
 */
function hostedByIssuer(hostedUrl: string, issuer: Record<string, unknown>): boolean {
  const policy = obj(issuer.verification) ?? obj(issuer.verify);
  const starts = asArray(policy?.startsWith).filter((v): v is string => typeof v === "string");
  const origins = asArray(policy?.allowedOrigins).filter((v): v is string => typeof v === "string");
  let host: string;
  try {
    host = new URL(hostedUrl).host;
  } catch {
    return false;
  }
  if (starts.length > 0 || origins.length > 0)
    return (
      (starts.length === 0 || starts.some((p) => hostedUrl.startsWith(p))) &&
      (origins.length === 0 || origins.includes(host))
    );
  try {
    return new URL(str(issuer.id) ?? "").host === host;
  } catch {
    return false;
  }
}

async function ob2Common(
  assertion: Record<string, unknown>,
  steps: Step[],
  fetcher: Fetcher,
  options: VerifyOptions,
  hostedUrl?: string,
): Promise<Summary> {
  const now = options.now ?? new Date();
  const badgeRef = assertion.badge;
  const badge =
    obj(badgeRef) ??
    (typeof badgeRef === "string"
      ? ((await fetchJson(fetcher, badgeRef)).json ?? undefined)
      : undefined);
  const issuerRef = badge?.issuer;
  const issuer =
    obj(issuerRef) ??
    (typeof issuerRef === "string"
      ? ((await fetchJson(fetcher, issuerRef)).json ?? undefined)
      : undefined);
  if (hostedUrl && issuer && !hostedByIssuer(hostedUrl, issuer))
    steps.push({
      id: "hosted",
      status: "failed",
      reason: r(
        "L'assertion n'est pas hébergée à une adresse que son émetteur autorise.",
        "The assertion is not hosted at an address its issuer allows.",
      ),
    });
  const contexts = asArray(assertion["@context"]);
  steps.push(
    contexts.includes("https://w3id.org/openbadges/v2")
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
            "Le contexte Open Badges 2.0 (https://w3id.org/openbadges/v2) manque.",
            "The Open Badges 2.0 context (https://w3id.org/openbadges/v2) is missing.",
          ),
        },
  );
  const problems: string[] = [];
  if (!typesOf(assertion).includes("Assertion")) problems.push("type");
  if (!badge) problems.push("badge");
  if (!issuer) problems.push("issuer");
  if (!obj(assertion.recipient)) problems.push("recipient");
  if (!str(assertion.issuedOn)) problems.push("issuedOn");
  steps.push(
    problems.length === 0
      ? {
          id: "schema",
          status: "passed",
          reason: r(
            "L'assertion, son badge et son émetteur sont complets.",
            "The assertion, its badge class and issuer are complete.",
          ),
        }
      : {
          id: "schema",
          status: "failed",
          reason: r(
            `Éléments manquants ou inaccessibles : ${problems.join(", ")}.`,
            `Missing or unreachable parts: ${problems.join(", ")}.`,
          ),
        },
  );
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
  else steps.push(validitySteps(issuedOn, expires, now));
  const assertionId = str(assertion.id);
  let revoked = assertion.revoked === true;
  let reason = str(assertion.revocationReason);
  const listUrl = str(issuer?.revocationList);
  if (!revoked && listUrl && assertionId) {
    const { json } = await fetchJson(fetcher, listUrl);
    const entry = asArray(json?.revokedAssertions).find(
      (e) => e === assertionId || obj(e)?.id === assertionId || obj(e)?.uid === assertion.uid,
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
      : {
          id: "status",
          status: listUrl || assertion.revoked === false ? "passed" : "not_applicable",
          reason: r("Le badge n'est pas révoqué.", "The badge is not revoked."),
        },
  );
  const recipient = obj(assertion.recipient);
  const identity = str(recipient?.identity) ?? "";
  steps.push(
    recipientStep(
      recipient?.hashed === true
        ? { hashed: [{ hash: identity, salt: str(recipient.salt) ?? "" }] }
        : { plain: [identity] },
      options,
    ),
  );
  const image = str(assertion.image) ?? str(badge?.image) ?? str(obj(badge?.image)?.id);
  return {
    ...(str(badge?.name) ? { name: str(badge?.name), achievementName: str(badge?.name) } : {}),
    ...(str(issuer?.id) ? { issuerId: str(issuer?.id) } : {}),
    ...(str(issuer?.name) ? { issuerName: str(issuer?.name) } : {}),
    ...(image ? { image } : {}),
    ...(issuedOn ? { validFrom: issuedOn } : {}),
    ...(expires ? { validUntil: expires } : {}),
  };
}

async function verifyOb2(
  assertion: Record<string, unknown>,
  source: VerificationReport["source"],
  parseStep: Step,
  fetcher: Fetcher,
  options: VerifyOptions,
): Promise<VerificationReport> {
  const steps: Step[] = [
    parseStep,
    {
      id: "format",
      status: "passed",
      reason: r("Open Badge 2.0 hébergé.", "Hosted Open Badge 2.0."),
    },
  ];
  const verify = obj(assertion.verification) ?? obj(assertion.verify);
  const type = str(verify?.type)?.toLowerCase();
  if (type === "signed" || type === "signedbadge") {
    steps.push({
      id: "hosted",
      status: "failed",
      reason: r(
        "Une assertion signée doit être fournie sous sa forme JWS.",
        "A signed assertion must be given in its JWS form.",
      ),
    });
    return finish({ format: "ob2-signed", source, credential: assertion, summary: {}, steps });
  }
  const hostedUrl = str(verify?.url) ?? str(assertion.id);
  if (!hostedUrl || !/^https?:\/\//.test(hostedUrl)) {
    steps.push({
      id: "hosted",
      status: "failed",
      reason: r(
        "L'assertion n'indique pas où la vérifier.",
        "The assertion does not say where to verify it.",
      ),
    });
    return finish({ format: "ob2-hosted", source, credential: assertion, summary: {}, steps });
  }
  const { result, json: hosted } = await fetchJson(fetcher, hostedUrl);
  if (!result.ok && result.status === 410) {
    steps.push({
      id: "hosted",
      status: "passed",
      reason: r("L'émetteur répond pour ce badge.", "The issuer answers for this badge."),
    });
    steps.push({
      id: "status",
      status: "failed",
      reason: r("Le badge a été révoqué par son émetteur.", "The badge was revoked by its issuer."),
      details: { code: "REVOKED" },
    });
    return finish({ format: "ob2-hosted", source, credential: assertion, summary: {}, steps });
  }
  if (!hosted) {
    steps.push({
      id: "hosted",
      status: "failed",
      reason: r(
        `L'émetteur ne publie pas ce badge à ${hostedUrl}.`,
        `The issuer does not publish this badge at ${hostedUrl}.`,
      ),
    });
    return finish({ format: "ob2-hosted", source, credential: assertion, summary: {}, steps });
  }
  const same =
    str(hosted.id) === str(assertion.id) &&
    JSON.stringify(hosted.recipient) === JSON.stringify(assertion.recipient) &&
    JSON.stringify(hosted.badge) === JSON.stringify(assertion.badge);
  steps.push(
    same
      ? {
          id: "hosted",
          status: "passed",
          reason: r(
            "L'émetteur publie ce badge à son adresse.",
            "The issuer publishes this badge at its address.",
          ),
        }
      : {
          id: "hosted",
          status: "failed",
          reason: r(
            "La version publiée par l'émetteur diffère de celle fournie.",
            "The version published by the issuer differs from the one given.",
          ),
        },
  );
  const summary = await ob2Common(hosted, steps, fetcher, options, hostedUrl);
  return finish({ format: "ob2-hosted", source, credential: hosted, summary, steps });
}

async function verifyOb2Signed(
  token: string,
  assertion: Record<string, unknown>,
  source: VerificationReport["source"],
  parseStep: Step,
  fetcher: Fetcher,
  options: VerifyOptions,
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
  const keyDoc = creator ? (await fetchJson(fetcher, creator)).json : null;
  const pem = str(keyDoc?.publicKeyPem);
  // The key must belong to the issuer of the badge class it signs for.
  const badgeRef = assertion.badge;
  const badge =
    obj(badgeRef) ??
    (typeof badgeRef === "string"
      ? ((await fetchJson(fetcher, badgeRef)).json ?? undefined)
      : undefined);
  const issuerId = str(badge?.issuer) ?? str(obj(badge?.issuer)?.id);
  const owner = str(keyDoc?.owner);
  if (pem && owner && issuerId && owner !== issuerId) {
    steps.push({
      id: "issuer_key",
      status: "failed",
      reason: r(
        "La clé de signature n'appartient pas à l'émetteur du badge.",
        "The signing key does not belong to the badge's issuer.",
      ),
    });
  } else if (!pem) {
    steps.push({
      id: "issuer_key",
      status: "failed",
      reason: r(
        "La clé publique de l'émetteur est introuvable.",
        "The issuer's public key cannot be found.",
      ),
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
    } catch {
      steps.push({
        id: "signature",
        status: "failed",
        reason: r("La signature ne correspond pas.", "The signature does not match."),
      });
    }
  }
  const summary = await ob2Common(assertion, steps, fetcher, options);
  return finish({ format: "ob2-signed", source, credential: assertion, summary, steps });
}
