import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context";
import { errorBody, requestMeta, typed } from "../../http/route-types";
import { CSRF_COOKIE, clearSessionCookie, requireUser, setSessionCookie } from "../../http/session";
import { presentMe } from "../accounts/accounts.present";
import { meSchema } from "../accounts/accounts.schema";
import {
  accepted,
  csrfView,
  emailBody,
  passwordChangeBody,
  passwordResetBody,
  profileBody,
  sessionsView,
  signInBody,
  tokenBody,
} from "./auth.schema";
import {
  changePassword,
  completePasswordReset,
  consumeMagicLink,
  currentUser,
  listSessions,
  requestMagicLink,
  requestPasswordReset,
  sendEmailVerification,
  signInWithPassword,
  signOut,
  signOutEverywhere,
  updateProfile,
  verifyEmail,
} from "./auth.service";

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const tags = ["auth"];

  const answerMe = async (
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    sessionToken?: string,
  ) => {
    const user = await currentUser(ctx, userId);
    if (sessionToken) setSessionCookie(reply, sessionToken, ctx);
    return presentMe(ctx.db, user, request.cookies[CSRF_COOKIE] ?? "");
  };

  r.get("/api/auth/csrf", { schema: { tags, response: { 200: csrfView } } }, async (request) => ({
    token: request.cookies[CSRF_COOKIE] ?? "",
  }));

  r.get(
    "/api/me",
    { schema: { tags: ["account"], response: { 200: meSchema, 401: errorBody } } },
    async (request, reply) => answerMe(request, reply, requireUser(request).id),
  );

  r.post(
    "/api/auth/sign-in",
    {
      schema: {
        tags,
        body: signInBody,
        response: { 200: meSchema, 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { userId, sessionToken } = await signInWithPassword(ctx, {
        ...request.body,
        ...requestMeta(request),
      });
      return answerMe(request, reply, userId, sessionToken);
    },
  );

  r.post(
    "/api/auth/magic-link",
    { schema: { tags, body: emailBody, response: { 202: accepted, 429: errorBody } } },
    async (request, reply) => {
      await requestMagicLink(ctx, { ...request.body, ...requestMeta(request) });
      return reply.status(202).send({ ok: true });
    },
  );

  r.post(
    "/api/auth/magic-link/consume",
    { schema: { tags, body: tokenBody, response: { 200: meSchema, 400: errorBody } } },
    async (request, reply) => {
      const { userId, sessionToken } = await consumeMagicLink(ctx, {
        ...request.body,
        ...requestMeta(request),
      });
      return answerMe(request, reply, userId, sessionToken);
    },
  );

  r.post("/api/auth/sign-out", { schema: { tags } }, async (request, reply) => {
    if (request.sessionId) await signOut(ctx, request.sessionId);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  r.post("/api/auth/sign-out-everywhere", { schema: { tags } }, async (request, reply) => {
    const user = requireUser(request);
    await signOutEverywhere(ctx, user.id);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  r.post(
    "/api/auth/password-reset",
    { schema: { tags, body: emailBody, response: { 202: accepted } } },
    async (request, reply) => {
      await requestPasswordReset(ctx, { ...request.body, ...requestMeta(request) });
      return reply.status(202).send({ ok: true });
    },
  );

  r.post(
    "/api/auth/password-reset/complete",
    { schema: { tags, body: passwordResetBody } },
    async (request, reply) => {
      await completePasswordReset(ctx, { ...request.body, ...requestMeta(request) });
      return reply.status(204).send();
    },
  );

  r.post(
    "/api/auth/verify-email",
    { schema: { tags, body: tokenBody } },
    async (request, reply) => {
      await verifyEmail(ctx, { ...request.body, ...requestMeta(request) });
      return reply.status(204).send();
    },
  );

  r.post("/api/auth/verify-email/resend", { schema: { tags } }, async (request, reply) => {
    await sendEmailVerification(ctx, requireUser(request).id);
    return reply.status(202).send({ ok: true });
  });

  r.patch(
    "/api/me",
    {
      schema: {
        tags: ["account"],
        body: profileBody,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await updateProfile(ctx, { userId: user.id, change: request.body });
      return answerMe(request, reply, user.id);
    },
  );

  r.post(
    "/api/me/password",
    {
      schema: {
        tags: ["account"],
        body: passwordChangeBody,
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await changePassword(ctx, { userId: user.id, sessionId: user.sessionId, ...request.body });
      return reply.status(204).send();
    },
  );

  r.get(
    "/api/me/sessions",
    {
      schema: {
        tags: ["account"],
        response: {
          200: sessionsView,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const sessions = await listSessions(ctx, { userId: user.id });
      return {
        sessions: sessions.map((s) => ({
          // Never hand out the session hash itself.
          id: s.id.slice(0, 12),
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          userAgent: s.userAgent,
          current: s.id === user.sessionId,
        })),
      };
    },
  );
}
