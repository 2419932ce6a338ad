import { createSafeFetcher, type Fetcher, type FetchResult } from "@blason/openbadges";
import type { Config } from "../config";

/** Answers a GET for one of our own URLs without the network (set by the web app). */
export type OwnUrlHandler = (url: URL, accept: string | undefined) => Promise<FetchResult>;

/**
 * The one fetcher of the platform. Our own public documents (issuer profiles,
 * did.json, status lists, hosted assertions) are answered in-process, so a
 * Blason instance can verify its own badges even where its public address
 * does not route back to it; everything else goes through the engine's safe
 * fetcher (no private addresses, capped size, time and redirects).
 */
export function createPlatformFetcher(
  config: Config,
  ownUrls: { handler?: OwnUrlHandler },
): Fetcher {
  // By host: a did:web names its document over https even where a local
  // instance answers over http.
  const own = new URL(config.publicUrl).host;
  const safe = createSafeFetcher({ allowPrivateHosts: config.fetchAllowPrivateHosts });
  return async (url, options) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (parsed && parsed.host === own && ownUrls.handler)
      return ownUrls.handler(parsed, options?.accept);
    return safe(url, options);
  };
}
