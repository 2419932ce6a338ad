import { isPagePath } from "../../../web/src/page-paths";

export type Unrouted = "api" | "page" | "missing";

/** The path of a URL as a router reads it, percent-decoded when it can be. */
export function decodedPath(url: string): string {
  const path = url.split(/[?#]/)[0] ?? "/";
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * What a request that no route took is answered with: an API path (/api,
 * /ims, however spelt) or any method but GET and HEAD gets a JSON 404; a page
 * of the web app (web/src/page-paths.ts, the router's own list) gets the app;
 * anything else gets the app with a 404 status, and the app shows its own
 * "page not found".
 */
export function unrouted(method: string, url: string): Unrouted {
  if (method !== "GET" && method !== "HEAD") return "api";
  if (/^\/+(api|ims)(\/|$)/i.test(decodedPath(url))) return "api";
  return isPagePath(url.split(/[?#]/)[0] ?? "/") ? "page" : "missing";
}
