import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyEtag from "@fastify/etag";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { AppContext } from "./context";
import { handleError, sendError } from "./http/error-handler";
import { renderBadgeShell, renderPassportShell } from "./http/public-pages";
import { decodedPath, unrouted } from "./http/unrouted";
import { adminRoutes } from "./modules/admin/admin.routes";
import { applicationRoutes } from "./modules/applications/applications.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { registerSession } from "./modules/auth/auth.session";
import { badgeProgrammeOf } from "./modules/catalogue/awarding";
import { catalogueAdminRoutes } from "./modules/catalogue/catalogue.admin.routes";
import { publicBadge } from "./modules/catalogue/catalogue.repo";
import { catalogueRoutes } from "./modules/catalogue/catalogue.routes";
import { competencesRoutes } from "./modules/competences/competences.routes";
import { credentialRoutes } from "./modules/credentials/credentials.routes";
import { endorsementRoutes } from "./modules/endorsements/endorsements.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { ideaRoutes } from "./modules/ideas/ideas.routes";
import { labelRoutes } from "./modules/label/label.routes";
import { mentoringRoutes } from "./modules/mentoring/mentoring.routes";
import { oauthRoutes } from "./modules/oauth/oauth.routes";
import { ob3ApiRoutes } from "./modules/ob3api/ob3api.routes";
import { organisationRoutes } from "./modules/organisations/organisations.routes";
import { ownBadgeRoutes } from "./modules/partners/own-badges.routes";
import { partnerRoutes } from "./modules/partners/partners.routes";
import { publicRoutes } from "./modules/public/public.routes";
import { publicPassport } from "./modules/public/public.service";
import { supportRoutes } from "./modules/support/support.routes";
import { redactRecipient } from "./modules/verify/expected-recipient";
import { verifyRoutes } from "./modules/verify/verify.routes";
import { walletRoutes } from "./modules/wallets/wallets.routes";
import { webDistDir } from "./paths";

export type RouteEntry = { method: string; url: string; hasBody: boolean };

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export type BuildAppOptions = { logger?: boolean; webDir?: string };

export async function buildApp(
  ctx: AppContext,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            redact: [
              "req.headers.cookie",
              "req.headers.authorization",
              'res.headers["set-cookie"]',
            ],
            // The verifier's expected holder (an email address) travels in the query string.
            serializers: {
              req: (req: FastifyRequest) => ({
                method: req.method,
                url: redactRecipient(req.url),
                host: req.host,
                remoteAddress: req.ip,
              }),
            },
          },
    genReqId: () => randomUUID(),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });

  // Every route, so that tests can prove each one is covered by the policy matrix.
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      routeTable.push({ method, url: route.url, hasBody: !!route.schema?.body });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyCookie);
  // Every answer carries an ETag; a client that has it gets 304 Not Modified.
  await app.register(fastifyEtag);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Inline style attributes only (captured emails); never inline scripts.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // https: a verified badge's image where its issuer publishes it (an <img>, never a
        // document: it runs nothing); data: images baked into credentials; blob: an uploaded badge.
        imgSrc: ["'self'", "data:", "blob:", "https:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    hsts: ctx.config.secureCookies,
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Blason API",
        version: "0.1.0",
        description:
          "The JSON API behind the Blason web app. State-changing requests need the X-CSRF-Token header (see docs/API.md).",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  registerSession(app, ctx);
  authRoutes(app, ctx);
  organisationRoutes(app, ctx);
  adminRoutes(app, ctx);
  healthRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  catalogueAdminRoutes(app, ctx);
  ideaRoutes(app, ctx);
  endorsementRoutes(app, ctx);
  supportRoutes(app, ctx);
  verifyRoutes(app, ctx);
  applicationRoutes(app, ctx);
  publicRoutes(app, ctx);
  labelRoutes(app, ctx);
  mentoringRoutes(app, ctx);
  partnerRoutes(app, ctx);
  competencesRoutes(app, ctx);
  ownBadgeRoutes(app, ctx);
  oauthRoutes(app, ctx);
  ob3ApiRoutes(app, ctx);
  walletRoutes(app, ctx);
  const webDir = options.webDir ?? webDistDir;
  const indexHtml = path.join(webDir, "index.html");
  const shell = fs.existsSync(indexHtml) ? fs.readFileSync(indexHtml, "utf8") : undefined;
  credentialRoutes(app, ctx, { shell });
  ctx.ownUrls.handler = async (url, accept) => {
    const response = await app.inject({
      method: "GET",
      url: url.pathname + url.search,
      headers: { host: new URL(ctx.config.publicUrl).host, ...(accept ? { accept } : {}) },
    });
    const body = new Uint8Array(response.rawPayload);
    if (response.statusCode >= 400)
      return {
        ok: false,
        url: url.href,
        code: "FETCH_HTTP_STATUS",
        status: response.statusCode,
        message: `HTTP ${response.statusCode}`,
        // A revoked OB 2.0 assertion says so, and why, in its 410.
        ...(response.statusCode === 410 ? { text: response.payload } : {}),
      };
    return {
      ok: true,
      status: response.statusCode,
      url: url.href,
      finalUrl: url.href,
      contentType: String(response.headers["content-type"] ?? ""),
      body,
      text: response.payload,
    };
  };

  /** The rendered badge page, kept with the cached record it was made from. */
  const renderedBadges = new WeakMap<object, string>();
  const badgeHtml = (
    page: string,
    found: NonNullable<Awaited<ReturnType<typeof publicBadge>>>,
  ): string => {
    let html = renderedBadges.get(found);
    if (!html) {
      html = renderBadgeShell(page, found.badge, {
        ...badgeProgrammeOf(found),
        config: ctx.config,
        endorsements: found.endorsements,
      });
      renderedBadges.set(found, html);
    }
    return html;
  };

  if (shell) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    app.get("/assets/*", { schema: { hide: true } }, (request, reply) => {
      const file = (request.params as { "*": string })["*"];
      return reply
        .header("cache-control", "public, max-age=31536000, immutable")
        .sendFile(`assets/${file}`);
    });
    app.setNotFoundHandler(async (request, reply) => {
      const kind = unrouted(request.method, request.url);
      if (kind === "api") return sendError(request, reply, "NOT_FOUND");
      // Badge pages carry their preview tags and content in the first response.
      // Any id or slug is looked up, so that one that cannot exist is a 404 too.
      const passportSlug = /^\/passports\/([^/?#]{1,120})\/?(?:[?#].*)?$/.exec(request.url)?.[1];
      if (passportSlug) {
        const found = await publicPassport(ctx, passportSlug).catch(() => undefined);
        return reply
          .status(found ? 200 : 404)
          .type("text/html; charset=utf-8")
          .header("cache-control", "public, max-age=30")
          .send(found ? renderPassportShell(shell, found, ctx.config) : shell);
      }
      const badgeId = /^\/badges\/([^/?#]+)\/?(?:[?#].*)?$/.exec(request.url)?.[1];
      if (badgeId) {
        const found = /^[0-9a-f-]{36}$/.test(badgeId)
          ? await publicBadge(ctx.db, badgeId).catch(() => undefined)
          : undefined;
        return reply
          .status(found ? 200 : 404)
          .type("text/html; charset=utf-8")
          .header("cache-control", "public, max-age=60")
          .send(found ? badgeHtml(shell, found) : shell);
      }
      const candidate = path.join(webDir, decodedPath(request.url));
      if (
        candidate.startsWith(webDir + path.sep) &&
        fs.existsSync(candidate) &&
        fs.statSync(candidate).isFile()
      )
        return reply.sendFile(path.relative(webDir, candidate));
      // The single-page app draws every page; an unknown path gets its "page not found"
      // with a 404 status, so that crawlers and links checkers see it as missing.
      return reply
        .status(kind === "page" ? 200 : 404)
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .send(shell);
    });
  } else {
    app.setNotFoundHandler((request, reply) => {
      const kind = unrouted(request.method, request.url);
      if (kind === "api") return sendError(request, reply, "NOT_FOUND");
      if (kind === "missing")
        return reply
          .status(404)
          .type("text/plain; charset=utf-8")
          .send("Page introuvable. / Page not found.");
      return reply
        .status(503)
        .type("text/plain; charset=utf-8")
        .send(
          "L'application web n'est pas construite : lancez « npm run build ». / The web app is not built: run `npm run build`.",
        );
    });
  }

  return app;
}
