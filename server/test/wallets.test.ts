import { createHash, randomBytes } from "node:crypto";
import { clientAuthenticationAnonymous, type JwtSigner, setGlobalConfig } from "@openid4vc/oauth2";
import { Openid4vciClient } from "@openid4vc/openid4vci";
import { eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { badgeClasses } from "../src/db/schema";
import { issueCredential } from "../src/modules/credentials/issuance.service";
import { json, type TestClient } from "./support/client";
import { buildCredential } from "./support/credentials";
import { buildUser, signedInClient } from "./support/factories";
import { createTestPlatform, type TestPlatform } from "./support/platform";
import {
  didAuthentication,
  injectFetch,
  verifyWithDigitalBazaar,
  walletKey,
} from "./support/wallet";
import { buildWorld, clientAs, type World } from "./support/world";

let platform: TestPlatform;
let world: World;
beforeAll(async () => {
  platform = await createTestPlatform();
  world = await buildWorld(platform);
  // The test platform answers on http://localhost.
  setGlobalConfig({ allowInsecureUrls: true });
});
afterAll(() => platform?.close());

type Offer = { link: string; qrSvg: string; txCode: string | null; expiresAt: string };

async function offerAs(client: TestClient, credentialId: string, protocol: "oid4vci" | "vc-api") {
  const response = await client.post(`/api/credentials/${credentialId}/wallet-offer`, { protocol });
  expect(response.statusCode, response.body).toBe(200);
  return json<Offer>(response);
}

/** The pre-authorized code of an offer, read where its link points (credential_offer_uri). */
async function preAuthorizedCode(link: string): Promise<string> {
  const uri = new URL(link.replace("openid-credential-offer://", "https://x/")).searchParams.get(
    "credential_offer_uri",
  )!;
  const offer = json<{ grants: Record<string, { "pre-authorized_code": string }> }>(
    await platform.app.inject({ method: "GET", url: new URL(uri).pathname }),
  );
  return offer.grants["urn:ietf:params:oauth:grant-type:pre-authorized_code"]![
    "pre-authorized_code"
  ];
}

const b64 = (value: object | Uint8Array) =>
  Buffer.from(value instanceof Uint8Array ? value : JSON.stringify(value)).toString("base64url");

/** A wallet on @openid4vc/openid4vci, signing its proofs with its did:key. */
async function openid4vciWallet() {
  const wallet = await walletKey();
  const client = new Openid4vciClient({
    callbacks: {
      fetch: injectFetch(platform.app),
      hash: (data, alg) => createHash(alg.replace("-", "").toLowerCase()).update(data).digest(),
      generateRandom: (length) => randomBytes(length),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (_signer: JwtSigner, { header, payload }) => {
        const input = `${b64(header)}.${b64(payload)}`;
        const signature = await wallet.key.signer().sign({ data: new TextEncoder().encode(input) });
        return { jwt: `${input}.${b64(signature)}`, signerJwk: { kty: "OKP", crv: "Ed25519" } };
      },
    },
  });
  return { wallet, client };
}

describe("OpenID4VCI: a badge to a wallet", () => {
  it("publishes the issuer's and the authorization server's metadata", async () => {
    const issuer = json(await platform.app.inject("/.well-known/openid-credential-issuer"));
    expect(issuer).toMatchObject({
      credential_issuer: platform.config.publicUrl,
      credential_endpoint: `${platform.config.publicUrl}/oid4vci/credential`,
      nonce_endpoint: `${platform.config.publicUrl}/oid4vci/nonce`,
    });
    const configurations = issuer.credential_configurations_supported as Record<string, object>;
    const configuration = configurations.OpenBadgeCredential;
    expect(configuration).toMatchObject({
      format: "ldp_vc",
      cryptographic_binding_methods_supported: ["did:key", "did:jwk"],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ["EdDSA", "ES256"] } },
      credential_definition: { type: ["VerifiableCredential", "OpenBadgeCredential"] },
    });
    const server = json(await platform.app.inject("/.well-known/oauth-authorization-server"));
    expect(server.token_endpoint).toBe(`${platform.config.publicUrl}/oid4vci/token`);
    expect(server.grant_types_supported).toContain(
      "urn:ietf:params:oauth:grant-type:pre-authorized_code",
    );
  });

  it("a wallet resolves the offer, takes the token with the code, proves its key, gets the badge once", async () => {
    const credential = await buildCredential(platform.ctx, { organisationId: world.cfaId });
    const admin = await clientAs(world, "cfaAdmin");
    const offer = await offerAs(admin, credential.id, "oid4vci");
    expect(offer.link).toMatch(/^openid-credential-offer:\/\/\?credential_offer_uri=/);
    expect(offer.qrSvg).toContain("<svg");
    expect(offer.txCode).toMatch(/^\d{6}$/);

    const { wallet, client } = await openid4vciWallet();
    const credentialOffer = await client.resolveCredentialOffer(offer.link);
    const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
      credentialOffer,
      issuerMetadata,
      txCode: offer.txCode!,
    });
    const { c_nonce } = await client.requestNonce({ issuerMetadata });
    const signer: JwtSigner = { method: "did", didUrl: wallet.kid, alg: "EdDSA" };
    const proof = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: "OpenBadgeCredential",
      signer,
      nonce: c_nonce,
    });
    const response = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: "OpenBadgeCredential",
      proofs: { jwt: [proof.jwt] },
    });
    const [first] = (response.credentialResponse.credentials ?? []) as {
      credential: Record<string, unknown>;
    }[];
    const delivered = first!.credential;
    expect((delivered.credentialSubject as { id: string }).id).toBe(wallet.did);
    const original = credential.document;
    // The badge offered, nothing else, with the status entry of the original.
    expect(delivered.id).toBe(original.id);
    expect(delivered.credentialStatus).toEqual(original.credentialStatus);
    expect(delivered.issuer).toEqual(original.issuer);
    const verdict = await verifyWithDigitalBazaar(platform.app, delivered);
    expect(verdict.verified, JSON.stringify(verdict.error)).toBe(true);
    const forged = {
      ...delivered,
      credentialSubject: { ...(delivered.credentialSubject as object), id: "did:example:other" },
    };
    expect((await verifyWithDigitalBazaar(platform.app, forged)).verified).toBe(false);

    // Our verifier agrees, and revoking the original revokes the copy (one status entry).
    const ours = async () =>
      json<{ verified: boolean; steps: { id: string; status: string }[] }>(
        await platform.app.inject({
          method: "POST",
          url: "/api/verify",
          headers: { "content-type": "application/json" },
          payload: JSON.stringify(delivered),
        }),
      );
    expect((await ours()).verified).toBe(true);
    const manager = await clientAs(world, "manager");
    const revoked = await manager.post(`/api/credentials/${credential.id}/revoke`, {
      reason: "Attribué par erreur",
    });
    expect(revoked.statusCode).toBe(200);
    const after = await ours();
    expect(after.verified).toBe(false);
    expect(after.steps.find((step) => step.id === "status")?.status).toBe("failed");

    // The same offer again: the code is spent, and so is the token.
    await expect(
      client.retrievePreAuthorizedCodeAccessTokenFromOffer({
        credentialOffer,
        issuerMetadata,
        txCode: offer.txCode!,
      }),
    ).rejects.toThrow(/invalid_grant/);
    await expect(
      client.retrieveCredentials({
        issuerMetadata,
        accessToken: accessTokenResponse.access_token,
        credentialConfigurationId: "OpenBadgeCredential",
        proofs: { jwt: [proof.jwt] },
      }),
    ).rejects.toThrow();
  });
});

describe("VC-API exchange: the Learner Credential Wallet", () => {
  it("asks for a DID authentication, verifies it and returns the badge bound to the DID", async () => {
    const credential = await buildCredential(platform.ctx, { organisationId: world.cfaId });
    const admin = await clientAs(world, "cfaAdmin");
    const offer = await offerAs(admin, credential.id, "vc-api");
    expect(offer.link).toMatch(/^https:\/\/lcw\.app\/request\.html\?request=/);
    const request = JSON.parse(new URL(offer.link).searchParams.get("request")!);
    const exchange = new URL(request.protocols.vcapi as string);

    const post = (body: object) =>
      platform.app.inject({
        method: "POST",
        url: exchange.pathname,
        headers: { host: exchange.host, "content-type": "application/json" },
        payload: body,
      });
    // The interaction URL names the same exchange, as VC-API clients read it.
    const protocols = await platform.app.inject(`${exchange.pathname}/protocols`);
    expect(json(protocols)).toEqual({ protocols: { vcapi: exchange.href } });
    const started = await post({});
    expect(started.statusCode, started.body).toBe(200);
    const vpr = json<{
      verifiablePresentationRequest: {
        query: { type: string }[];
        challenge: string;
        domain: string;
      };
    }>(started).verifiablePresentationRequest;
    expect(vpr.query[0]!.type).toBe("DIDAuthentication");

    const wallet = await walletKey();
    const presentation = await didAuthentication(wallet, vpr);
    const answered = await post({ verifiablePresentation: presentation });
    expect(answered.statusCode, answered.body).toBe(200);
    const [delivered] = json<{ verifiablePresentation: { verifiableCredential: object[] } }>(
      answered,
    ).verifiablePresentation.verifiableCredential;
    expect((delivered as { credentialSubject: { id: string } }).credentialSubject.id).toBe(
      wallet.did,
    );
    expect((await verifyWithDigitalBazaar(platform.app, delivered!)).verified).toBe(true);

    // Single use: the exchange is over.
    expect((await post({})).statusCode).toBe(404);
    expect((await platform.app.inject(`${exchange.pathname}/protocols`)).statusCode).toBe(404);
  });
});

describe("wallet offers refuse what they must", () => {
  const form = (body: Record<string, string>) =>
    platform.app.inject({
      method: "POST",
      url: "/oid4vci/token",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(body).toString(),
    });
  const codeOf = preAuthorizedCode;
  const grant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

  it("burns an offer after five wrong transaction codes", async () => {
    const credential = await buildCredential(platform.ctx, { organisationId: world.cfaId });
    const offer = await offerAs(await clientAs(world, "cfaAdmin"), credential.id, "oid4vci");
    const code = await codeOf(offer.link);
    const wrong = offer.txCode === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      const response = await form({
        grant_type: grant,
        "pre-authorized_code": code,
        tx_code: wrong,
      });
      expect(response.statusCode).toBe(400);
      expect(json(response).error).toBe("invalid_grant");
    }
    const late = await form({
      grant_type: grant,
      "pre-authorized_code": code,
      tx_code: offer.txCode!,
    });
    expect(json(late).error).toBe("invalid_grant");
    const uri = new URL(
      offer.link.replace("openid-credential-offer://", "https://x/"),
    ).searchParams.get("credential_offer_uri")!;
    expect((await platform.app.inject(new URL(uri).pathname)).statusCode).toBe(404);
  });

  it("refuses a proof without our nonce, or for another audience", async () => {
    const credential = await buildCredential(platform.ctx, { organisationId: world.cfaId });
    const offer = await offerAs(await clientAs(world, "cfaAdmin"), credential.id, "oid4vci");
    const token = json(
      await form({
        grant_type: grant,
        "pre-authorized_code": await codeOf(offer.link),
        tx_code: offer.txCode!,
      }),
    ).access_token as string;
    const wallet = await walletKey();
    const sign = async (payload: object) => {
      const header = { typ: "openid4vci-proof+jwt", alg: "EdDSA", kid: wallet.kid };
      const input = `${b64(header)}.${b64(payload)}`;
      const signature = await wallet.key.signer().sign({ data: new TextEncoder().encode(input) });
      return `${input}.${b64(signature)}`;
    };
    const ask = (jwt: string) =>
      platform.app.inject({
        method: "POST",
        url: "/oid4vci/credential",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        payload: { credential_configuration_id: "OpenBadgeCredential", proofs: { jwt: [jwt] } },
      });
    const iat = Math.floor(Date.now() / 1000);
    const noNonce = await ask(await sign({ aud: platform.config.publicUrl, iat }));
    expect(json(noNonce).error).toBe("invalid_nonce");
    const nonce = json(
      await platform.app.inject({ method: "POST", url: "/oid4vci/nonce" }),
    ).c_nonce;
    const elsewhere = await ask(await sign({ aud: "https://other.example", iat, nonce }));
    expect(json(elsewhere).error).toBe("invalid_proof");
    // The offer is still there for the right proof.
    const right = await ask(await sign({ aud: platform.config.publicUrl, iat, nonce }));
    expect(right.statusCode, right.body).toBe(200);
  });

  it("offers only to the holder, and never a revoked badge", async () => {
    const credential = await buildCredential(platform.ctx, { organisationId: world.cfaId });
    const member = await clientAs(world, "cfaMember");
    const url = `/api/credentials/${credential.id}/wallet-offer`;
    expect((await member.post(url, { protocol: "oid4vci" })).statusCode).toBe(403);
    const neighbour = await clientAs(world, "otherCfaAdmin");
    expect((await neighbour.post(url, { protocol: "oid4vci" })).statusCode).toBe(404);
    const manager = await clientAs(world, "manager");
    await manager.post(`/api/credentials/${credential.id}/revoke`, {
      reason: "Attribué par erreur",
    });
    const admin = await clientAs(world, "cfaAdmin");
    const refused = await admin.post(url, { protocol: "oid4vci" });
    expect(refused.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(refused).error.code).toBe(
      "WALLET_CREDENTIAL_NOT_VALID",
    );
  });

  it("refuses a presentation signed for another challenge", async () => {
    const credential = await buildCredential(platform.ctx, { organisationId: world.cfaId });
    const offer = await offerAs(await clientAs(world, "cfaAdmin"), credential.id, "vc-api");
    const exchange = new URL(
      JSON.parse(new URL(offer.link).searchParams.get("request")!).protocols.vcapi,
    );
    const post = (body: object) =>
      platform.app.inject({ method: "POST", url: exchange.pathname, payload: body });
    const { domain } = json<{ verifiablePresentationRequest: { domain: string } }>(
      await post({}),
    ).verifiablePresentationRequest;
    const presentation = await didAuthentication(await walletKey(), {
      challenge: "not-ours",
      domain,
    });
    const refused = await post({ verifiablePresentation: presentation });
    expect(refused.statusCode).toBe(400);
    expect(json(refused).error).toBe("invalid_presentation");
  });
});

describe("a person's own badge", () => {
  it("goes to the person's wallet, proven with a did:jwk P-256 key, and to nobody else's offer", async () => {
    const [regional] = await platform.ctx.db
      .select()
      .from(badgeClasses)
      .where(eq(badgeClasses.slug, "organiser-1"));
    const person = await buildUser(platform.ctx);
    const { credential } = await issueCredential(platform.ctx, {
      grantKey: `wallet:${person.id}`,
      badgeClassId: regional!.id,
      subjectUserId: person.id,
      validFrom: new Date(),
    });
    const url = `/api/credentials/${credential.id}/wallet-offer`;
    const stranger = await signedInClient(platform, (await buildUser(platform.ctx)).id);
    expect((await stranger.post(url, { protocol: "oid4vci" })).statusCode).toBe(404);
    const offer = await offerAs(
      await signedInClient(platform, person.id),
      credential.id,
      "oid4vci",
    );

    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwk = await exportJWK(publicKey);
    const did = `did:jwk:${b64({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y })}`;
    const token = json(
      await platform.app.inject({
        method: "POST",
        url: "/oid4vci/token",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:pre-authorized_code",
          "pre-authorized_code": await preAuthorizedCode(offer.link),
          tx_code: offer.txCode!,
        }).toString(),
      }),
    ).access_token as string;
    const nonce = json(
      await platform.app.inject({ method: "POST", url: "/oid4vci/nonce" }),
    ).c_nonce;
    const proof = await new SignJWT({ nonce })
      .setProtectedHeader({ alg: "ES256", typ: "openid4vci-proof+jwt", kid: `${did}#0` })
      .setAudience(platform.config.publicUrl)
      .setIssuedAt()
      .sign(privateKey);
    const response = await platform.app.inject({
      method: "POST",
      url: "/oid4vci/credential",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      payload: {
        credential_configuration_id: "OpenBadgeCredential",
        proof: { proof_type: "jwt", jwt: proof },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const [{ credential: delivered }] = json<{
      credentials: [{ credential: Record<string, unknown> }];
    }>(response).credentials;
    expect((delivered.credentialSubject as { id: string }).id).toBe(did);
    expect((await verifyWithDigitalBazaar(platform.app, delivered)).verified).toBe(true);
  });
});
