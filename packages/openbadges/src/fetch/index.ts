import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { isForbiddenAddress } from "./addresses";

export { embeddedIpv4, isForbiddenAddress } from "./addresses";

export type FetchFailureCode =
  | "FETCH_INVALID_URL"
  | "FETCH_BLOCKED_ADDRESS"
  | "FETCH_DNS"
  | "FETCH_TOO_LARGE"
  | "FETCH_TIMEOUT"
  | "FETCH_TOO_MANY_REDIRECTS"
  | "FETCH_HTTP_STATUS"
  | "FETCH_NETWORK";

export type FetchResult =
  | {
      ok: true;
      status: number;
      url: string;
      finalUrl: string;
      contentType: string;
      body: Uint8Array;
      text: string;
    }
  | { ok: false; url: string; code: FetchFailureCode; message: string; status?: number };

export type Fetcher = (url: string, options?: { accept?: string }) => Promise<FetchResult>;

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;
/** Sends the request to an already-checked address (injectable so tests decide at the address step). */
export type Connector = (request: {
  url: URL;
  address: ResolvedAddress;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
}) => Promise<{
  status: number;
  headers: Record<string, string | undefined>;
  body: Uint8Array;
  truncated: boolean;
}>;

export type SafeFetcherOptions = {
  resolver?: Resolver;
  connector?: Connector;
  /** Host names (or `true` for all) allowed to resolve to private or loopback addresses: tests and local development only. */
  allowPrivateHosts?: readonly string[] | boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
};

const defaultResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((r) => ({
    address: r.address,
    family: r.family === 6 ? 6 : 4,
  }));

/** Node's http(s) with the socket pinned to the checked address: no second DNS answer (rebinding). */
const defaultConnector: Connector = ({ url, address, headers, timeoutMs, maxBytes }) =>
  new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(
      url,
      {
        method: "GET",
        headers,
        timeout: timeoutMs,
        lookup: (_host, _opts, callback) => callback(null, address.address, address.family),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            truncated = true;
            response.destroy();
            return;
          }
          chunks.push(chunk);
        });
        const finish = () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: Object.fromEntries(
              Object.entries(response.headers).map(([k, v]) => [
                k,
                Array.isArray(v) ? v.join(", ") : v,
              ]),
            ),
            body: new Uint8Array(Buffer.concat(chunks)),
            truncated,
          });
        response.on("end", finish);
        response.on("close", finish);
        response.on("error", (error) => (truncated ? finish() : reject(error)));
      },
    );
    const timer = setTimeout(
      () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
      timeoutMs,
    );
    request.on("timeout", () =>
      request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
    );
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on("close", () => clearTimeout(timer));
    request.end();
  });

/**
 * The one way Blason fetches a remote document: it resolves the name itself,
 * refuses private, loopback, link-local and unique-local addresses (also
 * after each redirect), pins the connection to the checked address, and caps
 * size, time and redirects. It answers a result, never throws.
 */
export function createSafeFetcher(options: SafeFetcherOptions = {}): Fetcher {
  const resolver = options.resolver ?? defaultResolver;
  const connector = options.connector ?? defaultConnector;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxRedirects = options.maxRedirects ?? 3;
  const allowPrivate = (host: string) =>
    options.allowPrivateHosts === true ||
    (Array.isArray(options.allowPrivateHosts) && options.allowPrivateHosts.includes(host));

  return async (input, fetchOptions = {}) => {
    let current = input;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      let url: URL;
      try {
        url = new URL(current);
      } catch {
        return { ok: false, url: input, code: "FETCH_INVALID_URL", message: "not a URL" };
      }
      if (url.protocol !== "https:" && url.protocol !== "http:")
        return {
          ok: false,
          url: input,
          code: "FETCH_INVALID_URL",
          message: `scheme ${url.protocol} is not allowed`,
        };
      if (url.username || url.password)
        return {
          ok: false,
          url: input,
          code: "FETCH_INVALID_URL",
          message: "credentials in URLs are not allowed",
        };
      const hostname = url.hostname.replace(/^\[|\]$/g, "");
      let addresses: ResolvedAddress[];
      try {
        const literal = isIP(hostname);
        addresses = literal
          ? [{ address: hostname, family: literal === 6 ? 6 : 4 }]
          : await resolver(hostname);
      } catch {
        return { ok: false, url: input, code: "FETCH_DNS", message: `cannot resolve ${hostname}` };
      }
      if (addresses.length === 0)
        return { ok: false, url: input, code: "FETCH_DNS", message: `cannot resolve ${hostname}` };
      // Every answer must be acceptable: an attacker controls which one a later lookup returns.
      if (!allowPrivate(hostname) && addresses.some((a) => isForbiddenAddress(a.address)))
        return {
          ok: false,
          url: input,
          code: "FETCH_BLOCKED_ADDRESS",
          message: `${hostname} resolves to a private or reserved address`,
        };
      const address = addresses[0]!;
      let response: Awaited<ReturnType<Connector>>;
      try {
        response = await connector({
          url,
          address,
          headers: {
            accept: fetchOptions.accept ?? "application/ld+json, application/json;q=0.9, */*;q=0.1",
            "user-agent": "Blason-Verifier/1.0",
          },
          timeoutMs,
          maxBytes,
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        return code === "ETIMEDOUT"
          ? {
              ok: false,
              url: input,
              code: "FETCH_TIMEOUT",
              message: `no answer within ${timeoutMs} ms`,
            }
          : { ok: false, url: input, code: "FETCH_NETWORK", message: (error as Error).message };
      }
      if (response.truncated)
        return {
          ok: false,
          url: input,
          code: "FETCH_TOO_LARGE",
          message: `larger than ${maxBytes} bytes`,
        };
      if (response.status >= 300 && response.status < 400 && response.headers.location) {
        current = new URL(response.headers.location, url).toString();
        continue;
      }
      if (response.status < 200 || response.status >= 300)
        return {
          ok: false,
          url: input,
          code: "FETCH_HTTP_STATUS",
          status: response.status,
          message: `HTTP ${response.status}`,
        };
      return {
        ok: true,
        status: response.status,
        url: input,
        finalUrl: url.toString(),
        contentType: response.headers["content-type"] ?? "",
        body: response.body,
        text: new TextDecoder().decode(response.body),
      };
    }
    return {
      ok: false,
      url: input,
      code: "FETCH_TOO_MANY_REDIRECTS",
      message: `more than ${maxRedirects} redirects`,
    };
  };
}

/** A fetcher that answers from a map of URL -> document (tests and offline fixtures); anything else is refused. */
export function createMapFetcher(documents: Record<string, string | Uint8Array | object>): Fetcher {
  return async (url) => {
    const doc = documents[url] ?? documents[url.replace(/#.*$/, "")];
    if (doc === undefined)
      return { ok: false, url, code: "FETCH_HTTP_STATUS", status: 404, message: "HTTP 404" };
    const body =
      doc instanceof Uint8Array
        ? doc
        : new TextEncoder().encode(typeof doc === "string" ? doc : JSON.stringify(doc));
    return {
      ok: true,
      status: 200,
      url,
      finalUrl: url,
      contentType: "application/json",
      body,
      text: new TextDecoder().decode(body),
    };
  };
}
