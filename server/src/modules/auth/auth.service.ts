import type { AppContext } from "../../context";
import { AppError, type Locale } from "../../errors";
import { appendAudit } from "../audit/audit.repo";
import { queueEmail } from "../email/mailer";
import {
  consumeAuthToken,
  deleteSession,
  deleteUserSessions,
  findUserByEmail,
  findUserById,
  insertAuthToken,
  insertSession,
  listUserSessions,
  peekAuthToken,
  updateUser,
} from "./auth.repo";
import { checkPassword } from "./password-check";
import { hashPassword, verifyPassword } from "./passwords";
import { hitRateLimit, limits } from "./rate-limit";

const MAGIC_LINK_MINUTES = 15;
const RESET_MINUTES = 30;

type RequestMeta = { ip: string; userAgent?: string | undefined };

/** A new password: 12 characters at least, and not easy to guess (password-rules.ts). */
export async function assertPasswordStrength(
  password: string,
  options: { field?: string; personal?: (string | null | undefined)[] } = {},
) {
  const field = options.field ?? "password";
  const problem = await checkPassword(password, options.personal);
  if (problem === "too_short") throw new AppError("PASSWORD_TOO_WEAK", { [field]: "" });
  if (problem === "too_guessable") throw new AppError("PASSWORD_TOO_COMMON", { [field]: "" });
}

export async function signInWithPassword(
  ctx: AppContext,
  input: { email: string; password: string } & RequestMeta,
): Promise<{ userId: string; sessionToken: string }> {
  const email = input.email.trim().toLowerCase();
  await hitRateLimit(ctx.db, `sign-in:ip:${input.ip}`, limits.signInPerIp);
  await hitRateLimit(ctx.db, `sign-in:email:${email}`, limits.signInPerEmail);
  const user = await findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok) throw new AppError("INVALID_CREDENTIALS");
  const sessionToken = await insertSession(ctx.db, {
    userId: user.id,
    days: ctx.config.sessionDays,
    userAgent: input.userAgent,
  });
  return { userId: user.id, sessionToken };
}

/**
 * Emails a one-time link to an address's account: rate-limited per address
 * and per client, and silent when there is no account, so that the answer is
 * the same either way.
 */
async function emailTokenLink(
  ctx: AppContext,
  input: { email: string } & RequestMeta,
  link: { purpose: "magic_link" | "password_reset"; minutes: number; page: string },
) {
  const email = input.email.trim().toLowerCase();
  await hitRateLimit(ctx.db, `email-link:ip:${input.ip}`, limits.emailLinkPerIp);
  await hitRateLimit(ctx.db, `email-link:email:${email}`, limits.emailLinkPerEmail);
  const user = await findUserByEmail(ctx.db, email);
  if (!user) return;
  await ctx.db.transaction(async (tx) => {
    const token = await insertAuthToken(tx, {
      userId: user.id,
      purpose: link.purpose,
      minutes: link.minutes,
    });
    await queueEmail(tx, {
      to: user.email,
      locale: user.locale as Locale,
      template: {
        name: link.purpose,
        url: `${ctx.config.publicUrl}${link.page}?token=${token}`,
        minutes: link.minutes,
      },
    });
  });
}

/** Always answers the same, whether or not the address has an account. */
export function requestMagicLink(ctx: AppContext, input: { email: string } & RequestMeta) {
  return emailTokenLink(ctx, input, {
    purpose: "magic_link",
    minutes: MAGIC_LINK_MINUTES,
    page: "/connexion/lien",
  });
}

export async function consumeMagicLink(ctx: AppContext, input: { token: string } & RequestMeta) {
  await hitRateLimit(ctx.db, `token:ip:${input.ip}`, limits.tokenPerIp);
  return ctx.db.transaction(async (tx) => {
    const userId = await consumeAuthToken(tx, input.token, "magic_link");
    if (!userId) throw new AppError("TOKEN_INVALID_OR_EXPIRED");
    const user = await findUserById(tx, userId);
    // Opening the link proves the address.
    if (user && !user.emailVerifiedAt)
      await updateUser(tx, userId, { emailVerifiedAt: new Date() });
    const sessionToken = await insertSession(tx, {
      userId,
      days: ctx.config.sessionDays,
      userAgent: input.userAgent,
    });
    return { userId, sessionToken };
  });
}

export function requestPasswordReset(ctx: AppContext, input: { email: string } & RequestMeta) {
  return emailTokenLink(ctx, input, {
    purpose: "password_reset",
    minutes: RESET_MINUTES,
    page: "/mot-de-passe/nouveau",
  });
}

export async function completePasswordReset(
  ctx: AppContext,
  input: { token: string; password: string } & RequestMeta,
) {
  await hitRateLimit(ctx.db, `token:ip:${input.ip}`, limits.tokenPerIp);
  // The costly parts (the password's strength, its hash) run before the
  // transaction, which holds a connection (PGlite's only one) just to write.
  const holder = await peekAuthToken(ctx.db, input.token, "password_reset");
  if (!holder) throw new AppError("TOKEN_INVALID_OR_EXPIRED");
  const user = await findUserById(ctx.db, holder);
  // Refused here, nothing is used: the link stays usable.
  await assertPasswordStrength(input.password, { personal: [user?.email, user?.name] });
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const userId = await consumeAuthToken(tx, input.token, "password_reset");
    if (!userId || userId !== holder) throw new AppError("TOKEN_INVALID_OR_EXPIRED");
    await updateUser(tx, userId, { passwordHash, emailVerifiedAt: new Date() });
    // A reset means the old password may be known to someone else.
    await deleteUserSessions(tx, userId);
    await appendAudit(tx, {
      actor: { kind: "user", id: userId, label: "self" },
      action: "account.password_reset",
      targetType: "user",
      targetId: userId,
    });
  });
}

export async function sendEmailVerification(ctx: AppContext, userId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.emailVerifiedAt) return;
  await hitRateLimit(ctx.db, `email-link:email:${user.email}`, limits.emailLinkPerEmail);
  await ctx.db.transaction(async (tx) => {
    const token = await insertAuthToken(tx, {
      userId,
      purpose: "email_verification",
      minutes: 7 * 24 * 60,
    });
    await queueEmail(tx, {
      to: user.email,
      locale: user.locale as Locale,
      template: {
        name: "email_verification",
        url: `${ctx.config.publicUrl}/verifier-email?token=${token}`,
      },
    });
  });
}

export async function verifyEmail(ctx: AppContext, input: { token: string } & RequestMeta) {
  await hitRateLimit(ctx.db, `token:ip:${input.ip}`, limits.tokenPerIp);
  await ctx.db.transaction(async (tx) => {
    const userId = await consumeAuthToken(tx, input.token, "email_verification");
    if (!userId) throw new AppError("TOKEN_INVALID_OR_EXPIRED");
    await updateUser(tx, userId, { emailVerifiedAt: new Date() });
  });
}

export async function changePassword(
  ctx: AppContext,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
) {
  const user = await findUserById(ctx.db, input.userId);
  await assertPasswordStrength(input.newPassword, {
    field: "newPassword",
    personal: [user?.email, user?.name],
  });
  await hitRateLimit(ctx.db, `sign-in:email:${user?.email}`, limits.signInPerEmail);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError("INVALID_CREDENTIALS", { currentPassword: "" });
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    await deleteUserSessions(tx, user.id, input.sessionId);
    await appendAudit(tx, {
      actor: { kind: "user", id: user.id, label: user.email },
      action: "account.password_changed",
      targetType: "user",
      targetId: user.id,
    });
  });
}

export async function signOut(ctx: AppContext, sessionId: string) {
  await deleteSession(ctx.db, sessionId);
}

export async function signOutEverywhere(ctx: AppContext, userId: string) {
  await deleteUserSessions(ctx.db, userId);
}

/** The signed-in user as stored now; UNAUTHENTICATED once the account is gone. */
export async function currentUser(ctx: AppContext, userId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

export async function updateProfile(
  ctx: AppContext,
  {
    userId,
    change,
  }: { userId: string; change: { name?: string | undefined; locale?: Locale | undefined } },
) {
  await updateUser(ctx.db, userId, change);
}

export async function listSessions(ctx: AppContext, { userId }: { userId: string }) {
  return listUserSessions(ctx.db, userId);
}
