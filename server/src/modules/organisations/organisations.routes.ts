import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { email, errorBody, requestMeta, typed, uuidParam } from "../../http/route-types";
import { CSRF_COOKIE, requireUser, setSessionCookie } from "../../http/session";
import { line, url } from "../../http/text";
import { presentMe, presentOrganisationSummary } from "../accounts/accounts.present";
import {
  memberRole,
  meSchema,
  organisationSummarySchema,
  orgKind,
} from "../accounts/accounts.schema";
import { findUserById, insertSession } from "../auth/auth.repo";
import { hitRateLimit, limits } from "../auth/rate-limit";
import type { Principal } from "../policy/policy";
import type { InvitationRow, OrganisationRow } from "./organisations.repo";
import * as service from "./organisations.service";

const optionalText = (max: number) =>
  line()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const organisationFields = {
  name: line().trim().min(2).max(200),
  siret: optionalText(20),
  uai: optionalText(10),
  contactEmail: email,
  city: optionalText(120),
  website: url({ protocol: /^https?$/ })
    .max(500)
    .nullish()
    .or(z.literal("").transform(() => null)),
};

const organisationSchema = organisationSummarySchema.extend({
  siret: z.string().nullable(),
  uai: z.string().nullable(),
  contactEmail: z.string(),
  website: z.string().nullable(),
  parent: organisationSummarySchema.nullable(),
  children: z.array(organisationSummarySchema),
  myRole: memberRole.nullable(),
  can: z.object({ manageMembers: z.boolean(), edit: z.boolean() }),
});

const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: memberRole,
  joinedAt: z.iso.datetime(),
});

const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: memberRole,
  organisationId: z.uuid(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  invitedBy: z.string().nullable(),
});

function presentInvitation(i: InvitationRow) {
  return {
    id: i.id,
    email: i.email,
    role: (i.role ?? "member") as "member" | "admin",
    organisationId: i.organisationId ?? "",
    expiresAt: i.expiresAt.toISOString(),
    createdAt: i.createdAt.toISOString(),
    invitedBy: i.invitedBy,
  };
}

export function organisationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const tags = ["organisations"];
  const idParams = z.object({ id: uuidParam });

  const present = async (principal: NonNullable<Principal>, org: OrganisationRow) => {
    const d = await service.describeOrganisation(ctx, principal, org);
    return {
      ...presentOrganisationSummary(d.org),
      siret: d.org.siret,
      uai: d.org.uai,
      contactEmail: d.org.contactEmail,
      website: d.org.website,
      parent: d.parent ? presentOrganisationSummary(d.parent) : null,
      children: d.children.map(presentOrganisationSummary),
      myRole: d.myRole,
      can: d.can,
    };
  };

  r.get(
    "/api/organisations",
    {
      schema: {
        tags,
        querystring: z.object({ kind: orgKind.optional(), q: line().max(100).optional() }),
        response: {
          200: z.object({ organisations: z.array(organisationSummarySchema) }),
          401: errorBody,
        },
      },
    },
    async (request) => {
      const rows = await service.listOrganisationsFor(ctx, request.principal, request.query);
      return { organisations: rows.map(presentOrganisationSummary) };
    },
  );

  r.post(
    "/api/organisations",
    {
      schema: {
        tags,
        body: z
          .object({ ...organisationFields, kind: orgKind, parentId: z.uuid().nullish() })
          .strict(),
        response: { 201: organisationSchema, 400: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const org = await service.createOrganisation(ctx, user, request.principal, request.body);
      return reply.status(201).send(await present(request.principal!, org));
    },
  );

  r.get(
    "/api/organisations/:id",
    { schema: { tags, params: idParams, response: { 200: organisationSchema, 404: errorBody } } },
    async (request) => {
      const org = await service.loadReadableOrganisation(ctx, request.principal, request.params.id);
      return present(request.principal!, org);
    },
  );

  r.patch(
    "/api/organisations/:id",
    {
      schema: {
        tags,
        params: idParams,
        body: z.object(organisationFields).partial().strict(),
        response: { 200: organisationSchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const org = await service.updateOrganisation(
        ctx,
        user,
        request.principal,
        request.params.id,
        request.body,
      );
      return present(request.principal!, org);
    },
  );

  r.get(
    "/api/organisations/:id/members",
    {
      schema: {
        tags,
        params: idParams,
        response: {
          200: z.object({ members: z.array(memberSchema), invitations: z.array(invitationSchema) }),
          404: errorBody,
        },
      },
    },
    async (request) => {
      const { members, invitations } = await service.listOrganisationMembers(
        ctx,
        request.principal,
        request.params.id,
      );
      return {
        members: members.map((m) => ({
          ...m,
          role: m.role as "member" | "admin",
          joinedAt: m.joinedAt.toISOString(),
        })),
        invitations: invitations.map(presentInvitation),
      };
    },
  );

  r.post(
    "/api/organisations/:id/invitations",
    {
      schema: {
        tags,
        params: idParams,
        body: z.object({ email, role: memberRole }).strict(),
        response: { 201: invitationSchema, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await hitRateLimit(ctx.db, `invite:user:${user.id}`, { limit: 100, windowSeconds: 3600 });
      const invitation = await service.inviteMember(
        ctx,
        user,
        request.principal,
        request.params.id,
        request.body,
      );
      return reply.status(201).send(presentInvitation(invitation));
    },
  );

  r.delete(
    "/api/organisations/:id/invitations/:invitationId",
    { schema: { tags, params: z.object({ id: uuidParam, invitationId: uuidParam }) } },
    async (request, reply) => {
      const user = requireUser(request);
      await service.cancelInvitation(
        ctx,
        user,
        request.principal,
        request.params.id,
        request.params.invitationId,
      );
      return reply.status(204).send();
    },
  );

  r.patch(
    "/api/organisations/:id/members/:userId",
    {
      schema: {
        tags,
        params: z.object({ id: uuidParam, userId: uuidParam }),
        body: z.object({ role: memberRole }).strict(),
        response: { 200: memberSchema, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const m = await service.changeMemberRole(
        ctx,
        user,
        request.principal,
        request.params.id,
        request.params.userId,
        request.body.role,
      );
      return { ...m, role: m.role as "member" | "admin", joinedAt: m.joinedAt.toISOString() };
    },
  );

  r.delete(
    "/api/organisations/:id/members/:userId",
    { schema: { tags, params: z.object({ id: uuidParam, userId: uuidParam }) } },
    async (request, reply) => {
      const user = requireUser(request);
      await service.removeMember(
        ctx,
        user,
        request.principal,
        request.params.id,
        request.params.userId,
      );
      return reply.status(204).send();
    },
  );

  const tokenParams = z.object({ token: line().min(20).max(200) });

  r.get(
    "/api/invitations/:token",
    {
      schema: {
        tags: ["invitations"],
        params: tokenParams,
        response: {
          200: z.object({
            email: z.string(),
            organisation: organisationSummarySchema.nullable(),
            role: memberRole.nullable(),
            platformRoles: z.array(z.string()),
            invitedBy: z.string(),
            existingAccount: z.boolean(),
          }),
          400: errorBody,
        },
      },
    },
    async (request) => {
      await hitRateLimit(ctx.db, `token:ip:${request.ip}`, limits.tokenPerIp);
      const d = await service.describeInvitation(ctx, request.params.token);
      return {
        email: d.invitation.email,
        organisation: d.organisation ? presentOrganisationSummary(d.organisation) : null,
        role: (d.invitation.role as "member" | "admin" | null) ?? null,
        platformRoles: d.invitation.platformRoles,
        invitedBy: d.invitedBy,
        existingAccount: d.existingAccount,
      };
    },
  );

  r.post(
    "/api/invitations/:token/accept",
    {
      schema: {
        tags: ["invitations"],
        params: tokenParams,
        body: z
          .object({
            name: line().trim().max(120).optional(),
            password: line().max(1000).optional(),
          })
          .strict(),
        response: { 200: meSchema, 400: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await hitRateLimit(ctx.db, `token:ip:${request.ip}`, limits.tokenPerIp);
      const userId = await service.acceptInvitation(ctx, {
        token: request.params.token,
        ...request.body,
        signedIn: request.user,
      });
      if (!request.user) {
        const sessionToken = await insertSession(ctx.db, {
          userId,
          days: ctx.config.sessionDays,
          userAgent: requestMeta(request).userAgent,
        });
        setSessionCookie(reply, sessionToken, ctx);
      }
      const user = await findUserById(ctx.db, userId);
      if (!user) throw new AppError("NOT_FOUND");
      return presentMe(ctx.db, user, request.cookies[CSRF_COOKIE] ?? "");
    },
  );
}
