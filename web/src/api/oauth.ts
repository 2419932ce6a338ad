/**
 * OAuth 2.0: the consent screen (an application asks to act for the person)
 * and the applications the person allowed.
 */
import { type ResponseOf, request } from "./http";

export type ConsentRequest = ResponseOf<"/api/oauth/interactions/{uid}">;
export type AllowedClient = ResponseOf<"/api/me/oauth-grants">["grants"][number];

export const oauthKeys = {
  consent: (uid: string) => ["oauth-consent", uid] as const,
  grants: () => ["oauth-grants"] as const,
};

export const fetchConsentRequest = (uid: string) =>
  request("get", "/api/oauth/interactions/{uid}", { path: { uid } });

export const answerConsent = (uid: string, allow: boolean) =>
  request("post", "/api/oauth/interactions/{uid}", { path: { uid }, body: { allow } });

export const fetchAllowedClients = () => request("get", "/api/me/oauth-grants");

export const revokeAllowedClient = (grantId: string) =>
  request("delete", "/api/me/oauth-grants/{grantId}", { path: { grantId } });

export type PartnerOauthClient =
  ResponseOf<"/api/organisations/{id}/oauth-clients">["clients"][number];

export const partnerOauthKeys = {
  clients: (orgId: string) => ["oauth-clients", orgId] as const,
};

export const fetchPartnerOauthClients = (orgId: string) =>
  request("get", "/api/organisations/{id}/oauth-clients", { path: { id: orgId } });

export const createPartnerOauthClient = (orgId: string, name: string) =>
  request("post", "/api/organisations/{id}/oauth-clients", { path: { id: orgId }, body: { name } });

export const revokePartnerOauthClient = (orgId: string, clientId: string) =>
  request("delete", "/api/organisations/{id}/oauth-clients/{clientId}", {
    path: { id: orgId, clientId },
  });
