import type { Config } from "../config";

type Site = Pick<Config, "mode" | "publicUrl">;

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** A Host header as browsers send it: a DNS name or IPv4 address, or an IPv6 literal, and a port. */
const HOST_SHAPE = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

function isLoopbackName(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.has(hostname) || hostname.endsWith(".localhost");
}

/** Host and port of `authority` as read under PUBLIC_URL's scheme (default ports elided). */
function parseAuthority(authority: string, scheme: string): URL | undefined {
  const lower = authority.toLowerCase();
  if (!HOST_SHAPE.test(lower)) return undefined;
  try {
    return new URL(`${scheme}//${lower}`);
  } catch {
    return undefined;
  }
}

/**
 * Whether a request's Host is ours: PUBLIC_URL's host only, and in demo mode
 * the localhost names too (on any port). Anything else is refused, so that
 * a page on another name resolved to this server (DNS rebinding) is never
 * answered as if it were Blason.
 */
export function isAllowedHost(host: string | undefined, site: Site): boolean {
  if (!host) return false;
  const publicUrl = new URL(site.publicUrl);
  const url = parseAuthority(host, publicUrl.protocol);
  if (!url) return false;
  if (url.host === publicUrl.host) return true;
  return site.mode === "demo" && isLoopbackName(url.hostname);
}

/**
 * Whether a browser's Origin is ours. It is compared with PUBLIC_URL, never
 * with the request's own Host (which the page making the request chooses).
 * In demo mode the same port under another localhost name also counts
 * (http://127.0.0.1:3000 for http://localhost:3000); another local port does
 * not, since cookies are shared across a host's ports.
 */
export function isOwnOrigin(origin: string, site: Site): boolean {
  const publicUrl = new URL(site.publicUrl);
  if (origin === publicUrl.origin) return true;
  if (site.mode !== "demo" || !isLoopbackName(publicUrl.hostname)) return false;
  const match = /^(https?:)\/\/(.+)$/.exec(origin);
  if (!match || match[1] !== publicUrl.protocol) return false;
  const url = parseAuthority(match[2]!, publicUrl.protocol);
  return !!url && isLoopbackName(url.hostname) && url.port === publicUrl.port;
}
