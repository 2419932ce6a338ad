import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { shareAcrossOrigins } from "../../http/cross-origin";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { callerOf } from "../policy/caller";
import { exchangeProtocols, stepExchange } from "./exchange.service";
import { createWalletOffer } from "./offers.service";
import { freshNonce, issueToWallet, offerByReference, takeAccessToken } from "./oid4vci.service";
import { WalletProtocolError } from "./protocol-error";
import { authorizationServerMetadata, issuerMetadata } from "./wallets.present";
import {
  credentialRequestBody,
  exchangeBody,
  exchangeParams,
  tokenBody,
  walletOfferBody,
  walletOfferView,
} from "./wallets.schema";

const FORM = "application/x-www-form-urlencoded";
/** Wallets authenticate with the offer's secrets, never a cookie: no CSRF token to carry. */
const walletCall = { stateless: true } as const;

/** The protocol's own error body, and nothing of the answer cached. */
async function answer<T>(reply: FastifyReply, run: () => Promise<T>) {
  reply.header("cache-control", "no-store");
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof WalletProtocolError)) throw error;
    if (error.status === 401) reply.header("www-authenticate", `Bearer error="${error.error}"`);
    return reply
      .status(error.status)
      .send({ error: error.error, error_description: error.description });
  }
}

/**
 * Badges to wallets: the holder's offer (/api), OpenID4VCI 1.0 (metadata,
 * token, nonce, credential) and the VC-API exchange of the Learner Credential Wallet.
 */
export function walletRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.post(
    "/api/credentials/:id/wallet-offer",
    {
      schema: {
        tags: ["wallets"],
        summary: "Offer a badge to its holder's wallet (QR code, link, transaction code)",
        params: z.object({ id: uuidParam }),
        body: walletOfferBody,
        response: { 200: walletOfferView, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    (request) =>
      createWalletOffer(ctx, {
        caller: callerOf(request),
        credentialId: request.params.id,
        protocol: request.body.protocol,
      }),
  );

  const metadata = { schema: { tags: ["wallets"], hide: true } };
  r.get("/.well-known/openid-credential-issuer", metadata, async (_request, reply) => {
    shareAcrossOrigins(reply);
    return issuerMetadata(ctx.config);
  });
  r.get("/.well-known/oauth-authorization-server", metadata, async (_request, reply) => {
    shareAcrossOrigins(reply);
    return authorizationServerMetadata(ctx.config);
  });

  r.get(
    "/oid4vci/offers/:id",
    { schema: { tags: ["wallets"], hide: true, params: exchangeParams } },
    (request, reply) => answer(reply, () => offerByReference(ctx, request.params.id)),
  );

  r.get(
    "/exchanges/:id/protocols",
    { schema: { tags: ["wallets"], hide: true, params: exchangeParams } },
    (request, reply) => answer(reply, () => exchangeProtocols(ctx, request.params.id)),
  );

  r.register(async (scope) => {
    if (!scope.hasContentTypeParser(FORM))
      scope.addContentTypeParser(FORM, { parseAs: "string", bodyLimit: 16_384 }, (_r, body, done) =>
        done(null, Object.fromEntries(new URLSearchParams(String(body)))),
      );
    const s = typed(scope);
    s.post(
      "/oid4vci/token",
      { config: walletCall, schema: { tags: ["wallets"], hide: true, body: tokenBody } },
      (request, reply) =>
        answer(reply, () =>
          takeAccessToken(ctx, {
            grantType: request.body.grant_type,
            code: request.body["pre-authorized_code"],
            txCode: request.body.tx_code,
          }),
        ),
    );
    s.post("/oid4vci/nonce", { config: walletCall, schema: { hide: true } }, (_request, reply) =>
      answer(reply, async () => freshNonce(ctx)),
    );
    s.post(
      "/oid4vci/credential",
      {
        config: walletCall,
        schema: { tags: ["wallets"], hide: true, body: credentialRequestBody },
      },
      (request, reply) =>
        answer(reply, () =>
          issueToWallet(ctx, {
            accessToken: /^Bearer (\S+)$/i.exec(request.headers.authorization ?? "")?.[1],
            request: request.body,
          }),
        ),
    );
    s.post(
      "/exchanges/:id",
      {
        config: walletCall,
        schema: { tags: ["wallets"], hide: true, params: exchangeParams, body: exchangeBody },
      },
      (request, reply) =>
        answer(reply, () => stepExchange(ctx, { id: request.params.id, body: request.body })),
    );
  });
}
