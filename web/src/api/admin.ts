/** The platform's administration: staff accounts and their roles, and the audit log. */
import { type ResponseOf, request } from "./http";

export type StaffUser = ResponseOf<"/api/admin/users">["users"][number];
export type PlatformRole = StaffUser["platformRoles"][number];
export type AuditEntry = ResponseOf<"/api/admin/audit">["entries"][number];

export const platformRoles = [
  "programme_manager",
  "reviewer",
  "platform_admin",
] as const satisfies readonly PlatformRole[];

/** Query keys: `users()` covers every search. */
export const adminKeys = {
  users: () => ["users"] as const,
  userSearch: (q: string) => ["users", q] as const,
  audit: () => ["audit"] as const,
};

export const fetchUsers = (q?: string) =>
  request("get", "/api/admin/users", q ? { query: { q } } : {});

export const setUserRoles = (id: string, roles: PlatformRole[]) =>
  request("put", "/api/admin/users/{id}/roles", { path: { id }, body: { roles } });

export const inviteStaff = (email: string, roles: PlatformRole[]) =>
  request("post", "/api/admin/invitations", { body: { email, roles } });

/** The last hundred entries of the audit log. */
export const fetchAudit = () => request("get", "/api/admin/audit", { query: { limit: 100 } });
