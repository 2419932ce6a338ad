import { z } from "zod";
import { email } from "../../http/route-types";
import { line } from "../../http/text";
import { locale } from "../accounts/accounts.schema";

const token = line().min(20).max(200);

export const accepted = z.object({ ok: z.literal(true) });
export const csrfView = z.object({ token: z.string() });

export const signInBody = z.object({ email, password: line().min(1).max(1000) });
export type SignInBody = z.infer<typeof signInBody>;
export const emailBody = z.object({ email });
export const tokenBody = z.object({ token });
export const passwordResetBody = z.object({ token, password: line().max(1000) });
export type PasswordResetBody = z.infer<typeof passwordResetBody>;

export const profileBody = z
  .object({ name: line().trim().min(1).max(120).optional(), locale: locale.optional() })
  .strict();
export type ProfileBody = z.infer<typeof profileBody>;
export const passwordChangeBody = z.object({
  currentPassword: line().min(1).max(1000),
  newPassword: line().max(1000),
});
export type PasswordChangeBody = z.infer<typeof passwordChangeBody>;

export const sessionsView = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      createdAt: z.iso.datetime(),
      lastSeenAt: z.iso.datetime(),
      userAgent: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
});
export type SessionsView = z.infer<typeof sessionsView>;
