/** The signed-in user's own account: profile, password, sessions. */
import { type BodyOf, type ResponseOf, request } from "./http";

export type SessionInfo = ResponseOf<"/api/me/sessions">["sessions"][number];
export type UpdateMeBody = BodyOf<"/api/me", "patch">;

export const accountKeys = {
  sessions: () => ["account", "sessions"] as const,
};

export const updateMe = (body: UpdateMeBody) => request("patch", "/api/me", { body });
export const changePassword = (currentPassword: string, newPassword: string) =>
  request("post", "/api/me/password", { body: { currentPassword, newPassword } });
export const fetchSessions = () => request("get", "/api/me/sessions");
