import { describe, expect, it } from "vitest";
import { isAllowedHost, isOwnOrigin } from "./origin";

const production = { mode: "production", publicUrl: "https://badges.example" } as const;
const demo = { mode: "demo", publicUrl: "http://localhost:3000" } as const;
const demoOnName = { mode: "demo", publicUrl: "http://blason.lan:8080" } as const;

describe("isAllowedHost", () => {
  it.each([
    [production, "badges.example", true],
    [production, "BADGES.example", true],
    [production, "badges.example:443", true],
    [production, "badges.example:8443", false],
    [production, "localhost", false],
    [production, "localhost:3000", false],
    [production, "127.0.0.1", false],
    [production, "evil.example", false],
    [production, "badges.example.evil.example", false],
    [production, "evil.example@badges.example", false],
    [production, "badges.example/x", false],
    [production, "", false],
    [production, undefined, false],
    [demo, "localhost:3000", true],
    [demo, "localhost", true],
    [demo, "127.0.0.1:5173", true],
    [demo, "[::1]:3000", true],
    [demo, "blason.localhost", true],
    [demo, "evil.example:3000", false],
    [demo, "localhost.evil.example", false],
    [demo, "192.168.1.10:3000", false],
    [demoOnName, "blason.lan:8080", true],
    [demoOnName, "blason.lan", false],
    [demoOnName, "localhost:8080", true],
  ])("%o serves Host %s: %s", (site, host, expected) => {
    expect(isAllowedHost(host, site)).toBe(expected);
  });
});

describe("isOwnOrigin", () => {
  it.each([
    [production, "https://badges.example", true],
    [production, "http://badges.example", false],
    [production, "https://badges.example:8443", false],
    [production, "https://evil.example", false],
    [production, "http://localhost:3000", false],
    [production, "null", false],
    [demo, "http://localhost:3000", true],
    [demo, "http://127.0.0.1:3000", true],
    [demo, "http://[::1]:3000", true],
    [demo, "http://127.0.0.1:8080", false],
    [demo, "http://localhost:5173", false],
    [demo, "https://localhost:3000", false],
    [demo, "http://evil.example:3000", false],
    [demo, "null", false],
    [demoOnName, "http://blason.lan:8080", true],
    [demoOnName, "http://localhost:8080", false],
  ])("%o takes Origin %s as its own: %s", (site, origin, expected) => {
    expect(isOwnOrigin(origin, site)).toBe(expected);
  });
});
