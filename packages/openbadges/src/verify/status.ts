import { verifyDataIntegrity } from "../sign";
import { decodeBitstring, getStatusValue } from "../status-list";
import { r, type Step } from "./report";
import { asArray, type Context, fetchJson, idOf, obj, str, typesOf } from "./util";

/** A status that does not hold, with its stable code and its reason in French and English. */
const failed = (
  code: string,
  fr: string,
  en: string,
  more: Record<string, unknown> = {},
): Step => ({
  id: "status",
  status: "failed",
  reason: r(fr, en),
  details: { code, ...more },
});

const unavailable = (what: { fr: string; en: string }): Step =>
  failed(
    "STATUS_UNAVAILABLE",
    `${what.fr} : impossible d'affirmer que le badge n'est ni révoqué ni suspendu.`,
    `${what.en}: the badge cannot be shown to be neither revoked nor suspended.`,
  );

const suspendedStep = failed(
  "SUSPENDED",
  "Le badge est suspendu par son émetteur.",
  "The badge is suspended by its issuer.",
);

const revokedStep = (reason?: string): Step =>
  failed(
    "REVOKED",
    `Le badge a été révoqué par son émetteur${reason ? ` : ${reason}` : ""}.`,
    `The badge was revoked by its issuer${reason ? `: ${reason}` : ""}.`,
  );

const malformed = failed(
  "STATUS_MALFORMED",
  "L'entrée de statut est mal formée.",
  "The status entry is malformed.",
);

/**
 * statusSize (1 when absent, at most 8 here) and, above 1, statusMessage: one
 * message per possible value, each with its value in hexadecimal ("0x2").
 */
function entryShape(entry: Record<string, unknown>) {
  const size = entry.statusSize === undefined ? 1 : Number(entry.statusSize);
  if (!Number.isInteger(size) || size < 1 || size > 8) return null;
  const messages = new Map<number, string>();
  if (entry.statusMessage !== undefined) {
    if (!Array.isArray(entry.statusMessage) || entry.statusMessage.length !== 2 ** size)
      return null;
    for (const item of entry.statusMessage) {
      const status = str(obj(item)?.status);
      const message = str(obj(item)?.message);
      if (!status || !/^0x[0-9a-f]+$/i.test(status) || message === undefined) return null;
      messages.set(Number.parseInt(status.slice(2), 16), message);
    }
  } else if (size > 1) return null;
  return { size, messages };
}

/**
 * What a value that is not 0 means (the specification: 0 is valid, anything
 * else is not): a revocation or a suspension by its purpose, and for a
 * "message" entry, by the issuer's message for that value.
 */
function setStep(purpose: string, message: string | undefined, value: number): Step {
  if (purpose === "suspension" || (purpose === "message" && message === "suspended"))
    return suspendedStep;
  if (purpose !== "message" || message === "revoked") return revokedStep();
  const said = (message ?? `0x${value.toString(16)}`).slice(0, 200);
  return failed(
    "STATUS_FLAGGED",
    `L'émetteur signale ce badge par le statut « ${said} » : il n'est pas valide.`,
    `The issuer flags this badge with the status "${said}": it is not valid.`,
    { value, message: said },
  );
}

/** The controller of a verification method, as the issuer publishes it. */
async function keyController(context: Context, method: string): Promise<string | undefined> {
  try {
    return str(obj((await context.documentLoader(method)).document)?.controller);
  } catch {
    return undefined;
  }
}

/**
 * A Bitstring Status List (or its predecessor StatusList2021) entry: the list
 * is a credential that must be signed with a key the badge's issuer
 * publishes, and we read the bit ourselves.
 */
async function bitstringEntry(
  entry: Record<string, unknown>,
  credentialIssuer: string | undefined,
  context: Context,
): Promise<Step | null> {
  const listUrl = str(entry.statusListCredential);
  const index = Number(entry.statusListIndex);
  const purpose = str(entry.statusPurpose) ?? "revocation";
  const shape = entryShape(entry);
  if (!listUrl || !Number.isInteger(index) || index < 0 || !shape) return malformed;
  const { json: list } = await fetchJson(context.fetcher, listUrl);
  if (!list)
    return unavailable({
      fr: "La liste de statut de l'émetteur est inaccessible",
      en: "The issuer's status list is unreachable",
    });
  const check = await verifyDataIntegrity(list, { documentLoader: context.documentLoader });
  const bound =
    check.verified &&
    !!check.verificationMethod &&
    idOf(list.issuer) === credentialIssuer &&
    (await keyController(context, check.verificationMethod)) === credentialIssuer;
  if (!bound)
    return failed(
      "STATUS_LIST_UNTRUSTED",
      "La liste de statut n'est pas signée par l'émetteur du badge.",
      "The status list is not signed by the badge's issuer.",
      { error: check.error },
    );
  const subject = obj(list.credentialSubject);
  // A list may serve several purposes; the entry's must be one of them.
  const listPurposes = asArray(subject?.statusPurpose).filter((p) => typeof p === "string");
  if (listPurposes.length > 0 && !listPurposes.includes(purpose))
    return failed(
      "STATUS_MALFORMED",
      "La liste de statut ne sert pas à ce que l'entrée annonce.",
      "The status list does not serve the purpose the entry states.",
    );
  let value: number;
  // StatusList2021 writes the gzipped bits in plain base64url; Bitstring
  // Status List adds the multibase prefix "u".
  const encoded = str(subject?.encodedList) ?? "";
  const multibase =
    typesOf(entry)[0] === "StatusList2021Entry" && !encoded.startsWith("u")
      ? `u${encoded}`
      : encoded;
  try {
    value = getStatusValue(decodeBitstring(multibase), index, shape.size);
  } catch {
    return unavailable({
      fr: "La liste de statut est illisible",
      en: "The status list cannot be read",
    });
  }
  return value === 0 ? null : setStep(purpose, shape.messages.get(value), value);
}

/**
 * The earlier 1EdTech Revocation List: an unsigned JSON list at the entry's
 * id, naming revoked credentials in `revokedCredentials`.
 */
async function oneEdTechEntry(
  entry: Record<string, unknown>,
  credential: Record<string, unknown>,
  context: Context,
): Promise<Step | null> {
  const listUrl = str(entry.id);
  const { json: list } = listUrl ? await fetchJson(context.fetcher, listUrl) : { json: null };
  if (!list || !Array.isArray(list.revokedCredentials))
    return unavailable({
      fr: "La liste de révocation 1EdTech de l'émetteur est inaccessible",
      en: "The issuer's 1EdTech revocation list is unreachable",
    });
  const credentialId = str(credential.id);
  const hit = list.revokedCredentials
    .map((e) => (typeof e === "string" ? { id: e } : obj(e)))
    .find((e) => !!credentialId && e?.id === credentialId && e?.revoked !== false);
  return hit ? revokedStep(str(hit.revocationReason)) : null;
}

/** Revocation and suspension of an OB 3.0 credential: every entry must be checked and clear. */
export async function statusStep(
  credential: Record<string, unknown>,
  context: Context,
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
  const issuer = idOf(credential.issuer);
  for (const entry of entries) {
    const type = typesOf(entry)[0];
    let outcome: Step | null;
    if (type === "BitstringStatusListEntry" || type === "StatusList2021Entry")
      outcome = await bitstringEntry(entry, issuer, context);
    else if (type === "1EdTechRevocationList")
      outcome = await oneEdTechEntry(entry, credential, context);
    else
      outcome = failed(
        "STATUS_UNSUPPORTED",
        `Le statut de type « ${type ?? "?"} » n'est pas pris en charge : impossible d'affirmer que le badge n'est pas révoqué.`,
        `The status of type "${type ?? "?"}" is not supported: the badge cannot be shown not to be revoked.`,
      );
    if (outcome) return outcome;
  }
  return {
    id: "status",
    status: "passed",
    reason: r(
      "Le badge n'est ni révoqué ni suspendu.",
      "The badge is neither revoked nor suspended.",
    ),
  };
}
