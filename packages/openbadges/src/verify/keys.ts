import { createDocumentLoader, type DocumentLoader } from "../contexts";
import type { Fetcher } from "../fetch";
import { didWebToUrl } from "../keys";
import { parseJson } from "./input";

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const idOf = (v: unknown) => (typeof v === "string" ? v : (v as { id?: unknown } | null)?.id);

const KEY_CONTEXT: Record<string, string> = {
  Multikey: "https://w3id.org/security/multikey/v1",
  Ed25519VerificationKey2020: "https://w3id.org/security/suites/ed25519-2020/v1",
};

function findMethod(
  document: Record<string, unknown>,
  id: string,
): Record<string, unknown> | undefined {
  for (const key of ["verificationMethod", "assertionMethod", "publicKey", "authentication"])
    for (const entry of asArray(document[key]))
      if (entry && typeof entry === "object" && idOf(entry) === id)
        return entry as Record<string, unknown>;
  return undefined;
}

/**
 * Resolves verification methods and their controllers from the issuer's
 * published documents (did:web or https), through the safe fetcher. The
 * documents are reduced to what proof checking needs, under our own bundled
 * contexts, so a remote document cannot smuggle in a context of its own.
 */
export function remoteKeyResolver(fetcher: Fetcher) {
  const cache = new Map<string, Promise<Record<string, unknown> | undefined>>();
  const fetchJson = (url: string) => {
    let pending = cache.get(url);
    if (!pending) {
      pending = fetcher(url).then((r) => (r.ok ? (parseJson(r.text) ?? undefined) : undefined));
      cache.set(url, pending);
    }
    return pending;
  };
  return async (url: string): Promise<unknown | undefined> => {
    const [base = "", fragment] = url.split("#");
    const location = base.startsWith("did:web:")
      ? didWebToUrl(base)
      : /^https?:\/\//.test(base)
        ? base
        : null;
    if (!location) return undefined;
    const document = await fetchJson(location);
    if (!document) return undefined;
    const controllerId = base.startsWith("did:web:")
      ? base
      : ((document.id as string | undefined) ?? base);
    // An https key published as a document of its own (no fragment): its
    // controller's document, fetched in turn, must list it as an assertion method.
    if (
      fragment === undefined &&
      !base.startsWith("did:") &&
      document.id === url &&
      typeof document.publicKeyMultibase === "string" &&
      typeof document.controller === "string"
    ) {
      const type = typeof document.type === "string" ? document.type : "Multikey";
      return {
        "@context": KEY_CONTEXT[type] ?? KEY_CONTEXT.Multikey,
        id: url,
        type,
        controller: document.controller,
        publicKeyMultibase: document.publicKeyMultibase,
      };
    }
    if (fragment !== undefined) {
      const method = findMethod(document, url) ?? findMethod(document, `#${fragment}`);
      if (!method) return undefined;
      const type = typeof method.type === "string" ? method.type : "Multikey";
      return {
        "@context": KEY_CONTEXT[type] ?? KEY_CONTEXT.Multikey,
        id: url,
        type,
        controller: typeof method.controller === "string" ? method.controller : controllerId,
        ...(typeof method.publicKeyMultibase === "string"
          ? { publicKeyMultibase: method.publicKeyMultibase }
          : {}),
        ...(method.publicKeyJwk ? { publicKeyJwk: method.publicKeyJwk } : {}),
      };
    }
    const assertion = asArray(document.assertionMethod ?? document.verificationMethod)
      .map((m) => {
        const id = idOf(m);
        return typeof id === "string" && id.startsWith("#") ? `${controllerId}${id}` : id;
      })
      .filter((id): id is string => typeof id === "string");
    return {
      "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
      id: controllerId,
      assertionMethod: assertion,
    };
  };
}

export function verifierDocumentLoader(fetcher: Fetcher | undefined): DocumentLoader {
  return createDocumentLoader(fetcher ? { resolve: remoteKeyResolver(fetcher) } : {});
}

/** The raw published document behind a key URL (for JWT keys, jwt-keys.ts). */
export async function publishedDocument(
  fetcher: Fetcher,
  url: string,
): Promise<Record<string, unknown> | undefined> {
  const base = url.split("#")[0] ?? "";
  const location = base.startsWith("did:web:") ? didWebToUrl(base) : base;
  if (!location || !/^https?:\/\//.test(location)) return undefined;
  const result = await fetcher(location);
  return result.ok ? (parseJson(result.text) ?? undefined) : undefined;
}
