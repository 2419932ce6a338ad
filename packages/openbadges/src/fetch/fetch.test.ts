import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connector, createSafeFetcher, isForbiddenAddress, type Resolver } from ".";

/**
 * SSRF tests decide at the address step: names are resolved by an injected
 * resolver, and a packet only ever goes to a server of ours on 127.0.0.1.
 */

/** A connector that records what it would have contacted and sends nothing. */
function recorder() {
  const contacted: string[] = [];
  const connector: Connector = async ({ address }) => {
    contacted.push(address.address);
    return { status: 200, headers: {}, body: new TextEncoder().encode("{}"), truncated: false };
  };
  return { contacted, connector };
}
const resolveTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

/** One address in every range the fetcher must refuse. */
const forbidden: [range: string, address: string][] = [
  ["127.0.0.0/8 loopback", "127.0.0.1"],
  ["127.0.0.0/8 loopback, far end", "127.255.255.254"],
  ["10.0.0.0/8 private", "10.20.30.40"],
  ["172.16.0.0/12 private", "172.16.0.1"],
  ["172.16.0.0/12 private, far end", "172.31.255.254"],
  ["192.168.0.0/16 private", "192.168.1.1"],
  ["169.254.0.0/16 link-local and cloud metadata", "169.254.169.254"],
  ["100.64.0.0/10 carrier-grade NAT", "100.100.100.200"],
  ["0.0.0.0/8 unspecified", "0.0.0.0"],
  ["0.0.0.0/8 this network", "0.1.2.3"],
  ["::1 loopback", "::1"],
  [":: unspecified", "::"],
  ["fc00::/7 unique-local", "fc00::1"],
  ["fc00::/7 unique-local (fd)", "fd12:3456:789a::1"],
  ["fe80::/10 link-local", "fe80::1"],
  ["fe80::/10 link-local, far end", "febf::1"],
  ["IPv4-mapped loopback, dotted", "::ffff:127.0.0.1"],
  ["IPv4-mapped loopback, hex", "::ffff:7f00:1"],
  ["IPv4-mapped loopback, expanded", "0:0:0:0:0:ffff:7f00:1"],
  ["IPv4-mapped metadata", "::ffff:a9fe:a9fe"],
  ["IPv4-compatible loopback", "::127.0.0.1"],
  ["IPv4-compatible private, hex", "::a00:1"],
  ["IPv4-translated loopback", "::ffff:0:7f00:1"],
  ["NAT64 of loopback", "64:ff9b::127.0.0.1"],
  ["NAT64 of private, hex", "64:ff9b::c0a8:101"],
  ["NAT64 of metadata", "64:ff9b::a9fe:a9fe"],
  ["6to4 of private", "2002:c0a8:101::1"],
];

describe("every forbidden range is refused at the address step", () => {
  it.each(forbidden)("%s (%s) as a resolved address", async (_range, address) => {
    expect(isForbiddenAddress(address)).toBe(true);
    const { contacted, connector } = recorder();
    const result = await createSafeFetcher({ resolver: resolveTo(address), connector })(
      "https://issuer.example/profile",
    );
    expect(result).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
    expect(contacted).toEqual([]);
  });

  it.each(forbidden)("%s (%s) as a literal in the URL", async (_range, address) => {
    const { contacted, connector } = recorder();
    const resolver: Resolver = async () => {
      throw new Error("a literal address is never resolved");
    };
    const host = address.includes(":") ? `[${address}]` : address;
    const result = await createSafeFetcher({ resolver, connector })(`http://${host}/x`);
    expect(result).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
    expect(contacted).toEqual([]);
  });

  it.each([
    ["http://2130706433/", "decimal 127.0.0.1"],
    ["http://0x7f.1/", "hex 127.0.0.1"],
    ["http://017700000001/", "octal 127.0.0.1"],
    ["http://[0:0:0:0:0:ffff:127.0.0.1]/", "expanded IPv4-mapped"],
  ])("%s (%s) is read as the address it names, and refused", async (url) => {
    const { contacted, connector } = recorder();
    expect(await createSafeFetcher({ connector })(url)).toMatchObject({
      ok: false,
      code: "FETCH_BLOCKED_ADDRESS",
    });
    expect(contacted).toEqual([]);
  });

  it("a name resolving to one public and one private address is refused, whatever the order", async () => {
    for (const order of [
      ["93.184.215.14", "10.0.0.5"],
      ["10.0.0.5", "93.184.215.14"],
      ["2606:4700::1111", "::ffff:127.0.0.1"],
    ]) {
      const { contacted, connector } = recorder();
      const result = await createSafeFetcher({ resolver: resolveTo(...order), connector })(
        "https://rebind.example/",
      );
      expect(result).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
      expect(contacted).toEqual([]);
    }
  });

  it("public addresses pass, and the connection goes to the address that was checked", async () => {
    for (const address of ["93.184.215.14", "2606:4700:4700::1111", "::ffff:93.184.215.14"]) {
      expect(isForbiddenAddress(address)).toBe(false);
      const { contacted, connector } = recorder();
      const result = await createSafeFetcher({ resolver: resolveTo(address), connector })(
        "https://issuer.example/",
      );
      expect(result.ok).toBe(true);
      expect(contacted).toEqual([address]);
    }
  });

  it("the test allowance covers only the hosts it names", async () => {
    const { contacted, connector } = recorder();
    const fetcher = createSafeFetcher({
      resolver: resolveTo("127.0.0.1"),
      connector,
      allowPrivateHosts: ["badges.localhost"],
    });
    expect((await fetcher("http://badges.localhost/x")).ok).toBe(true);
    expect(await fetcher("http://other.localhost/x")).toMatchObject({
      code: "FETCH_BLOCKED_ADDRESS",
    });
    expect(contacted).toEqual(["127.0.0.1"]);
  });

  it("never throws, whatever the URL", async () => {
    const { connector } = recorder();
    const fetcher = createSafeFetcher({ resolver: resolveTo("10.0.0.1"), connector });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.webUrl()), async (url) => {
        const result = await fetcher(url);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe("against servers of ours on 127.0.0.1", () => {
  let server: http.Server;
  let port = 0;
  const hits: { url: string; host: string }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push({ url: req.url ?? "", host: req.headers.host ?? "" });
      const url = req.url ?? "";
      if (url === "/to-private") {
        res.writeHead(302, { location: `http://internal.example:${port}/secret` });
        res.end();
      } else if (url === "/to-literal") {
        res.writeHead(307, { location: `http://127.0.0.1:${port}/secret` });
        res.end();
      } else if (url.startsWith("/loop")) {
        res.writeHead(301, { location: `/loop${hits.length}` });
        res.end();
      } else if (url === "/chunked-big") {
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = "x".repeat(1024);
        let sent = 0;
        const timer = setInterval(() => {
          if (sent++ > 50 || res.destroyed) {
            clearInterval(timer);
            res.end();
          } else res.write(chunk);
        }, 1);
      } else if (url === "/drip") {
        res.writeHead(200, { "content-type": "application/json" });
        const timer = setInterval(() => {
          if (res.destroyed) clearInterval(timer);
          else res.write(" ");
        }, 50);
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"ok":true}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Names resolve to our loopback server; only "badges.test" has the test allowance. */
  const resolver = resolveTo("127.0.0.1");
  const allowed = (extra: Partial<Parameters<typeof createSafeFetcher>[0]> = {}) =>
    createSafeFetcher({ resolver, allowPrivateHosts: ["badges.test"], ...extra });
  const countHits = (path: string) => hits.filter((h) => h.url === path).length;

  it("a name resolving to loopback is refused and the server is not reached", async () => {
    const before = hits.length;
    const result = await createSafeFetcher({ resolver })(`http://badges.test:${port}/doc`);
    expect(result).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
    expect(hits.length).toBe(before);
  });

  it("with the test allowance it is reached, on the pinned address, with the name as Host", async () => {
    const result = await allowed()(`http://badges.test:${port}/doc`);
    expect(result).toMatchObject({ ok: true, text: '{"ok":true}' });
    expect(hits.at(-1)).toEqual({ url: "/doc", host: `badges.test:${port}` });
  });

  it("a redirect to a name resolving to a private address is not followed", async () => {
    const result = await allowed()(`http://badges.test:${port}/to-private`);
    expect(result).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
    expect(countHits("/to-private")).toBe(1);
    expect(countHits("/secret")).toBe(0);
  });

  it("a redirect to a literal loopback address is not followed", async () => {
    const result = await allowed()(`http://badges.test:${port}/to-literal`);
    expect(result).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
    expect(countHits("/secret")).toBe(0);
  });

  it("stops after the redirect cap", async () => {
    const before = hits.filter((h) => h.url.startsWith("/loop")).length;
    const result = await allowed({ maxRedirects: 3 })(`http://badges.test:${port}/loop`);
    expect(result).toMatchObject({ ok: false, code: "FETCH_TOO_MANY_REDIRECTS" });
    expect(hits.filter((h) => h.url.startsWith("/loop")).length - before).toBe(4);
  });

  it("cuts a streamed body off at the size cap", async () => {
    const result = await allowed({ maxBytes: 4096 })(`http://badges.test:${port}/chunked-big`);
    expect(result).toMatchObject({ ok: false, code: "FETCH_TOO_LARGE" });
  });

  it("gives up on a body that trickles in past the time cap", async () => {
    const started = Date.now();
    const result = await allowed({ timeoutMs: 300 })(`http://badges.test:${port}/drip`);
    expect(result).toMatchObject({ ok: false, code: "FETCH_TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("bounds a connector that never answers", async () => {
    const connector: Connector = () => new Promise(() => {});
    const result = await createSafeFetcher({
      resolver: resolveTo("93.184.215.14"),
      connector,
      timeoutMs: 100,
    })("https://issuer.example/");
    expect(result).toMatchObject({ ok: false, code: "FETCH_TIMEOUT" });
  });
});
