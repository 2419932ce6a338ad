import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError, codeToStatus } from "../../errors";
import { requestLocale } from "../../http/locale";
import { line } from "../../http/text";
import { OB3_SCOPES } from "../oauth/oauth.scopes";
import { personOfToken } from "./ob3api.auth";
import { discoveryDocument, OB3_BASE } from "./ob3api.discovery";
import { credentialsBody, statusInfo, statusInfoOf } from "./ob3api.present";
import {
  personCredentials,
  personProfile,
  updatePersonProfile,
  upsertPersonCredential,
} from "./ob3api.service";

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const profileBody = z.looseObject({ name: line().trim().min(1).max(200) });
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/;

/** The body of a POST /credentials as it came, and its document. */
type Incoming = { source: string; badge: unknown };

const MAX_BODY = 6 * 1024 * 1024;

/**
 * The Open Badges 3.0 REST API (section 6): discovery, a person's credentials
 * and profile, each call with an OAuth 2.0 access token of the right scope;
 * errors as imsx_StatusInfo.
 */
export function ob3ApiRoutes(app: FastifyInstance, ctx: AppContext) {
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ["application/json", "application/ld+json", "application/vc+ld+json"],
      { parseAs: "string", bodyLimit: MAX_BODY },
      (_request, body, done) => {
        try {
          done(null, { source: String(body), badge: JSON.parse(String(body)) } satisfies Incoming);
        } catch {
          done(new AppError("VALIDATION_FAILED", { body: "" }));
        }
      },
    );
    scope.addContentTypeParser(
      ["text/plain", "application/jwt", "application/vc+jwt"],
      { parseAs: "string", bodyLimit: MAX_BODY },
      (_request, body, done) => {
        const text = String(body).trim();
        done(null, { source: text, badge: text } satisfies Incoming);
      },
    );
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof AppError) {
        const status = codeToStatus(error.code);
        if (status === 401) reply.header("www-authenticate", 'Bearer realm="ob3"');
        if (error.code === "OB3_SCOPE_MISSING")
          reply.header("www-authenticate", 'Bearer error="insufficient_scope"');
        return reply.status(status).send(statusInfoOf(error, requestLocale(request)));
      }
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500) request.log.error(error);
      const code = status >= 500 ? 500 : status;
      return reply
        .status(code)
        .send(statusInfo(code, code === 500 ? "Internal error" : "The request is not valid."));
    });

    const config = { stateless: true };
    const hide = { hide: true };
    scope.get(`${OB3_BASE}/discovery`, { config, schema: hide }, async (_request, reply) =>
      reply.header("access-control-allow-origin", "*").send(discoveryDocument(ctx.config)),
    );

    scope.get(`${OB3_BASE}/credentials`, { config, schema: hide }, async (request, reply) => {
      const user = await personOfToken(
        ctx,
        request.headers.authorization,
        OB3_SCOPES.credentialRead,
      );
      const query = pageQuery.safeParse(request.query);
      if (!query.success)
        return reply.status(400).send(statusInfo(400, "limit or offset is not valid"));
      const { limit, offset } = query.data;
      const page = await personCredentials(ctx, { user, limit, offset });
      return reply
        .header("x-total-count", String(page.total))
        .header("link", pageLinks(ctx, { limit, offset, total: page.total }))
        .type("application/json")
        .send(credentialsBody(page.items));
    });

    scope.post(`${OB3_BASE}/credentials`, { config, schema: hide }, async (request, reply) => {
      const user = await personOfToken(
        ctx,
        request.headers.authorization,
        OB3_SCOPES.credentialUpsert,
      );
      const incoming = request.body as Incoming | undefined;
      if (!incoming || (typeof incoming.badge === "string" && !JWS.test(incoming.badge)))
        return reply
          .status(400)
          .send(statusInfo(400, "The body is neither a credential nor a compact JWS."));
      const result = await upsertPersonCredential(ctx, { user, ...incoming });
      return reply
        .status(result.created ? 201 : 200)
        .type(result.stored.kind === "jws" ? "text/plain" : "application/json")
        .send(result.stored.text);
    });

    scope.get(`${OB3_BASE}/profile`, { config, schema: hide }, async (request, reply) => {
      const user = await personOfToken(ctx, request.headers.authorization, OB3_SCOPES.profileRead);
      return reply.send(personProfile(user));
    });

    scope.put(`${OB3_BASE}/profile`, { config, schema: hide }, async (request, reply) => {
      const user = await personOfToken(
        ctx,
        request.headers.authorization,
        OB3_SCOPES.profileUpdate,
      );
      const body = profileBody.safeParse((request.body as Incoming | undefined)?.badge);
      if (!body.success)
        return reply.status(400).send(statusInfo(400, "The profile needs a name."));
      return reply.send(await updatePersonProfile(ctx, { user, name: body.data.name }));
    });
  });
}

/** RFC 8288 links to the first, previous, next and last pages. */
function pageLinks(
  ctx: AppContext,
  { limit, offset, total }: { limit: number; offset: number; total: number },
) {
  const url = (o: number) =>
    `<${ctx.config.publicUrl}${OB3_BASE}/credentials?limit=${limit}&offset=${o}>`;
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const links = [`${url(0)}; rel="first"`, `${url(last)}; rel="last"`];
  if (offset + limit < total) links.push(`${url(offset + limit)}; rel="next"`);
  if (offset > 0) links.push(`${url(Math.max(0, offset - limit))}; rel="prev"`);
  return links.join(", ");
}
