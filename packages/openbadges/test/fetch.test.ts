import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Connector,
  createSafeFetcher,
  embeddedIpv4,
  isForbiddenAddress,
  type Resolver,
} from "../src/fetch";

/** A connector that records what would have been contacted, and never sends a packet. */
function recordingConnector() {
  const contacted: string[] = [];
  const connector: Connector = async ({ address }) => {
    contacted.push(address.address);
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: new TextEncoder().encode("{}"),
      truncated: false,
    };
  };
  return { contacted, connector };
}
const resolveTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("forbidden addresses", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:a9fe:a9fe",
    "::127.0.0.1",
    "64:ff9b::10.0.0.1",
    "64:ff9b::c0a8:101",
    "not-an-ip",
  ])("%s is refused", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    "93.184.215.14",
    "1.1.1.1",
    "172.32.0.1",
    "192.169.0.1",
    "2606:4700:4700::1111",
    "::ffff:93.184.215.14",
    "64:ff9b::808:808",
  ])("%s is allowed", (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it("reads the IPv4 address hidden in mapped forms", () => {
    expect(embeddedIpv4("::ffff:7f00:1")).toBe("127.0.0.1");
    expect(embeddedIpv4("64:ff9b::a00:1")).toBe("10.0.0.1");
  });
});

describe("the fetcher decides at the address step", () => {
  it.each(["10.1.2.3", "169.254.169.254", "fd00::1", "::ffff:192.168.0.1", "127.0.0.1"])(
    "a name resolving to %s is refused before any connection",
    async (address) => {
      const { contacted, connector } = recordingConnector();
      const fetcher = createSafeFetcher({ resolver: resolveTo(address), connector });
      const result = await fetcher("https://issuer.example/profile");
      expect(result).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
      expect(contacted).toEqual([]);
    },
  );

  it("a name resolving to one public and one private address is refused", async () => {
    const { contacted, connector } = recordingConnector();
    const fetcher = createSafeFetcher({
      resolver: resolveTo("93.184.215.14", "10.0.0.5"),
      connector,
    });
    expect(await fetcher("https://rebind.example/")).toMatchObject({
      ok: false,
      code: "FETCH_BLOCKED_ADDRESS",
    });
    expect(contacted).toEqual([]);
  });

  it.each([
    "http://127.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
  ])("a literal address %s is refused", async (url) => {
    const { contacted, connector } = recordingConnector();
    expect(await createSafeFetcher({ connector })(url)).toMatchObject({
      ok: false,
      code: "FETCH_BLOCKED_ADDRESS",
    });
    expect(contacted).toEqual([]);
  });

  it("a public address is contacted, pinned to the address that was checked", async () => {
    const { contacted, connector } = recordingConnector();
    const result = await createSafeFetcher({ resolver: resolveTo("93.184.215.14"), connector })(
      "https://issuer.example/",
    );
    expect(result.ok).toBe(true);
    expect(contacted).toEqual(["93.184.215.14"]);
  });

  it("a redirect to a private address is refused", async () => {
    const contacted: string[] = [];
    const connector: Connector = async ({ address }) => {
      contacted.push(address.address);
      return {
        status: 302,
        headers: { location: "http://internal.example/admin" },
        body: new Uint8Array(),
        truncated: false,
      };
    };
    const resolver: Resolver = async (host) => [
      { address: host === "internal.example" ? "192.168.0.10" : "93.184.215.14", family: 4 },
    ];
    expect(
      await createSafeFetcher({ resolver, connector })("https://issuer.example/"),
    ).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
    expect(contacted).toEqual(["93.184.215.14"]);
  });

  it("stops after too many redirects, and refuses other schemes and credentials in URLs", async () => {
    const connector: Connector = async () => ({
      status: 301,
      headers: { location: "/again" },
      body: new Uint8Array(),
      truncated: false,
    });
    const fetcher = createSafeFetcher({
      resolver: resolveTo("93.184.215.14"),
      connector,
      maxRedirects: 3,
    });
    expect(await fetcher("https://loop.example/")).toMatchObject({
      ok: false,
      code: "FETCH_TOO_MANY_REDIRECTS",
    });
    expect(await fetcher("file:///etc/passwd")).toMatchObject({
      ok: false,
      code: "FETCH_INVALID_URL",
    });
    expect(await fetcher("https://user:pass@issuer.example/")).toMatchObject({
      ok: false,
      code: "FETCH_INVALID_URL",
    });
  });
});

describe("against a real server on loopback", () => {
  let server: http.Server;
  let port = 0;
  const hits: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? "");
      if (req.url === "/big") {
        res.writeHead(200);
        res.end("x".repeat(5000));
      } else if (req.url === "/slow") {
        setTimeout(() => res.end("late"), 2000);
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"hello":"monde"}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("by default the loopback server is never reached", async () => {
    const before = hits.length;
    const result = await createSafeFetcher()(`http://127.0.0.1:${port}/doc`);
    expect(result).toMatchObject({ ok: false, code: "FETCH_BLOCKED_ADDRESS" });
    expect(hits.length).toBe(before);
  });

  it("with the test allowance for that host it is reached", async () => {
    const result = await createSafeFetcher({ allowPrivateHosts: ["127.0.0.1"] })(
      `http://127.0.0.1:${port}/doc`,
    );
    expect(result).toMatchObject({ ok: true, text: '{"hello":"monde"}' });
    expect(hits).toContain("/doc");
  });

  it("caps the size and the time", async () => {
    const fetcher = createSafeFetcher({
      allowPrivateHosts: ["127.0.0.1"],
      maxBytes: 1000,
      timeoutMs: 300,
    });
    expect(await fetcher(`http://127.0.0.1:${port}/big`)).toMatchObject({
      ok: false,
      code: "FETCH_TOO_LARGE",
    });
    expect(await fetcher(`http://127.0.0.1:${port}/slow`)).toMatchObject({
      ok: false,
      code: "FETCH_TIMEOUT",
    });
  });
});
