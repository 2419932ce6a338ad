import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PARTNER_PUSH_SCOPE } from "../src/modules/oauth/oauth.scopes";
import type { TestClient } from "./support/client";
import { addMember, buildOrganisation, buildUser, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * A partner's system may push badges with an OAuth 2.0 client-credentials
 * token instead of an API key: only from a client an admin of the partner
 * created (bound to it), never from one anybody registered.
 */
let platform: TestPlatform;
let admin: TestClient;
let otherAdmin: TestClient;
let partnerId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  const partner = await buildOrganisation(platform.ctx, { name: "Atelier", kind: "partner" });
  const other = await buildOrganisation(platform.ctx, { name: "Autre atelier", kind: "partner" });
  partnerId = partner.id;
  const a = await buildUser(platform.ctx);
  const b = await buildUser(platform.ctx);
  await addMember(platform.ctx, partner.id, a.id, "admin");
  await addMember(platform.ctx, other.id, b.id, "admin");
  admin = await signedInClient(platform, a.id);
  otherAdmin = await signedInClient(platform, b.id);
});
afterAll(() => platform?.close());

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

async function tokenFor(clientId: string, secret: string) {
  const response = await platform.app.inject({
    method: "POST",
    url: "/oauth/token",
    headers: {
      authorization: basic(clientId, secret),
      "content-type": "application/x-www-form-urlencoded",
    },
    payload: `grant_type=client_credentials&scope=${encodeURIComponent(PARTNER_PUSH_SCOPE)}`,
  });
  return { status: response.statusCode, token: response.json().access_token as string };
}

const push = (token: string) =>
  platform.app.inject({
    method: "POST",
    url: "/api/partner-badges",
    headers: { authorization: `Bearer ${token}` },
    payload: { recipient: { email: "personne@exemple.fr" }, badge: { type: "nothing" } },
  });

describe("client credentials for POST /api/partner-badges", () => {
  it("a client bound to the partner pushes as the partner until it is revoked", async () => {
    const created = await admin.post(`/api/organisations/${partnerId}/oauth-clients`, {
      name: "Plateforme de l'atelier",
    });
    expect(created.statusCode, created.body).toBe(201);
    const { clientId, clientSecret, scope } = created.json();
    expect(scope).toBe(PARTNER_PUSH_SCOPE);
    const listed = await admin.get(`/api/organisations/${partnerId}/oauth-clients`);
    expect(listed.json().clients).toMatchObject([{ clientId, name: "Plateforme de l'atelier" }]);
    expect(listed.body).not.toContain(clientSecret);

    const { status, token } = await tokenFor(clientId, clientSecret);
    expect(status).toBe(200);
    // Past the authentication: the badge itself is what is refused now.
    const pushed = await push(token);
    expect(pushed.statusCode, pushed.body).toBe(400);
    expect(pushed.json().error.code).not.toBe("API_CLIENT_INVALID");

    // Another partner's admin neither sees nor revokes it.
    const foreign = await otherAdmin.delete(
      `/api/organisations/${partnerId}/oauth-clients/${clientId}`,
    );
    expect(foreign.statusCode).toBe(404);

    const revoked = await admin.delete(`/api/organisations/${partnerId}/oauth-clients/${clientId}`);
    expect(revoked.statusCode).toBe(204);
    expect((await push(token)).statusCode).toBe(401);
    expect((await tokenFor(clientId, clientSecret)).status).toBe(401);
  });

  it("a client anybody registered speaks for no organisation", async () => {
    const registered = await platform.app.inject({
      method: "POST",
      url: "/oauth/reg",
      headers: { "content-type": "application/json" },
      payload: {
        client_name: "Intrus",
        grant_types: ["client_credentials"],
        response_types: [],
        redirect_uris: [],
        scope: PARTNER_PUSH_SCOPE,
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const { client_id, client_secret } = registered.json();
    const { status, token } = await tokenFor(client_id, client_secret);
    expect(status).toBe(200);
    const pushed = await push(token);
    expect(pushed.statusCode).toBe(401);
    expect(pushed.json().error.code).toBe("API_CLIENT_INVALID");
  });

  it("limits registrations per address", async () => {
    const register = () =>
      platform.app.inject({
        method: "POST",
        url: "/oauth/reg",
        remoteAddress: "192.0.2.7",
        headers: { "content-type": "application/json" },
        payload: { client_name: "Robot", redirect_uris: ["https://robot.example/cb"] },
      });
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push((await register()).statusCode);
    expect(answers.every((s) => s === 201)).toBe(true);
    const refused = await register();
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });
});
