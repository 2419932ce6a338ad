/** Signing in and out, magic links, password resets, e-mail checks, invitations. */
import { ApiError } from "./client";
import { type BodyOf, type ResponseOf, request } from "./http";

export type Me = ResponseOf<"/api/me">;
export type User = Me["user"];
export type PlatformRole = User["platformRoles"][number];
export type Locale = User["locale"];
export type MemberRole = Me["memberships"][number]["role"];
export type OrganisationSummary = Me["memberships"][number]["organisation"];
export type OrgKind = OrganisationSummary["kind"];
export type InvitationDetails = ResponseOf<"/api/invitations/{token}">;
export type AcceptInvitationBody = BodyOf<"/api/invitations/{token}/accept", "post">;

export const authKeys = {
  me: () => ["me"] as const,
  invitation: (token: string) => ["invitation", token] as const,
};

export const fetchMe = () => request("get", "/api/me");

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMeOrNull(): Promise<Me | null> {
  try {
    return await fetchMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (email: string, password: string) =>
  request("post", "/api/auth/sign-in", { body: { email, password } });
export const requestMagicLink = (email: string) =>
  request("post", "/api/auth/magic-link", { body: { email } });
export const consumeMagicLink = (token: string) =>
  request("post", "/api/auth/magic-link/consume", { body: { token } });
export const signOut = () => request("post", "/api/auth/sign-out");
export const signOutEverywhere = () => request("post", "/api/auth/sign-out-everywhere");
export const requestPasswordReset = (email: string) =>
  request("post", "/api/auth/password-reset", { body: { email } });
export const completePasswordReset = (token: string, password: string) =>
  request("post", "/api/auth/password-reset/complete", { body: { token, password } });
export const verifyEmail = (token: string) =>
  request("post", "/api/auth/verify-email", { body: { token } });
export const resendVerification = () => request("post", "/api/auth/verify-email/resend");
export const fetchInvitation = (token: string) =>
  request("get", "/api/invitations/{token}", { path: { token } });
export const acceptInvitation = (token: string, body: AcceptInvitationBody) =>
  request("post", "/api/invitations/{token}/accept", { path: { token }, body });
