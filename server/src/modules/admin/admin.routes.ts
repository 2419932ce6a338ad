import { inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { users } from "../../db/schema";
import { email, errorBody, typed, uuidParam } from "../../http/route-types";
import { requireUser } from "../../http/session";
import { line } from "../../http/text";
import { presentUser } from "../accounts/accounts.present";
import { platformRole, userSchema } from "../accounts/accounts.schema";
import { listAudit } from "../audit/audit.repo";
import { authorize } from "../policy/policy";
import { inviteStaff, listUsers, setPlatformRoles } from "./admin.service";

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
      users: (await listUsers(ctx, request.principal, request.query.q)).map(presentUser),
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
      const actor = requireUser(request);
      return presentUser(
        await setPlatformRoles(
          ctx,
          actor,
          request.principal,
          request.params.id,
          request.body.roles,
        ),
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
      const actor = requireUser(request);
      await inviteStaff(ctx, actor, request.principal, request.body);
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
      authorize(request.principal, "audit.read");
      const rows = await listAudit(ctx.db, request.query);
      const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
      const names = actorIds.length
        ? await ctx.db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, actorIds))
        : [];
      return {
        entries: rows.map((row) => ({
          seq: row.seq,
          at: row.at.toISOString(),
          actor: row.actorLabel
            ? {
                id: row.actorId,
                name: names.find((n) => n.id === row.actorId)?.name ?? row.actorLabel,
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
