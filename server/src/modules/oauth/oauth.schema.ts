import { z } from "zod";
import { errorBody, noContent, uuidParam } from "../../http/route-types";
import { line } from "../../http/text";

export const oauthErrorsReply = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
};

/** oidc-provider's identifiers: url-safe random strings. */
const opaqueId = line().regex(/^[A-Za-z0-9_-]{8,128}$/);
export const interactionParams = z.object({ uid: opaqueId });
export const grantParams = z.object({ grantId: opaqueId });

const clientView = z.object({ id: z.string(), name: z.string(), uri: z.string().nullable() });

export const consentRequestReply = z.object({
  client: clientView,
  scopes: z.array(z.string()),
  redirectUri: z.string(),
});
export const consentBody = z.object({ allow: z.boolean() }).strict();
export const consentReply = z.object({ redirectTo: z.string() });

export const allowedClientsReply = z.object({
  grants: z.array(
    z.object({
      id: z.string(),
      client: clientView,
      scopes: z.array(z.string()),
      allowedAt: z.string(),
    }),
  ),
});
export const revokedReply = noContent;

export const organisationParams = z.object({ id: uuidParam });
export const partnerClientParams = z.object({ id: uuidParam, clientId: opaqueId });
export const partnerClientBody = z.object({ name: line().trim().min(2).max(120) }).strict();
export const partnerClientsReply = z.object({
  clients: z.array(z.object({ clientId: z.string(), name: z.string(), createdAt: z.string() })),
});
export const createdPartnerClientReply = z.object({
  clientId: z.string(),
  clientSecret: z.string(),
  name: z.string(),
  tokenUrl: z.string(),
  scope: z.string(),
});
