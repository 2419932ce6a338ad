export { AdminUsersPage } from "./AdminUsersPage";
export { AuditPage } from "./AuditPage";
