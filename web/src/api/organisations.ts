/** Organisations (region, CFA, UFA, partner), their members and invitations. */
import { type BodyOf, type QueryOf, type ResponseOf, request } from "./http";

export type OrganisationSummary = ResponseOf<"/api/organisations">["organisations"][number];
export type OrganisationKind = OrganisationSummary["kind"];
export type Organisation = ResponseOf<"/api/organisations/{id}">;
export type NewOrganisation = BodyOf<"/api/organisations", "post">;
export type OrganisationFilter = QueryOf<"/api/organisations", "get">;
export type Members = ResponseOf<"/api/organisations/{id}/members">;
export type Member = Members["members"][number];
export type MemberRole = Member["role"];
export type Invitation = Members["invitations"][number];

export const organisationKinds = [
  "region",
  "cfa",
  "ufa",
  "partner",
] as const satisfies readonly OrganisationKind[];

/** Query keys: `lists()` covers every filtered list. */
export const organisationKeys = {
  lists: () => ["organisations"] as const,
  list: (filter: { q?: string; kind?: OrganisationKind | "" }) =>
    ["organisations", filter.q ?? "", filter.kind ?? ""] as const,
  detail: (id: string) => ["organisation", id] as const,
  members: (id: string) => ["members", id] as const,
};

export const fetchOrganisations = (filter: { q?: string; kind?: OrganisationKind | "" } = {}) =>
  request("get", "/api/organisations", {
    query: {
      ...(filter.q ? { q: filter.q } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
    },
  });

export const createOrganisation = (body: NewOrganisation) =>
  request("post", "/api/organisations", { body });

export const fetchOrganisation = (id: string) =>
  request("get", "/api/organisations/{id}", { path: { id } });

export const fetchMembers = (id: string) =>
  request("get", "/api/organisations/{id}/members", { path: { id } });

export const inviteMember = (id: string, email: string, role: MemberRole) =>
  request("post", "/api/organisations/{id}/invitations", { path: { id }, body: { email, role } });

export const cancelInvitation = (id: string, invitationId: string) =>
  request("delete", "/api/organisations/{id}/invitations/{invitationId}", {
    path: { id, invitationId },
  });

export const setMemberRole = (id: string, userId: string, role: MemberRole) =>
  request("patch", "/api/organisations/{id}/members/{userId}", {
    path: { id, userId },
    body: { role },
  });

export const removeMember = (id: string, userId: string) =>
  request("delete", "/api/organisations/{id}/members/{userId}", { path: { id, userId } });
