import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, users } from "../src/db/schema";
import { json } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * The guards every request meets before its route: the CSRF check on
 * whatever path the router will run, and the Host and Origin checks.
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

/** Spellings of a path that a router might take for `/api/<rest>`. */
const encodedVariants = (rest: string) => [
  `/%61pi/${rest}`,
  `/%2561pi/${rest}`,
  `/%41PI/${rest}`,
  `/API/${rest}`,
  `//api/${rest}`,
  `/api//${rest}`,
  `/api/./${rest}`,
  `/api/x/../${rest}`,
  `/%61%70%69/${rest}`,
  `/api%2f${rest}`,
];

describe("CSRF on every spelling of a path", () => {
  it("a signed-in request without the token changes nothing, however the path is spelt", async () => {
    const user = await buildUser(platform.ctx, { name: "Avant" });
    const client = await signedInClient(platform, user.id);
    for (const url of encodedVariants("me")) {
      const response = await client.request({
        method: "PATCH",
        url,
        body: { name: "Après" },
        csrf: false,
      });
      expect([403, 404], `PATCH ${url} answered ${response.statusCode}`).toContain(
        response.statusCode,
      );
    }
    const [row] = await platform.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe("Avant");
  });

  it("an invitation cannot be sent through an encoded path without the token", async () => {
    const admin = await buildUser(platform.ctx);
    const cfa = await buildOrganisation(platform.ctx);
    await addMember(platform.ctx, cfa.id, admin.id, "admin");
    const client = await signedInClient(platform, admin.id);
    for (const prefix of ["/%61pi", "/%2561pi", "//api"]) {
      const response = await client.request({
        method: "POST",
        url: `${prefix}/organisations/${cfa.id}/invitations`,
        body: { email: "cible@test.example", role: "member" },
        csrf: false,
      });
      expect(response.statusCode, `${prefix} answered ${response.statusCode}`).not.toBeLessThan(
        400,
      );
    }
    const sent = await platform.ctx.db
      .select()
      .from(invitations)
      .where(eq(invitations.organisationId, cfa.id));
    expect(sent).toEqual([]);
  });

  it("sign-out everywhere through an encoded path without the token keeps the session", async () => {
    const user = await buildUser(platform.ctx);
    const client = await signedInClient(platform, user.id);
    const response = await client.request({
      method: "POST",
      url: "/%61pi/auth/sign-out-everywhere",
      body: {},
      csrf: false,
    });
    expect(response.statusCode).toBe(403);
    expect(json(response).error).toMatchObject({ code: "CSRF_TOKEN_INVALID" });
    expect((await client.get("/api/me")).statusCode).toBe(200);
  });
});

describe("Host and Origin", () => {
  it("a page on another host (DNS rebinding) cannot use a session, even with a matching Origin", async () => {
    const user = await buildUser(platform.ctx, { name: "Avant" });
    const client = await signedInClient(platform, user.id);
    await client.get("/api/me");
    const patched = await client.request({
      method: "PATCH",
      url: "/api/me",
      body: { name: "Après" },
      headers: { host: "evil.example", origin: "http://evil.example" },
    });
    expect(patched.statusCode).toBe(400);
    expect(json(patched).error).toMatchObject({ code: "HOST_NOT_ALLOWED" });
    const [row] = await platform.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe("Avant");
  });

  it("a page on another host cannot read the development mailbox", async () => {
    const response = await platform.app.inject({
      method: "GET",
      url: "/api/dev/mailbox",
      headers: { host: "evil.example:3000" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain("messages");
  });

  it("an Origin equal to the request's own Host is not ours", async () => {
    const user = await buildUser(platform.ctx, { name: "Avant" });
    const client = await signedInClient(platform, user.id);
    const response = await client.request({
      method: "PATCH",
      url: "/api/me",
      body: { name: "Après" },
      headers: { host: "127.0.0.1:8080", origin: "http://127.0.0.1:8080" },
    });
    expect(response.statusCode).toBe(403);
    expect(json(response).error).toMatchObject({ code: "CSRF_TOKEN_INVALID" });
  });

  it("demo mode serves localhost names; our own Origin passes", async () => {
    const user = await buildUser(platform.ctx);
    const client = await signedInClient(platform, user.id);
    for (const host of ["localhost:3000", "127.0.0.1:5173", "[::1]:3000", "blason.localhost"]) {
      const response = await client.request({ method: "GET", url: "/api/me", headers: { host } });
      expect(response.statusCode, host).toBe(200);
    }
    for (const origin of ["http://localhost:3000", "http://127.0.0.1:3000"]) {
      const patched = await client.request({
        method: "PATCH",
        url: "/api/me",
        body: { name: "Nouveau nom" },
        headers: { origin },
      });
      expect(patched.statusCode, origin).toBe(200);
    }
  });
});

describe("Host in production", () => {
  let production: TestPlatform;
  beforeAll(async () => {
    production = await createTestPlatform({
      config: {
        BLASON_MODE: "production",
        PUBLIC_URL: "https://badges.example",
        SMTP_URL: "smtp://127.0.0.1:2525",
      },
    });
  });
  afterAll(() => production?.close());

  it("only PUBLIC_URL's host is served, localhost included among the refused", async () => {
    for (const host of ["localhost", "127.0.0.1:3000", "evil.example", "badges.example.evil"]) {
      const response = await production.app.inject({
        method: "GET",
        url: "/api/health",
        headers: { host },
      });
      expect(response.statusCode, host).toBe(400);
      expect(json(response).error).toMatchObject({ code: "HOST_NOT_ALLOWED" });
    }
    const ours = await production.app.inject({
      method: "GET",
      url: "/api/health",
      headers: { host: "badges.example" },
    });
    expect(ours.statusCode).toBe(200);
  });

  it("a state-changing request must come from PUBLIC_URL's origin", async () => {
    const user = await buildUser(production.ctx, { name: "Avant" });
    const client = await signedInClient(production, user.id);
    const host = { host: "badges.example" };
    await client.request({ method: "GET", url: "/api/auth/csrf", headers: host });
    const foreign = await client.request({
      method: "PATCH",
      url: "/api/me",
      body: { name: "Après" },
      headers: { ...host, origin: "http://localhost:3000" },
    });
    expect(foreign.statusCode).toBe(403);
    const ours = await client.request({
      method: "PATCH",
      url: "/api/me",
      body: { name: "Après" },
      headers: { ...host, origin: "https://badges.example" },
    });
    expect(ours.statusCode).toBe(200);
  });
});
