import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { errorBody, typed } from "../../http/route-types";
import { requireUser } from "../../http/session";
import { presentUser } from "../accounts/accounts.present";
import { userSchema } from "../accounts/accounts.schema";
import { auditLink } from "../audit/audit.present";
import { auditSentence } from "../audit/audit.text";
import { callerOf } from "../policy/caller";
import {
  auditQuery,
  auditView,
  idParams,
  okView,
  rolesBody,
  staffInvitationBody,
  usersQuery,
  usersView,
} from "./admin.schema";
import { inviteStaff, listUsers, readAuditLog, setPlatformRoles } from "./admin.service";

export function adminRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const tags = ["administration"];

  r.get(
    "/api/admin/users",
    {
      schema: {
        tags,
        querystring: usersQuery,
        response: { 200: usersView, 404: errorBody },
      },
    },
    async (request) => ({
      users: (await listUsers(ctx, { principal: request.principal, q: request.query.q })).map(
        presentUser,
      ),
    }),
  );

  r.put(
    "/api/admin/users/:id/roles",
    {
      schema: {
        tags,
        params: idParams,
        body: rolesBody,
        response: { 200: userSchema, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      return presentUser(
        await setPlatformRoles(ctx, {
          caller: callerOf(request),
          userId: request.params.id,
          roles: request.body.roles,
        }),
      );
    },
  );

  r.post(
    "/api/admin/invitations",
    {
      schema: {
        tags,
        body: staffInvitationBody,
        response: { 201: okView, 400: errorBody },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await inviteStaff(ctx, { caller, inviter: requireUser(request), input: request.body });
      return reply.status(201).send({ ok: true });
    },
  );

  r.get(
    "/api/admin/audit",
    {
      schema: {
        tags,
        querystring: auditQuery,
        response: {
          200: auditView,
        },
      },
    },
    async (request) => {
      const rows = await readAuditLog(ctx, { principal: request.principal, ...request.query });
      return {
        entries: rows.map((row) => ({
          seq: row.seq,
          at: row.at.toISOString(),
          actor: row.actorLabel
            ? {
                id: row.actorId,
                name: row.actorName ?? row.actorLabel,
              }
            : null,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          data: row.data,
          summary: auditSentence(row.action, row.data),
          link: auditLink(row.targetType, row.targetId),
        })),
      };
    },
  );
}
