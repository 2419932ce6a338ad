import "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../context";
import { AppError } from "../errors";
import type { UserRow } from "../modules/auth/auth.repo";
import type { Principal } from "../modules/policy/policy";

export const SESSION_COOKIE = "blason_session";
export const CSRF_COOKIE = "blason_csrf";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal;
    user: UserRow | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /**
     * A public endpoint that changes nothing and reads no session: other
     * sites' programs call it without a cookie, so it takes no CSRF token.
     */
    stateless?: boolean;
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, ctx: AppContext) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.secureCookies,
    maxAge: ctx.config.sessionDays * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

export function requireUser(request: FastifyRequest): UserRow & { sessionId: string } {
  if (!request.user || !request.sessionId) throw new AppError("UNAUTHENTICATED");
  return Object.assign(request.user, { sessionId: request.sessionId });
}
