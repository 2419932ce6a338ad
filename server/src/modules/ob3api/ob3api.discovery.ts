import type { Config } from "../../config";
import { OAUTH_PREFIX } from "../oauth/oauth.provider";
import { OB3_SCOPES } from "../oauth/oauth.scopes";

export const OB3_BASE = "/ims/ob/v3p0";

const scopeDescriptions = {
  [OB3_SCOPES.credentialRead]:
    "Permission to read AchievementCredentials for the authenticated entity.",
  [OB3_SCOPES.credentialUpsert]:
    "Permission to create or update AchievementCredentials for the authenticated entity.",
  [OB3_SCOPES.profileRead]: "Permission to read the profile for the authenticated entity.",
  [OB3_SCOPES.profileUpdate]: "Permission to update the profile for the authenticated entity.",
};

const op = (summary: string, scope: string, responses: Record<string, string>) => ({
  summary,
  security: [{ OAuth2ACG: [scope] }],
  responses: Object.fromEntries(
    Object.entries(responses).map(([code, description]) => [code, { description }]),
  ),
});

/**
 * The Service Description Document of OB 3.0 section 6.1: an OpenAPI 3.0
 * document naming the server, the OAuth 2.0 endpoints (registration
 * included) and the four scopes.
 */
export function discoveryDocument(config: Config) {
  const issuer = `${config.publicUrl}${OAUTH_PREFIX}`;
  return {
    openapi: "3.0.1",
    info: {
      title: "Blason — Open Badges 3.0 API",
      version: "3.0",
      description: "Open Badges 3.0 REST API of Blason (credentials and profile of a person).",
      termsOfService: `${config.publicUrl}/mentions-legales`,
      "x-imssf-privacyPolicyUrl": `${config.publicUrl}/donnees-personnelles`,
      "x-imssf-image": `${config.publicUrl}/favicon.svg`,
    },
    servers: [{ url: `${config.publicUrl}${OB3_BASE}`, description: "Blason" }],
    tags: [
      {
        name: "OpenBadgeCredentials",
        description: "Exchange OpenBadgeCredentials and Profile information.",
      },
      { name: "Discovery" },
    ],
    paths: {
      "/credentials": {
        get: op("Get the person's credentials", OB3_SCOPES.credentialRead, {
          "200": "The credentials (limit, offset; X-Total-Count and Link headers)",
        }),
        post: op("Create or replace a credential", OB3_SCOPES.credentialUpsert, {
          "200": "Replaced",
          "201": "Created",
        }),
      },
      "/profile": {
        get: op("Get the person's profile", OB3_SCOPES.profileRead, { "200": "The profile" }),
        put: op("Update the person's profile", OB3_SCOPES.profileUpdate, { "200": "The profile" }),
      },
      "/discovery": {
        get: {
          summary: "This document",
          security: [],
          responses: { "200": { description: "OpenAPI" } },
        },
      },
    },
    components: {
      securitySchemes: {
        OAuth2ACG: {
          type: "oauth2",
          description: "OAuth 2.0 authorization code grant with PKCE (S256)",
          "x-imssf-registrationUrl": `${issuer}/reg`,
          flows: {
            authorizationCode: {
              authorizationUrl: `${issuer}/auth`,
              tokenUrl: `${issuer}/token`,
              refreshUrl: `${issuer}/token`,
              "x-imssf-revocationUrl": `${issuer}/token/revocation`,
              scopes: scopeDescriptions,
            },
          },
        },
      },
    },
  };
}
