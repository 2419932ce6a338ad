import { verifyDataIntegrity } from "../sign";
import { decodeBitstring, getStatus } from "../status-list";
import { r, type Step } from "./report";
import { asArray, type Context, fetchJson, idOf, obj, str, typesOf } from "./util";

const unavailable = (what: { fr: string; en: string }): Step => ({
  id: "status",
  status: "failed",
  reason: r(
    `${what.fr} : impossible d'affirmer que le badge n'est ni révoqué ni suspendu.`,
    `${what.en}: the badge cannot be shown to be neither revoked nor suspended.`,
  ),
  details: { code: "STATUS_UNAVAILABLE" },
});

const revokedStep = (purpose: string, reason?: string): Step =>
  purpose === "suspension"
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
          `Le badge a été révoqué par son émetteur${reason ? ` : ${reason}` : ""}.`,
          `The badge was revoked by its issuer${reason ? `: ${reason}` : ""}.`,
        ),
        details: { code: "REVOKED" },
      };

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
  if (!listUrl || !Number.isInteger(index) || index < 0)
    return {
      id: "status",
      status: "failed",
      reason: r("L'entrée de statut est mal formée.", "The status entry is malformed."),
      details: { code: "STATUS_MALFORMED" },
    };
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
    return {
      id: "status",
      status: "failed",
      reason: r(
        "La liste de statut n'est pas signée par l'émetteur du badge.",
        "The status list is not signed by the badge's issuer.",
      ),
      details: { code: "STATUS_LIST_UNTRUSTED", error: check.error },
    };
  const subject = obj(list.credentialSubject);
  const listPurpose = str(subject?.statusPurpose);
  if (listPurpose && listPurpose !== purpose)
    return {
      id: "status",
      status: "failed",
      reason: r(
        "La liste de statut ne sert pas à ce que l'entrée annonce.",
        "The status list does not serve the purpose the entry states.",
      ),
      details: { code: "STATUS_MALFORMED" },
    };
  let set: boolean;
  // StatusList2021 writes the gzipped bits in plain base64url; Bitstring
  // Status List adds the multibase prefix "u".
  const encoded = str(subject?.encodedList) ?? "";
  const multibase =
    typesOf(entry)[0] === "StatusList2021Entry" && !encoded.startsWith("u")
      ? `u${encoded}`
      : encoded;
  try {
    set = getStatus(decodeBitstring(multibase), index);
  } catch {
    return unavailable({
      fr: "La liste de statut est illisible",
      en: "The status list cannot be read",
    });
  }
  return set ? revokedStep(purpose) : null;
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
  return hit ? revokedStep("revocation", str(hit.revocationReason)) : null;
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
      outcome = {
        id: "status",
        status: "failed",
        reason: r(
          `Le statut de type « ${type ?? "?"} » n'est pas pris en charge : impossible d'affirmer que le badge n'est pas révoqué.`,
          `The status of type "${type ?? "?"}" is not supported: the badge cannot be shown not to be revoked.`,
        ),
        details: { code: "STATUS_UNSUPPORTED" },
      };
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
