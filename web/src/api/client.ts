import type { VerificationReport } from "@blason/openbadges";
import type * as Auth from "./auth";
import type { ResponseOf } from "./http";

export type { SessionInfo } from "./account";
/*
 * The API's types are the server's (generated from /api/openapi.json into
 * schema.gen.ts): each domain module exports its own; these re-exports and
 * aliases keep older imports from "./client" compiling until every page
 * imports its domain module.
 */
export type {
  InvitationDetails,
  Locale,
  Me,
  MemberRole,
  OrganisationSummary,
  OrgKind,
  PlatformRole,
  User,
} from "./auth";
export type { Health, PublicConfig } from "./config";
export type { Mail, MailSummary } from "./mailbox";

export type Organisation = ResponseOf<"/api/organisations/{id}">;
export type Member = ResponseOf<"/api/organisations/{id}/members">["members"][number];
export type Invitation = ResponseOf<"/api/organisations/{id}/members">["invitations"][number];
export type AuditEntry = ResponseOf<"/api/admin/audit">["entries"][number];

/** The engine's report, as POST /api/verify answers it (types only: nothing of the engine is bundled). */
export type { Step as VerificationStep, VerificationReport } from "@blason/openbadges";

/** An API failure, carrying the server's stable code, message and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let currentLocale: Auth.Locale = "fr";
export function setApiLocale(locale: Auth.Locale) {
  currentLocale = locale;
}

/** The CSRF token the server set in its cookie, for requests that do not go through `api` (uploads). */
export function csrfToken(): string {
  const match = document.cookie.match(/(?:^|;\s*)blason_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1] ?? "") : "";
}

async function ensureCsrf() {
  if (!csrfToken()) await fetch("/api/auth/csrf", { credentials: "same-origin" });
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    "Accept-Language": currentLocale,
    Accept: "application/json",
  };
  if (method !== "GET") {
    await ensureCsrf();
    headers["X-CSRF-Token"] = csrfToken();
  }
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, "NETWORK", networkMessage());
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (
      data as
        | { error?: { code?: string; message?: string; fields?: Record<string, string> } }
        | undefined
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "INTERNAL",
      error?.message ?? response.statusText,
      error?.fields,
    );
  }
  return data as T;
}

/**
 * Sends a badge to the public verifier as it is: a file with its own type,
 * or text (JSON, a JWT or a link). The endpoint takes no CSRF token.
 */
/** POST /api/verify; `recipient` is the expected holder (email, SIRET or UAI), checked against the badge. */
export async function verifyBadge(
  body: Blob | string,
  recipient?: string,
): Promise<VerificationReport> {
  const text = typeof body === "string";
  const type = text
    ? body.startsWith("{")
      ? "application/json"
      : "text/plain"
    : body.type ||
      ((body as File).name?.endsWith(".json") ? "application/json" : "application/octet-stream");
  let response: Response;
  try {
    const query = recipient ? `?recipient=${encodeURIComponent(recipient)}` : "";
    response = await fetch(`/api/verify${query}`, {
      method: "POST",
      headers: {
        "Content-Type": type,
        Accept: "application/json",
        "Accept-Language": currentLocale,
      },
      body,
    });
  } catch {
    throw new ApiError(0, "NETWORK", networkMessage());
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (
      data as
        | { error?: { code?: string; message?: string; fields?: Record<string, string> } }
        | undefined
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "INTERNAL",
      error?.message ?? response.statusText,
      error?.fields,
    );
  }
  return data as VerificationReport;
}

function networkMessage() {
  return currentLocale === "fr"
    ? "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez."
    : "The server does not answer. Check your connection and try again.";
}

const enc = encodeURIComponent;

/** The calls of the pages not yet moved to a typed domain module (api/*.ts). */
export const endpoints = {
  organisations: (params: { kind?: Auth.OrgKind | ""; q?: string } = {}) => {
    const query = new URLSearchParams();
    if (params.kind) query.set("kind", params.kind);
    if (params.q) query.set("q", params.q);
    const qs = query.toString();
    return api<{ organisations: Auth.OrganisationSummary[] }>(
      "GET",
      `/api/organisations${qs ? `?${qs}` : ""}`,
    );
  },
  createOrganisation: (body: Record<string, unknown>) =>
    api<Organisation>("POST", "/api/organisations", body),
  organisation: (id: string) => api<Organisation>("GET", `/api/organisations/${enc(id)}`),
  updateOrganisation: (id: string, body: Record<string, unknown>) =>
    api<Organisation>("PATCH", `/api/organisations/${enc(id)}`, body),
  members: (id: string) =>
    api<{ members: Member[]; invitations: Invitation[] }>(
      "GET",
      `/api/organisations/${enc(id)}/members`,
    ),
  invite: (id: string, email: string, role: Auth.MemberRole) =>
    api<Invitation>("POST", `/api/organisations/${enc(id)}/invitations`, { email, role }),
  cancelInvitation: (id: string, invitationId: string) =>
    api<void>("DELETE", `/api/organisations/${enc(id)}/invitations/${enc(invitationId)}`),
  setMemberRole: (id: string, userId: string, role: Auth.MemberRole) =>
    api<Member>("PATCH", `/api/organisations/${enc(id)}/members/${enc(userId)}`, { role }),
  removeMember: (id: string, userId: string) =>
    api<void>("DELETE", `/api/organisations/${enc(id)}/members/${enc(userId)}`),
  users: (q?: string) =>
    api<{ users: Auth.User[] }>("GET", `/api/admin/users${q ? `?q=${enc(q)}` : ""}`),
  setRoles: (id: string, roles: Auth.PlatformRole[]) =>
    api<Auth.User>("PUT", `/api/admin/users/${enc(id)}/roles`, { roles }),
  inviteStaff: (email: string, roles: Auth.PlatformRole[]) =>
    api<{ ok: true }>("POST", "/api/admin/invitations", { email, roles }),
  audit: () => api<{ entries: AuditEntry[] }>("GET", "/api/admin/audit?limit=100"),
};
