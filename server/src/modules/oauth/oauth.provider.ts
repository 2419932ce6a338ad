import Provider, { type Configuration } from "oidc-provider";
import type { AppContext } from "../../context";
import { oauthAdapterFor } from "./oauth.adapter";
import { oauthKeysFrom } from "./oauth.keys";
import { ALL_SCOPES } from "./oauth.scopes";

/** Where the authorization server lives; its issuer identifier is PUBLIC_URL + this. */
export const OAUTH_PREFIX = "/oauth";

/** The consent page of the web app (web/src/page-paths.ts: oauthConsent). */
export const consentPagePath = (uid: string) => `/autorisation/${uid}`;

/**
 * Binds an interaction to the browser that started it: set on the redirect to
 * the consent page, sent only to that interaction's consent API. oidc-provider's
 * own interaction cookie is scoped to the page's path, which the API is not under.
 */
export const INTERACTION_COOKIE = "blason_oauth_interaction";
export const consentApiPath = (uid: string) => `/api/oauth/interactions/${uid}`;

const HOUR = 3600;
const DAY = 24 * HOUR;

function configuration(ctx: AppContext): Configuration {
  const keys = oauthKeysFrom(ctx.config.masterKey);
  const cookieOptions = { secure: ctx.config.secureCookies, sameSite: "lax" as const };
  return {
    adapter: oauthAdapterFor(ctx.db),
    jwks: { keys: [keys.signing as never] },
    cookies: { keys: [keys.cookies], long: cookieOptions, short: cookieOptions },
    scopes: ALL_SCOPES,
    claims: { openid: ["sub"] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    features: {
      devInteractions: { enabled: false },
      // RFC 7591: a backpack registers itself (OB 3.0 section 6.2.1), no initial token.
      registration: { enabled: true },
      revocation: { enabled: true },
      clientCredentials: { enabled: true },
      introspection: { enabled: false },
    },
    // Authorization code with PKCE for every client; oidc-provider knows only S256.
    pkce: { required: () => true },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    clientDefaults: {
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      id_token_signed_response_alg: "EdDSA",
      token_endpoint_auth_method: "client_secret_basic",
    },
    enabledJWA: { idTokenSigningAlgValues: ["EdDSA"] },
    responseTypes: ["code"],
    interactions: {
      url: async (koa, interaction) => {
        koa.cookies.set(INTERACTION_COOKIE, interaction.uid, {
          path: consentApiPath(interaction.uid),
          httpOnly: true,
          sameSite: "lax",
          secure: ctx.config.secureCookies,
          maxAge: HOUR * 1000,
          signed: false,
          overwrite: true,
        });
        return consentPagePath(interaction.uid);
      },
    },
    ttl: {
      AccessToken: HOUR,
      AuthorizationCode: 60,
      ClientCredentials: HOUR,
      IdToken: HOUR,
      Interaction: HOUR,
      Session: 14 * DAY,
      Grant: 365 * DAY,
      RefreshToken: 30 * DAY,
    },
    // Errors as JSON, never an HTML page of the library's own.
    renderError: async (koa, out) => {
      koa.type = "application/json";
      koa.body = out;
    },
  };
}

const providers = new WeakMap<AppContext, Provider>();

/** The authorization server of this platform (one per context, created on first use). */
export function oauthProvider(ctx: AppContext): Provider {
  let provider = providers.get(ctx);
  if (!provider) {
    provider = new Provider(`${ctx.config.publicUrl}${OAUTH_PREFIX}`, configuration(ctx));
    provider.proxy = ctx.config.trustProxy;
    providers.set(ctx, provider);
  }
  return provider;
}
