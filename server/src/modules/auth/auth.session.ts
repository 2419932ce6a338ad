import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../../context";
import type { PlatformRole } from "../../db/schema";
import { AppError } from "../../errors";
import { isAllowedHost, isOwnOrigin } from "../../http/origin";
import { CSRF_COOKIE, CSRF_HEADER, clearSessionCookie, SESSION_COOKIE } from "../../http/session";
import { newToken, safeEqual } from "../../lib/tokens";
import { findLiveSession, listMemberships, touchSession } from "./auth.repo";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * Refuses a request addressed to a host that is not ours, resolves the
 * session cookie into a principal on every request, and guards every
 * state-changing request with an origin check and a double-submit CSRF token.
 */
export function registerSession(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest("principal", null);
  app.decorateRequest("user", null);
  app.decorateRequest("sessionId", null);

  app.addHook("onRequest", async (request, reply) => {
    if (!isAllowedHost(request.host, ctx.config)) throw new AppError("HOST_NOT_ALLOWED");
    // The route the router chose, whatever the spelling of the URL (percent-encoded,
    // other case, doubled slashes); a request that matched no route changes nothing.
    if (
      !SAFE_METHODS.has(request.method) &&
      request.routeOptions.url !== undefined &&
      !request.routeOptions.config?.stateless
    )
      checkCsrf(request);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await findLiveSession(ctx.db, token);
      if (found) {
        request.user = found.user;
        request.sessionId = found.session.id;
        request.principal = {
          userId: found.user.id,
          platformRoles: found.user.platformRoles as PlatformRole[],
          memberships: await listMemberships(ctx.db, found.user.id),
        };
        if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
          await touchSession(ctx.db, found.session.id);
      } else {
        clearSessionCookie(reply);
      }
    }
    if (!request.cookies[CSRF_COOKIE]) {
      const csrf = newToken();
      // Make the new token usable by this very request's response handlers.
      request.cookies[CSRF_COOKIE] = csrf;
      reply.setCookie(CSRF_COOKIE, csrf, {
        path: "/",
        sameSite: "strict",
        secure: ctx.config.secureCookies,
        httpOnly: false,
      });
    }
  });

  function checkCsrf(request: FastifyRequest) {
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, ctx.config))
      throw new AppError("CSRF_TOKEN_INVALID");
    const cookie = request.cookies[CSRF_COOKIE];
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== "string" || !safeEqual(cookie, header))
      throw new AppError("CSRF_TOKEN_INVALID");
  }
}
