import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { errorBody, requestMeta, typed } from "../../http/route-types";
import { CSRF_COOKIE, requireUser, setSessionCookie } from "../../http/session";
import { presentMe, presentOrganisationSummary } from "../accounts/accounts.present";
import { meSchema } from "../accounts/accounts.schema";
import { hitRateLimit, limits } from "../auth/rate-limit";
import { callerOf } from "../policy/caller";
import type { Principal } from "../policy/policy";
import * as invitationsService from "./invitations.service";
import * as membersService from "./members.service";
import type { InvitationRow, OrganisationRow } from "./organisations.repo";
import {
  acceptBody,
  idParams,
  invitationBody,
  invitationParams,
  invitationSchema,
  invitationView,
  memberParams,
  memberSchema,
  membersView,
  organisationBody,
  organisationChangeBody,
  organisationSchema,
  organisationsQuery,
  organisationsView,
  roleBody,
  tokenParams,
} from "./organisations.schema";
import * as service from "./organisations.service";

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
        querystring: organisationsQuery,
        response: {
          200: organisationsView,
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
        body: organisationBody,
        response: { 201: organisationSchema, 400: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const org = await service.createOrganisation(ctx, {
        caller: callerOf(request),
        input: request.body,
      });
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
        body: organisationChangeBody,
        response: { 200: organisationSchema, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const org = await service.updateOrganisation(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        input: request.body,
      });
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
          200: membersView,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const { members, invitations } = await membersService.listOrganisationMembers(ctx, {
        principal: request.principal,
        id: request.params.id,
      });
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
        body: invitationBody,
        response: { 201: invitationSchema, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await hitRateLimit(ctx.db, `invite:user:${user.id}`, { limit: 100, windowSeconds: 3600 });
      const invitation = await membersService.inviteMember(ctx, {
        caller: callerOf(request),
        inviter: user,
        id: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(presentInvitation(invitation));
    },
  );

  r.delete(
    "/api/organisations/:id/invitations/:invitationId",
    { schema: { tags, params: invitationParams } },
    async (request, reply) => {
      await membersService.cancelInvitation(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        invitationId: request.params.invitationId,
      });
      return reply.status(204).send();
    },
  );

  r.patch(
    "/api/organisations/:id/members/:userId",
    {
      schema: {
        tags,
        params: memberParams,
        body: roleBody,
        response: { 200: memberSchema, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const m = await membersService.changeMemberRole(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        memberId: request.params.userId,
        role: request.body.role,
      });
      return { ...m, role: m.role as "member" | "admin", joinedAt: m.joinedAt.toISOString() };
    },
  );

  r.delete(
    "/api/organisations/:id/members/:userId",
    { schema: { tags, params: memberParams } },
    async (request, reply) => {
      await membersService.removeMember(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        memberId: request.params.userId,
      });
      return reply.status(204).send();
    },
  );

  r.get(
    "/api/invitations/:token",
    {
      schema: {
        tags: ["invitations"],
        params: tokenParams,
        response: {
          200: invitationView,
          400: errorBody,
        },
      },
    },
    async (request) => {
      await hitRateLimit(ctx.db, `token:ip:${request.ip}`, limits.tokenPerIp);
      const d = await invitationsService.describeInvitation(ctx, request.params.token);
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
        body: acceptBody,
        response: { 200: meSchema, 400: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      await hitRateLimit(ctx.db, `token:ip:${request.ip}`, limits.tokenPerIp);
      const { user, sessionToken } = await invitationsService.acceptInvitation(ctx, {
        token: request.params.token,
        ...request.body,
        signedIn: request.user,
        userAgent: requestMeta(request).userAgent,
      });
      if (sessionToken) setSessionCookie(reply, sessionToken, ctx);
      return presentMe(ctx.db, user, request.cookies[CSRF_COOKIE] ?? "");
    },
  );
}
