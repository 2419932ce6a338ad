import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { email, errorBody, typed, uuidParam } from "../../http/route-types";
import { requireUser } from "../../http/session";
import { line } from "../../http/text";
import { presentUser } from "../accounts/accounts.present";
import { platformRole, userSchema } from "../accounts/accounts.schema";
import { callerOf } from "../policy/caller";
import { inviteStaff, listUsers, readAuditLog, setPlatformRoles } from "./admin.service";

export function adminRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const tags = ["administration"];

  r.get(
    "/api/admin/users",
    {
      schema: {
        tags,
        querystring: z.object({ q: line().max(100).optional() }),
        response: { 200: z.object({ users: z.array(userSchema) }), 404: errorBody },
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
        params: z.object({ id: uuidParam }),
        body: z.object({ roles: z.array(platformRole).max(3) }).strict(),
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
        body: z.object({ email, roles: z.array(platformRole).min(1).max(3) }).strict(),
        response: { 201: z.object({ ok: z.literal(true) }), 400: errorBody },
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
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.coerce.number().int().min(1).optional(),
        }),
        response: {
          200: z.object({
            entries: z.array(
              z.object({
                seq: z.number(),
                at: z.iso.datetime(),
                actor: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
                action: z.string(),
                targetType: z.string(),
                targetId: z.string().nullable(),
                data: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
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
        })),
      };
    },
  );
}
