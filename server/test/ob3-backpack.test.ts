import { verifyCredential } from "@blason/openbadges";
import { strFromU8, unzipSync } from "fflate";
import * as oauth from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itWithFixtures, oneEdTechSchema } from "../../packages/openbadges/test/fixtures";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { OB3_SCOPES } from "../src/modules/oauth/oauth.scopes";
import { CookieJar, type CookieJar as Jar, vcJwtFor } from "./support/backpack";
import type { TestClient } from "./support/client";
import { buildOrganisation, buildUser, catalogueBadges, signedInClient } from "./support/factories";
import { freePort } from "./support/net";
import { didKeyIssuer, signedPartnerBadge } from "./support/partner-issuer";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * A backpack (openid-client, as another host would be) against the Open
 * Badges 3.0 API over real HTTP: discovery, dynamic registration, the
 * authorization code flow with PKCE through Blason's consent screen (a
 * signed-in person and the CSRF token), paging, upserts, a refresh, and the
 * person revoking it. What it stores comes back byte for byte, in the API and
 * in the person's ZIP export, and still verifies.
 */
let platform: TestPlatform;
let base: string;
let lea: TestClient;
let leaEmail: string;
const answers: { schema: string; body: unknown }[] = [];
const redirectUri = "https://backpack.example/callback";
const scope = [OB3_SCOPES.credentialRead, OB3_SCOPES.credentialUpsert, OB3_SCOPES.profileRead].join(
  " ",
);

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  platform = await createTestPlatform({ config: { PUBLIC_URL: base } });
  await platform.app.listen({ port, host: "127.0.0.1" });
  const user = await buildUser(platform.ctx, { name: "Léa Martin" });
  leaEmail = user.email;
  lea = await signedInClient(platform, user.id);
}, 60_000);

afterAll(async () => {
  await platform?.app.close();
  await platform?.close();
});

const ob3 = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${base}/ims/ob/v3p0${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });

/** The backpack's side of the authorization: the person's browser is `jar` plus Léa's session. */
async function authorize(config: oauth.Configuration, jar: Jar, scopes = scope) {
  const verifier = oauth.randomPKCECodeVerifier();
  const state = oauth.randomState();
  const url = oauth.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: scopes,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
  });
  const consent = await jar.follow(url.href, (l) =>
    new URL(l).pathname.startsWith("/autorisation/"),
  );
  const uid = new URL(consent).pathname.split("/").pop()!;
  return { verifier, state, uid, bound: jar.value("blason_oauth_interaction") };
}

describe("a backpack on the Open Badges 3.0 API", () => {
  let config: oauth.Configuration;
  let tokens: oauth.TokenEndpointResponse;
  let jwt: string;
  let dataIntegrity: string;
  const jar = new CookieJar();

  it("reads the discovery document and registers itself", async () => {
    const response = await fetch(`${base}/ims/ob/v3p0/discovery`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      components: {
        securitySchemes: {
          OAuth2ACG: {
            "x-imssf-registrationUrl": string;
            flows: { authorizationCode: { tokenUrl: string; scopes: Record<string, string> } };
          };
        };
      };
    };
    const scheme = doc.components.securitySchemes.OAuth2ACG;
    expect(Object.keys(scheme.flows.authorizationCode.scopes).sort()).toEqual(
      Object.values(OB3_SCOPES).sort(),
    );
    const issuer = new URL(scheme.flows.authorizationCode.tokenUrl.replace(/\/token$/, ""));
    config = await oauth.dynamicClientRegistration(
      issuer,
      {
        client_name: "Sac à dos numérique",
        client_uri: "https://backpack.example",
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        scope: Object.values(OB3_SCOPES).join(" "),
      },
      undefined,
      { algorithm: "oauth2", execute: [oauth.allowInsecureRequests] },
    );
    expect(config.serverMetadata().registration_endpoint).toBe(scheme["x-imssf-registrationUrl"]);
    expect(config.serverMetadata().code_challenge_methods_supported).toEqual(["S256"]);
  });

  it("is refused without PKCE", async () => {
    const url = oauth.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope });
    const landing = await jar.follow(url.href, (l) => l.startsWith(redirectUri));
    expect(new URL(landing).searchParams.get("error")).toBe("invalid_request");
  });

  it("runs the authorization code flow with PKCE through the consent screen", async () => {
    const { verifier, state, uid, bound } = await authorize(config, jar);
    // Only the browser that started the authorization may answer it.
    expect((await lea.get(`/api/oauth/interactions/${uid}`)).statusCode).toBe(404);
    lea.cookies.set("blason_oauth_interaction", bound ?? "");
    const asked = await lea.get(`/api/oauth/interactions/${uid}`);
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({
      client: { name: "Sac à dos numérique", uri: "https://backpack.example" },
      scopes: scope.split(" "),
    });
    // The consent form is a state-changing request: without the CSRF token it is refused.
    const forged = await lea.request({
      method: "POST",
      url: `/api/oauth/interactions/${uid}`,
      body: { allow: true },
      csrf: false,
    });
    expect(forged.statusCode).toBe(403);
    const allowed = await lea.post(`/api/oauth/interactions/${uid}`, { allow: true });
    expect(allowed.statusCode).toBe(200);
    const back = await jar.follow(new URL(allowed.json().redirectTo, base).href, (l) =>
      l.startsWith(redirectUri),
    );
    tokens = await oauth.authorizationCodeGrant(config, new URL(back), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.scope?.split(" ").sort()).toEqual(scope.split(" ").sort());
  });

  it("upserts a VC-JWT and a Data Integrity credential, verified on the way in", async () => {
    jwt = await vcJwtFor(leaEmail);
    const signer = await didKeyIssuer();
    // Stored as sent: spacing and key order that a JSON round trip would lose.
    dataIntegrity = JSON.stringify(
      await signedPartnerBadge({
        signer,
        achievement: "https://atelier.example/a/1",
        email: leaEmail,
      }),
      null,
      3,
    );
    const first = await ob3("/credentials", tokens.access_token, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: jwt,
    });
    expect(first.status).toBe(201);
    expect(await first.text()).toBe(jwt);
    const second = await ob3("/credentials", tokens.access_token, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: dataIntegrity,
    });
    expect(second.status).toBe(201);
    expect(await second.text()).toBe(dataIntegrity);
    const again = await ob3("/credentials", tokens.access_token, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: jwt,
    });
    expect(again.status).toBe(200);
    // Someone else's badge does not verify as Léa's: refused, nothing stored.
    const other = await ob3("/credentials", tokens.access_token, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: await vcJwtFor("quelqu.un@autre.example"),
    });
    expect(other.status).toBe(400);
    answers.push({ schema: "imsx_statusinfo.json", body: await other.json() });
  });

  it("pages through GET /credentials, byte for byte", async () => {
    const first = await ob3("/credentials?limit=1&offset=0", tokens.access_token);
    expect(first.status).toBe(200);
    expect(first.headers.get("x-total-count")).toBe("2");
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toBe(`${base}/ims/ob/v3p0/credentials?limit=1&offset=1`);
    const firstText = await first.text();
    expect(firstText).toBe(`{"credential":[],"compactJwsString":[${JSON.stringify(jwt)}]}`);
    const second = await fetch(next!, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const secondText = await second.text();
    expect(secondText).toBe(`{"credential":[${dataIntegrity}],"compactJwsString":[]}`);
    expect(second.headers.get("link")).toContain('rel="prev"');
    answers.push(
      { schema: "getopenbadgecredentialsresponse.json", body: JSON.parse(firstText) },
      { schema: "getopenbadgecredentialsresponse.json", body: JSON.parse(secondText) },
    );
  });

  it("reads the profile, and may not update it without profile.update", async () => {
    const profile = await ob3("/profile", tokens.access_token);
    expect(profile.status).toBe(200);
    const body = (await profile.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: ["Profile"], name: "Léa Martin", email: leaEmail });
    answers.push({ schema: "profile.json", body });
    const update = await ob3("/profile", tokens.access_token, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, name: "Léa M." }),
    });
    expect(update.status).toBe(403);
    answers.push({ schema: "imsx_statusinfo.json", body: await update.json() });
  });

  it("refreshes its token, and is refused after Léa revokes it", async () => {
    const refreshed = await oauth.refreshTokenGrant(config, tokens.refresh_token!);
    expect((await ob3("/credentials", refreshed.access_token)).status).toBe(200);
    const grants = await lea.get("/api/me/oauth-grants");
    expect(grants.json().grants).toHaveLength(1);
    expect(grants.json().grants[0].client.name).toBe("Sac à dos numérique");
    const revoked = await lea.delete(`/api/me/oauth-grants/${grants.json().grants[0].id}`);
    expect(revoked.statusCode).toBe(204);
    const refused = await ob3("/credentials", refreshed.access_token);
    expect(refused.status).toBe(401);
    answers.push({ schema: "imsx_statusinfo.json", body: await refused.json() });
    await expect(oauth.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toThrow();
  });

  it("exports both credentials unchanged in the ZIP, and both still verify", async () => {
    const zip = await lea.get("/api/me/export");
    expect(zip.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const kept = Object.keys(files).filter((f) => f.startsWith("recus/"));
    const jwtFile = kept.find((f) => f.endsWith(".jwt"))!;
    const jsonFile = kept.find((f) => f.endsWith(".json"))!;
    expect(strFromU8(files[jwtFile]!)).toBe(jwt);
    expect(strFromU8(files[jsonFile]!)).toBe(dataIntegrity);
    const data = JSON.parse(strFromU8(files["donnees.json"]!));
    expect(data.partnerBadges.map((b: { file: string }) => b.file).sort()).toEqual(kept.sort());
    for (const [input, format] of [
      [strFromU8(files[jwtFile]!), "ob3-jwt"],
      [JSON.parse(strFromU8(files[jsonFile]!)), "ob3-di"],
    ] as const) {
      const report = await verifyCredential(input, { recipient: { email: leaEmail } });
      expect(report.verified, JSON.stringify(report.steps)).toBe(true);
      expect(report.format).toBe(format);
    }
  });

  it("never shows one person's badges to another person's token", async () => {
    const other = await buildUser(platform.ctx);
    const otherClient = await signedInClient(platform, other.id);
    const otherJar = new CookieJar();
    const { verifier, state, uid, bound } = await authorize(
      config,
      otherJar,
      `${scope} ${OB3_SCOPES.profileUpdate}`,
    );
    otherClient.cookies.set("blason_oauth_interaction", bound ?? "");
    const allowed = await otherClient.post(`/api/oauth/interactions/${uid}`, { allow: true });
    const back = await otherJar.follow(new URL(allowed.json().redirectTo, base).href, (l) =>
      l.startsWith(redirectUri),
    );
    const theirs = await oauth.authorizationCodeGrant(config, new URL(back), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const page = await ob3("/credentials", theirs.access_token);
    expect(page.headers.get("x-total-count")).toBe("0");
    expect(await page.text()).toBe('{"credential":[],"compactJwsString":[]}');
    // With profile.update, a token changes its own person's name, and no one else's.
    const updated = await ob3("/profile", theirs.access_token, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `urn:uuid:${other.id}`, type: ["Profile"], name: "Nina Durand" }),
    });
    expect(updated.status).toBe(200);
    const profile = await updated.json();
    expect(profile).toMatchObject({ id: `urn:uuid:${other.id}`, name: "Nina Durand" });
    answers.push({ schema: "profile.json", body: profile });
    expect((await lea.get("/api/me")).json().user.name).toBe("Léa Martin");
    // A badge Blason issues to them comes as a JSON-LD credential, theirs only.
    await buildOrganisation(platform.ctx, { name: "Région Normandie", kind: "region" });
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: `test:${other.id}`,
      badgeClassId: (await catalogueBadges(platform.ctx))[0]!.id,
      subjectUserId: other.id,
      validFrom: new Date(),
    });
    const issued = await ob3("/credentials", theirs.access_token);
    expect(issued.headers.get("x-total-count")).toBe("1");
    const body = (await issued.json()) as { credential: { id: string }[] };
    expect(body.credential.map((c) => c.id)).toEqual([credential.document.id]);
    answers.push({ schema: "getopenbadgecredentialsresponse.json", body });
    // Léa's grant cannot be revoked by someone else: it is not theirs to see.
    const grants = await otherClient.get("/api/me/oauth-grants");
    expect(grants.json().grants).toHaveLength(1);
    expect(
      (await lea.delete(`/api/me/oauth-grants/${grants.json().grants[0].id}`)).statusCode,
    ).toBe(404);
  });

  itWithFixtures("answers as 1EdTech's schemas say, unmodified", () => {
    expect(answers.length).toBeGreaterThanOrEqual(5);
    for (const { schema, body } of answers) {
      const { validate, explain } = oneEdTechSchema(schema);
      expect(validate(body), `${schema}: ${explain()}`).toBe(true);
    }
  });
});
