import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context";
import { typed } from "../../http/route-types";
import { hitRateLimit, type Limit } from "../auth/rate-limit";
import { callerOf } from "../policy/caller";
import { INTERACTION_COOKIE, OAUTH_PREFIX, oauthProvider } from "./oauth.provider";
import {
  allowedClientsReply,
  consentBody,
  consentReply,
  consentRequestReply,
  createdPartnerClientReply,
  grantParams,
  interactionParams,
  oauthErrorsReply,
  organisationParams,
  partnerClientBody,
  partnerClientParams,
  partnerClientsReply,
  revokedReply,
} from "./oauth.schema";
import { allowedClients, consentRequest, decideConsent, revokeClient } from "./oauth.service";
import {
  createPartnerOauthClient,
  listPartnerOauthClients,
  revokePartnerOauthClient,
} from "./partner-clients.service";

const tags = ["oauth"];

/** Registrations and token requests per address (the database counts for every instance). */
const OAUTH_LIMITS: Record<string, Limit> = {
  "/reg": { limit: 20, windowSeconds: 3600 },
  "/token": { limit: 300, windowSeconds: 15 * 60 },
};

/** Routes that oidc-provider answers itself (the policy matrix lists them apart). */
export const OAUTH_PROVIDER_ROUTES = [
  `GET ${OAUTH_PREFIX}/*`,
  `POST ${OAUTH_PREFIX}/*`,
  "GET /.well-known/oauth-authorization-server/oauth",
];

/**
 * The OAuth 2.0 authorization server (oidc-provider) under /oauth, its RFC 8414
 * metadata, and the JSON routes of the consent screen and of the page where a
 * person sees and revokes the applications they allowed.
 */
export function oauthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.register(async (scope) => {
    // oidc-provider reads the bodies itself (forms, JSON for registration).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null, undefined));
    let callback: ReturnType<ReturnType<typeof oauthProvider>["callback"]> | undefined;
    const pass = (path: string) => async (request: FastifyRequest, reply: FastifyReply) => {
      const limit = request.method === "POST" ? OAUTH_LIMITS[path] : undefined;
      if (limit) await hitRateLimit(ctx.db, `oauth${path}:${request.ip}`, limit);
      callback ??= oauthProvider(ctx).callback();
      const query = request.raw.url?.includes("?")
        ? request.raw.url.slice(request.raw.url.indexOf("?"))
        : "";
      request.raw.url = `${path || "/"}${query}`;
      // How oidc-provider learns where it is mounted (its links carry the prefix).
      Object.assign(request.raw, { baseUrl: OAUTH_PREFIX });
      reply.hijack();
      callback(request.raw, reply.raw);
    };
    // Clients call these with their own credentials, never with a session: no CSRF.
    const config = { stateless: true };
    scope.route({
      method: ["GET", "POST"],
      url: `${OAUTH_PREFIX}/*`,
      config,
      schema: { hide: true },
      handler: (request, reply) =>
        pass(`/${(request.params as { "*": string })["*"].split("?")[0]}`)(request, reply),
    });
    scope.get(
      "/.well-known/oauth-authorization-server/oauth",
      { config, schema: { hide: true } },
      pass("/.well-known/openid-configuration"),
    );
  });

  const r = typed(app);
  r.get(
    "/api/oauth/interactions/:uid",
    {
      schema: {
        tags,
        summary:
          "The authorisation an application asks for: who it is, which rights (consent screen)",
        params: interactionParams,
        response: { 200: consentRequestReply, ...oauthErrorsReply },
      },
    },
    async (request) =>
      consentRequest(ctx, {
        caller: callerOf(request),
        uid: request.params.uid,
        bound: request.cookies[INTERACTION_COOKIE],
      }),
  );
  r.post(
    "/api/oauth/interactions/:uid",
    {
      schema: {
        tags,
        summary:
          "The signed-in person allows or refuses the application; the browser then goes to redirectTo",
        params: interactionParams,
        body: consentBody,
        response: { 200: consentReply, ...oauthErrorsReply },
      },
    },
    async (request) =>
      decideConsent(ctx, {
        caller: callerOf(request),
        uid: request.params.uid,
        bound: request.cookies[INTERACTION_COOKIE],
        allow: request.body.allow,
      }),
  );
  r.get(
    "/api/me/oauth-grants",
    {
      schema: {
        tags,
        summary: "The applications the person allowed to act for them, with their rights",
        response: { 200: allowedClientsReply, ...oauthErrorsReply },
      },
    },
    async (request) => ({ grants: await allowedClients(ctx, { caller: callerOf(request) }) }),
  );
  r.delete(
    "/api/me/oauth-grants/:grantId",
    {
      schema: {
        tags,
        summary: "The person withdraws an application's access (its tokens stop working at once)",
        params: grantParams,
        response: { 204: revokedReply, ...oauthErrorsReply },
      },
    },
    async (request, reply) => {
      await revokeClient(ctx, { caller: callerOf(request), grantId: request.params.grantId });
      return reply.status(204).send(null);
    },
  );

  partnerClientRoutes(app, ctx);
}

/** A partner's OAuth 2.0 clients (client credentials), beside its API keys. */
function partnerClientRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  r.get(
    "/api/organisations/:id/oauth-clients",
    {
      schema: {
        tags,
        summary: "A partner's OAuth 2.0 clients for its systems (never their secrets)",
        params: organisationParams,
        response: { 200: partnerClientsReply, ...oauthErrorsReply },
      },
    },
    async (request) => ({
      clients: await listPartnerOauthClients(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
      }),
    }),
  );
  r.post(
    "/api/organisations/:id/oauth-clients",
    {
      schema: {
        tags,
        summary:
          "A new OAuth 2.0 client (client-credentials grant) with which a partner's system pushes its badges; the secret is shown once",
        params: organisationParams,
        body: partnerClientBody,
        response: { 201: createdPartnerClientReply, ...oauthErrorsReply },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createPartnerOauthClient(ctx, {
          caller: callerOf(request),
          organisationId: request.params.id,
          name: request.body.name,
        }),
      ),
  );
  r.delete(
    "/api/organisations/:id/oauth-clients/:clientId",
    {
      schema: {
        tags,
        summary: "The partner withdraws one of its OAuth 2.0 clients (its tokens stop at once)",
        params: partnerClientParams,
        response: { 204: revokedReply, ...oauthErrorsReply },
      },
    },
    async (request, reply) => {
      await revokePartnerOauthClient(ctx, {
        caller: callerOf(request),
        organisationId: request.params.id,
        clientId: request.params.clientId,
      });
      return reply.status(204).send(null);
    },
  );
}
