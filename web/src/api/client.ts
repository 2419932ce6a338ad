import type { VerificationReport } from "@blason/openbadges";

export type PlatformRole = "programme_manager" | "reviewer" | "platform_admin";
export type OrgKind = "region" | "cfa" | "ufa" | "partner";
export type MemberRole = "member" | "admin";
export type Locale = "fr" | "en";

export type User = {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  emailVerified: boolean;
  platformRoles: PlatformRole[];
  createdAt: string;
};
export type OrganisationSummary = {
  id: string;
  slug: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  city: string | null;
};
export type Organisation = OrganisationSummary & {
  siret: string | null;
  uai: string | null;
  contactEmail: string;
  website: string | null;
  parent: OrganisationSummary | null;
  children: OrganisationSummary[];
  myRole: MemberRole | null;
  can: { manageMembers: boolean; edit: boolean };
};
export type Member = {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
  joinedAt: string;
};
export type Invitation = {
  id: string;
  email: string;
  role: MemberRole;
  organisationId: string;
  expiresAt: string;
  createdAt: string;
  invitedBy: string | null;
};
export type Me = {
  user: User;
  memberships: { organisation: OrganisationSummary; role: MemberRole }[];
  csrfToken: string;
};
export type InvitationDetails = {
  email: string;
  organisation: OrganisationSummary | null;
  role: MemberRole | null;
  platformRoles: PlatformRole[];
  invitedBy: string;
  existingAccount: boolean;
};
export type Health = {
  status: "ok" | "degraded";
  database: { ok: boolean; driver: "pglite" | "postgres"; latencyMs: number };
  jobs: {
    ok: boolean;
    pending: number;
    running: number;
    failed: number;
    oldestPendingSeconds: number;
  };
};
export type PublicConfig = {
  demo: boolean;
  devMailbox: boolean;
  platformName: string;
  defaultLocale: Locale;
};
export type AuditEntry = {
  seq: number;
  at: string;
  actor: { id: string | null; name: string } | null;
  action: string;
  targetType: string;
  targetId: string | null;
  data: Record<string, unknown>;
};
export type SessionInfo = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  current: boolean;
};
export type MailSummary = { id: string; to: string; subject: string; createdAt: string };
export type Mail = MailSummary & { text: string; html: string };

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

let currentLocale: Locale = "fr";
export function setApiLocale(locale: Locale) {
  currentLocale = locale;
}

function csrfToken(): string {
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

export const endpoints = {
  config: () => api<PublicConfig>("GET", "/api/config"),
  health: () => api<Health>("GET", "/api/health"),
  me: () => api<Me>("GET", "/api/me"),
  signIn: (email: string, password: string) =>
    api<Me>("POST", "/api/auth/sign-in", { email, password }),
  requestMagicLink: (email: string) => api<{ ok: true }>("POST", "/api/auth/magic-link", { email }),
  consumeMagicLink: (token: string) => api<Me>("POST", "/api/auth/magic-link/consume", { token }),
  signOut: () => api<void>("POST", "/api/auth/sign-out"),
  signOutEverywhere: () => api<void>("POST", "/api/auth/sign-out-everywhere"),
  requestPasswordReset: (email: string) =>
    api<{ ok: true }>("POST", "/api/auth/password-reset", { email }),
  completePasswordReset: (token: string, password: string) =>
    api<void>("POST", "/api/auth/password-reset/complete", { token, password }),
  verifyEmail: (token: string) => api<void>("POST", "/api/auth/verify-email", { token }),
  resendVerification: () => api<{ ok: true }>("POST", "/api/auth/verify-email/resend"),
  invitation: (token: string) => api<InvitationDetails>("GET", `/api/invitations/${enc(token)}`),
  acceptInvitation: (token: string, body: { name?: string; password?: string }) =>
    api<Me>("POST", `/api/invitations/${enc(token)}/accept`, body),
  updateMe: (body: { name?: string; locale?: Locale }) => api<Me>("PATCH", "/api/me", body),
  changePassword: (currentPassword: string, newPassword: string) =>
    api<void>("POST", "/api/me/password", { currentPassword, newPassword }),
  sessions: () => api<{ sessions: SessionInfo[] }>("GET", "/api/me/sessions"),
  organisations: (params: { kind?: OrgKind | ""; q?: string } = {}) => {
    const query = new URLSearchParams();
    if (params.kind) query.set("kind", params.kind);
    if (params.q) query.set("q", params.q);
    const qs = query.toString();
    return api<{ organisations: OrganisationSummary[] }>(
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
  invite: (id: string, email: string, role: MemberRole) =>
    api<Invitation>("POST", `/api/organisations/${enc(id)}/invitations`, { email, role }),
  cancelInvitation: (id: string, invitationId: string) =>
    api<void>("DELETE", `/api/organisations/${enc(id)}/invitations/${enc(invitationId)}`),
  setMemberRole: (id: string, userId: string, role: MemberRole) =>
    api<Member>("PATCH", `/api/organisations/${enc(id)}/members/${enc(userId)}`, { role }),
  removeMember: (id: string, userId: string) =>
    api<void>("DELETE", `/api/organisations/${enc(id)}/members/${enc(userId)}`),
  users: (q?: string) =>
    api<{ users: User[] }>("GET", `/api/admin/users${q ? `?q=${enc(q)}` : ""}`),
  setRoles: (id: string, roles: PlatformRole[]) =>
    api<User>("PUT", `/api/admin/users/${enc(id)}/roles`, { roles }),
  inviteStaff: (email: string, roles: PlatformRole[]) =>
    api<{ ok: true }>("POST", "/api/admin/invitations", { email, roles }),
  audit: () => api<{ entries: AuditEntry[] }>("GET", "/api/admin/audit?limit=100"),
  mailbox: () => api<{ messages: MailSummary[] }>("GET", "/api/dev/mailbox"),
  mail: (id: string) => api<Mail>("GET", `/api/dev/mailbox/${enc(id)}`),
};
