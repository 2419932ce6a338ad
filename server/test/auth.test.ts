import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMail } from "../src/db/schema";
import { json, TestClient } from "./support/client";
import { buildUser, PASSWORD } from "./support/factories";
import { lastMailTo, linkToken } from "./support/mail";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

describe("sign-in with a password", () => {
  it("opens a session in an HttpOnly, SameSite cookie and answers the profile", async () => {
    const user = await buildUser(platform.ctx, { name: "Sophie Durand" });
    const client = new TestClient(platform.app);
    const response = await client.post("/api/auth/sign-in", {
      email: user.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(json(response).user).toMatchObject({ email: user.email, name: "Sophie Durand" });
    const setCookie = String(response.headers["set-cookie"]);
    expect(setCookie).toMatch(/blason_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect((await client.get("/api/me")).statusCode).toBe(200);
  });

  it("refuses a wrong password with the same answer as an unknown address", async () => {
    const user = await buildUser(platform.ctx);
    const client = new TestClient(platform.app);
    const wrong = await client.post("/api/auth/sign-in", {
      email: user.email,
      password: "not the password",
    });
    const unknown = await client.post("/api/auth/sign-in", {
      email: "nobody@test.example",
      password: "whatever",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong).error).toMatchObject({
      code: "INVALID_CREDENTIALS",
      message: "Adresse e-mail ou mot de passe incorrect.",
    });
    expect({ ...json<{ error: object }>(unknown).error, requestId: "" }).toEqual({
      ...json<{ error: object }>(wrong).error,
      requestId: "",
    });
  });

  it("locks an address out after repeated attempts, even with the right password, and says when to retry", async () => {
    const user = await buildUser(platform.ctx);
    const client = new TestClient(platform.app);
    for (let i = 0; i < 10; i++)
      await client.post("/api/auth/sign-in", { email: user.email, password: "guess" });
    const blocked = await client.post("/api/auth/sign-in", {
      email: user.email,
      password: PASSWORD,
    });
    expect(blocked.statusCode).toBe(429);
    expect(json(blocked).error).toMatchObject({ code: "RATE_LIMITED" });
    // The lockout says when to come back: the seconds left in its 15-minute window.
    const retryAfter = Number(blocked.headers["retry-after"]);
    expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60).toBe(true);
  });

  it("answers in English when asked", async () => {
    const client = new TestClient(platform.app);
    client.locale = "en";
    const response = await client.post("/api/auth/sign-in", {
      email: "nobody@test.example",
      password: "x",
    });
    expect(json(response).error).toMatchObject({ message: "Incorrect email address or password." });
  });
});

describe("CSRF and origin checks", () => {
  it("refuses a state-changing request without the token", async () => {
    const client = new TestClient(platform.app);
    const response = await client.request({
      method: "POST",
      url: "/api/auth/magic-link",
      body: { email: "a@b.example" },
      csrf: false,
    });
    expect(response.statusCode).toBe(403);
    expect(json(response).error).toMatchObject({ code: "CSRF_TOKEN_INVALID" });
  });

  it("refuses a request from a foreign origin even with the token", async () => {
    const client = new TestClient(platform.app);
    const response = await client.request({
      method: "POST",
      url: "/api/auth/magic-link",
      body: { email: "a@b.example" },
      headers: { origin: "https://evil.example" },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("magic link", () => {
  it("signs in once from the emailed link, and the link cannot be used twice", async () => {
    const user = await buildUser(platform.ctx);
    const client = new TestClient(platform.app);
    expect((await client.post("/api/auth/magic-link", { email: user.email })).statusCode).toBe(202);
    const mail = await lastMailTo(platform, user.email);
    expect(mail?.subject).toBe("Votre lien de connexion à Blason");
    expect(mail?.html).toContain("Me connecter");
    const token = linkToken(mail!.text, "/connexion/lien?token=");
    const first = await client.post("/api/auth/magic-link/consume", { token });
    expect(first.statusCode).toBe(200);
    expect(json(first).user).toMatchObject({ email: user.email });
    const again = await new TestClient(platform.app).post("/api/auth/magic-link/consume", {
      token,
    });
    expect(again.statusCode).toBe(400);
    expect(json(again).error).toMatchObject({ code: "TOKEN_INVALID_OR_EXPIRED" });
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = await platform.ctx.db.$count(devMail);
    const response = await new TestClient(platform.app).post("/api/auth/magic-link", {
      email: "ghost@test.example",
    });
    expect(response.statusCode).toBe(202);
    await platform.worker.drain();
    expect(await platform.ctx.db.$count(devMail)).toBe(before);
  });
});

describe("password reset", () => {
  it("sets a new password from the emailed link and closes every other session", async () => {
    const user = await buildUser(platform.ctx);
    const other = new TestClient(platform.app);
    await other.signIn(user.email, PASSWORD);
    const client = new TestClient(platform.app);
    await client.post("/api/auth/password-reset", { email: user.email });
    const mail = await lastMailTo(platform, user.email);
    const token = linkToken(mail!.text, "/mot-de-passe/nouveau?token=");

    const weak = await client.post("/api/auth/password-reset/complete", {
      token,
      password: "short",
    });
    expect(weak.statusCode).toBe(400);
    expect(json(weak).error).toMatchObject({ code: "PASSWORD_TOO_WEAK" });

    const done = await client.post("/api/auth/password-reset/complete", {
      token,
      password: "a brand new passphrase",
    });
    expect(done.statusCode).toBe(204);
    expect((await other.get("/api/me")).statusCode).toBe(401);
    await client.signIn(user.email, "a brand new passphrase");
    expect(
      (
        await new TestClient(platform.app).post("/api/auth/sign-in", {
          email: user.email,
          password: PASSWORD,
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe("sessions", () => {
  it("sign-out everywhere ends all of the user's sessions", async () => {
    const user = await buildUser(platform.ctx);
    const a = new TestClient(platform.app);
    const b = new TestClient(platform.app);
    await a.signIn(user.email, PASSWORD);
    await b.signIn(user.email, PASSWORD);
    const sessions = json<{ sessions: { current: boolean }[] }>(
      await a.get("/api/me/sessions"),
    ).sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect((await a.post("/api/auth/sign-out-everywhere")).statusCode).toBe(204);
    expect((await a.get("/api/me")).statusCode).toBe(401);
    expect((await b.get("/api/me")).statusCode).toBe(401);
  });

  it("changing the password keeps the current session and ends the others", async () => {
    const user = await buildUser(platform.ctx);
    const a = new TestClient(platform.app);
    const b = new TestClient(platform.app);
    await a.signIn(user.email, PASSWORD);
    await b.signIn(user.email, PASSWORD);
    const wrong = await a.post("/api/me/password", {
      currentPassword: "nope",
      newPassword: "another long passphrase",
    });
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).error).toMatchObject({ fields: { currentPassword: expect.any(String) } });
    expect(
      (
        await a.post("/api/me/password", {
          currentPassword: PASSWORD,
          newPassword: "another long passphrase",
        })
      ).statusCode,
    ).toBe(204);
    expect((await a.get("/api/me")).statusCode).toBe(200);
    expect((await b.get("/api/me")).statusCode).toBe(401);
  });
});
