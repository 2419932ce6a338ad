import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isForbiddenAddress } from "./addresses";

export { embeddedIpv4, ipv6Groups, isForbiddenAddress } from "./addresses";

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
      /** The URL asked for. */
      url: string;
      /** The URL that answered, after redirects. */
      finalUrl: string;
      contentType: string;
      body: Uint8Array;
      text: string;
    }
  | {
      ok: false;
      url: string;
      code: FetchFailureCode;
      message: string;
      status?: number;
      /**
       * The body of a 410 Gone: a revoked OB 2.0 assertion may say so there
       * (`{"revoked": true, "revocationReason": ...}`).
       */
      text?: string;
    };

export type Fetcher = (url: string, options?: { accept?: string }) => Promise<FetchResult>;

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;
export type ConnectorResponse = {
  status: number;
  headers: Record<string, string | undefined>;
  body: Uint8Array;
  /** The body was cut off at `maxBytes`. */
  truncated: boolean;
};
/**
 * Sends one GET to an address that was already checked. Injectable, so that
 * tests decide at the address step and never send a packet.
 */
export type Connector = (request: {
  url: URL;
  address: ResolvedAddress;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  signal: AbortSignal;
}) => Promise<ConnectorResponse>;

export type SafeFetcherOptions = {
  resolver?: Resolver;
  connector?: Connector;
  /**
   * The test allowance: host names (as written in URLs) that may resolve to
   * loopback or private addresses, or `true` for all. Tests and local
   * development only, never in production.
   */
  allowPrivateHosts?: readonly string[] | boolean;
  /** Default 2 MB; the body is streamed and cut off past it. */
  maxBytes?: number;
  /** For the whole fetch, redirects included. Default 5 s. */
  timeoutMs?: number;
  /** Default 3. */
  maxRedirects?: number;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const defaultResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((r) => ({
    address: r.address,
    family: r.family === 6 ? 6 : 4,
  }));

class FetchError extends Error {
  constructor(
    readonly code: FetchFailureCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Node's http(s), with the socket pinned to the checked address (no second
 * DNS answer: no rebinding) while Host and TLS SNI keep the name.
 */
export const defaultConnector: Connector = ({ url, address, headers, maxBytes, signal }) =>
  new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const lookup: LookupFunction = (_host, options, callback) => {
      if (options.all) callback(null, [{ address: address.address, family: address.family }]);
      else callback(null, address.address, address.family);
    };
    const request = transport.request(
      url,
      { method: "GET", headers, lookup, signal, agent: false },
      (response) => {
        const declared = Number(response.headers["content-length"]);
        const chunks: Buffer[] = [];
        let size = 0;
        let settled = false;
        const finish = (truncated: boolean) => {
          if (settled) return;
          settled = true;
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
        };
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.destroy();
          finish(true);
          return;
        }
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            finish(true);
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => finish(false));
        response.on("error", (error) => {
          if (!settled) reject(error);
        });
        response.on("close", () => {
          if (!settled) reject(new FetchError("FETCH_NETWORK", "connection closed early"));
        });
      },
    );
    request.on("error", reject);
    request.end();
  });

type Refusal = Extract<FetchResult, { ok: false }>;

/**
 * The one way Blason fetches a remote document (issuer profiles, DID
 * documents, status lists, hosted assertions, partner badges). It resolves
 * the name itself, refuses loopback, private, link-local, unique-local and
 * metadata addresses (also after each redirect and in IPv4-mapped forms),
 * connects to the address it checked, and caps size, time and redirects.
 * It answers a result and never throws.
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

  const run = async (input: string, accept: string, signal: AbortSignal): Promise<FetchResult> => {
    const refuse = (
      code: FetchFailureCode,
      message: string,
      status?: number,
      text?: string,
    ): Refusal => ({
      ok: false,
      url: input,
      code,
      message,
      ...(status === undefined ? {} : { status }),
      ...(text === undefined ? {} : { text }),
    });
    let current = input;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      let url: URL;
      try {
        url = new URL(current);
      } catch {
        return refuse("FETCH_INVALID_URL", "not a URL");
      }
      if (url.protocol !== "https:" && url.protocol !== "http:")
        return refuse("FETCH_INVALID_URL", `scheme ${url.protocol} is not allowed`);
      if (url.username || url.password)
        return refuse("FETCH_INVALID_URL", "credentials in URLs are not allowed");
      const hostname = url.hostname.replace(/^\[|\]$/g, "");
      let addresses: ResolvedAddress[];
      const literal = isIP(hostname);
      if (literal) addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
      else {
        try {
          addresses = await resolver(hostname);
        } catch {
          return refuse("FETCH_DNS", `cannot resolve ${hostname}`);
        }
      }
      if (signal.aborted) return refuse("FETCH_TIMEOUT", `no answer within ${timeoutMs} ms`);
      if (addresses.length === 0) return refuse("FETCH_DNS", `cannot resolve ${hostname}`);
      // Every answer must be acceptable: whoever controls the name chooses which one a connection gets.
      if (!allowPrivate(hostname) && addresses.some((a) => isForbiddenAddress(a.address)))
        return refuse(
          "FETCH_BLOCKED_ADDRESS",
          `${hostname} resolves to a loopback, private or reserved address`,
        );
      const address = addresses[0];
      if (!address) return refuse("FETCH_DNS", `cannot resolve ${hostname}`);
      let response: ConnectorResponse;
      try {
        response = await connector({
          url,
          address,
          headers: { accept, "user-agent": "Blason-Verifier/1.0" },
          timeoutMs,
          maxBytes,
          signal,
        });
      } catch (error) {
        if (signal.aborted) return refuse("FETCH_TIMEOUT", `no answer within ${timeoutMs} ms`);
        return refuse(
          error instanceof FetchError ? error.code : "FETCH_NETWORK",
          error instanceof Error ? error.message : "network error",
        );
      }
      if (response.truncated || response.body.length > maxBytes)
        return refuse("FETCH_TOO_LARGE", `larger than ${maxBytes} bytes`);
      const location = response.headers.location;
      if (REDIRECTS.has(response.status) && location) {
        try {
          current = new URL(location, url).toString();
        } catch {
          return refuse("FETCH_INVALID_URL", "redirect to an invalid URL");
        }
        continue;
      }
      if (response.status < 200 || response.status >= 300)
        return refuse(
          "FETCH_HTTP_STATUS",
          `HTTP ${response.status}`,
          response.status,
          response.status === 410 ? new TextDecoder().decode(response.body) : undefined,
        );
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
    return refuse("FETCH_TOO_MANY_REDIRECTS", `more than ${maxRedirects} redirects`);
  };

  return async (input, fetchOptions = {}) => {
    const accept = fetchOptions.accept ?? "application/ld+json, application/json;q=0.9, */*;q=0.1";
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<FetchResult>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({
          ok: false,
          url: input,
          code: "FETCH_TIMEOUT",
          message: `no answer within ${timeoutMs} ms`,
        });
      }, timeoutMs);
    });
    try {
      return await Promise.race([run(input, accept, controller.signal), deadline]);
    } catch (error) {
      return {
        ok: false,
        url: input,
        code: "FETCH_NETWORK",
        message: error instanceof Error ? error.message : "network error",
      };
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  };
}

/** A map fetcher's answer other than 200: `httpAnswer(410, { revoked: true })`. */
export class HttpAnswer {
  constructor(
    readonly status: number,
    readonly document: string | Uint8Array | object,
  ) {}
}
export const httpAnswer = (status: number, document: string | Uint8Array | object = "") =>
  new HttpAnswer(status, document);

/**
 * A fetcher that answers from a map of URL -> document (tests and offline
 * fixtures), 200 unless the document is an `httpAnswer`; anything else is a 404.
 * It answers as the safe fetcher does: a 410's body is kept.
 */
export function createMapFetcher(
  documents: Record<string, string | Uint8Array | object | HttpAnswer>,
): Fetcher {
  return async (url) => {
    const entry = documents[url] ?? documents[url.replace(/#.*$/, "")] ?? httpAnswer(404, "");
    const { status, document } =
      entry instanceof HttpAnswer ? entry : { status: 200, document: entry };
    const body =
      document instanceof Uint8Array
        ? document
        : new TextEncoder().encode(
            typeof document === "string" ? document : JSON.stringify(document),
          );
    const text = new TextDecoder().decode(body);
    if (status < 200 || status >= 300)
      return {
        ok: false,
        url,
        code: "FETCH_HTTP_STATUS",
        status,
        message: `HTTP ${status}`,
        ...(status === 410 ? { text } : {}),
      };
    return { ok: true, status, url, finalUrl: url, contentType: "application/json", body, text };
  };
}
