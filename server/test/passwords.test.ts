import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../src/db/schema";
import { insertAuthToken } from "../src/modules/auth/auth.repo";
import { DEMO_PASSWORD } from "../src/modules/demo/seed";
import { insertInvitation } from "../src/modules/organisations/organisations.repo";
import { json, TestClient } from "./support/client";
import { buildOrganisation, buildUser, PASSWORD, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * New passwords are refused when they are common, breached, or otherwise
 * easy to guess, not only when short (the lockout's Retry-After is checked
 * in auth.test.ts).
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

const guessable = ["password1234", "azertyuiop123", "motdepasse1234", "123456789012"];

async function resetToken(userId: string) {
  return insertAuthToken(platform.ctx.db, { userId, purpose: "password_reset", minutes: 30 });
}

describe("choosing a password", () => {
  it("a reset refuses common and breached passwords, and the link still works afterwards", async () => {
    const user = await buildUser(platform.ctx);
    const token = await resetToken(user.id);
    const client = new TestClient(platform.app);
    for (const password of guessable) {
      const refused = await client.post("/api/auth/password-reset/complete", { token, password });
      expect(refused.statusCode, password).toBe(400);
      expect(json(refused).error).toMatchObject({
        code: "PASSWORD_TOO_COMMON",
        message: expect.stringContaining("trop facile à deviner"),
        fields: { password: expect.any(String) },
      });
    }
    const done = await client.post("/api/auth/password-reset/complete", {
      token,
      password: DEMO_PASSWORD,
    });
    expect(done.statusCode).toBe(204);
    await new TestClient(platform.app).signIn(user.email, DEMO_PASSWORD);
  });

  it("a password built on the person's own address is refused", async () => {
    const user = await buildUser(platform.ctx, {
      email: "q.zakrzewski@cfa-orne.example",
      name: "Quentin Zakrzewski",
    });
    const refused = await new TestClient(platform.app).post("/api/auth/password-reset/complete", {
      token: await resetToken(user.id),
      password: "zakrzewski-caen",
    });
    expect(json(refused).error).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
  });

  it("changing one's password refuses a guessable one and keeps the old", async () => {
    const user = await buildUser(platform.ctx);
    const client = await signedInClient(platform, user.id);
    client.locale = "en";
    const refused = await client.post("/api/me/password", {
      currentPassword: PASSWORD,
      newPassword: "iloveyou1234",
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error).toMatchObject({
      code: "PASSWORD_TOO_COMMON",
      message: expect.stringContaining("too easy to guess"),
      fields: { newPassword: expect.any(String) },
    });
    await new TestClient(platform.app).signIn(user.email, PASSWORD);
  });

  it("accepting an invitation refuses a guessable password and creates no account", async () => {
    const cfa = await buildOrganisation(platform.ctx);
    const email = "nouvelle.recrue@test.example";
    const { token } = await insertInvitation(platform.ctx.db, {
      email,
      organisationId: cfa.id,
      role: "member",
      days: 7,
    });
    const client = new TestClient(platform.app);
    const refused = await client.post(`/api/invitations/${token}/accept`, {
      name: "Nouvelle Recrue",
      password: "motdepasse1234",
    });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    expect(await platform.ctx.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    const accepted = await client.post(`/api/invitations/${token}/accept`, {
      name: "Nouvelle Recrue",
      password: "formatrice du calvados 2026",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
});
