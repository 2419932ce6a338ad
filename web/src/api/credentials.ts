/** Awarded badges: one credential's public view, an organisation's, and what a holder does with them. */
import { type BodyOf, type QueryOf, type ResponseOf, request, urlOf } from "./http";

export type Credential = ResponseOf<"/api/public/credentials/{id}">;
export type CredentialStatus = Credential["status"];
export type ClaimAnswer = "accept" | "decline";
export type Visibility = BodyOf<"/api/credentials/{id}/visibility", "post">;

export const credentialKeys = {
  detail: (id: string) => ["credential", id] as const,
  ofOrganisation: (orgId: string) => ["org-credentials", orgId] as const,
};

export const fetchCredential = (id: string) =>
  request("get", "/api/public/credentials/{id}", { path: { id } });

export const fetchOrganisationCredentials = (orgId: string) =>
  request("get", "/api/organisations/{id}/credentials", { path: { id: orgId } });

/** The holder accepts the badge (it may then be shown and downloaded) or declines it. */
export const answerCredential = (id: string, answer: ClaimAnswer) =>
  answer === "accept"
    ? request("post", "/api/credentials/{id}/accept", { path: { id }, body: {} })
    : request("post", "/api/credentials/{id}/decline", { path: { id }, body: {} });

export const setCredentialVisibility = (id: string, shown: boolean) =>
  request("post", "/api/credentials/{id}/visibility", { path: { id }, body: { shown } });

export const revokeCredential = (id: string, reason: string) =>
  request("post", "/api/credentials/{id}/revoke", { path: { id }, body: { reason } });

/** The managers' list of issued badges, and the same filter as CSV. */
export type IssuedQuery = QueryOf<"/api/manager/credentials", "get">;
export type IssuedRow = ResponseOf<"/api/manager/credentials">["rows"][number];
export const fetchIssuedBadges = (query: IssuedQuery) =>
  request("get", "/api/manager/credentials", { query });
export const issuedCsvUrl = (query: IssuedQuery) => {
  const { page: _page, pageSize: _size, ...filters } = query;
  return urlOf("/api/manager/credentials.csv", {}, filters);
};
