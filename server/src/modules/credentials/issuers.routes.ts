import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { shareAcrossOrigins } from "../../http/cross-origin";
import { typed, uuidParam } from "../../http/route-types";
import { findBadge } from "../catalogue/catalogue.repo";
import { documentHeaders, LD_JSON, wantsJson } from "./content";
import { issuerProfileView, issuerSlugParams, statusListParams } from "./credentials.schema";
import { badgeClassIssuer, ob2 } from "./credentials.service";
import {
  didDocumentFor,
  findIssuerBySlug,
  issuerProfile,
  issuesOnBlason,
  OB3_CONTEXT,
} from "./issuer.service";
import { statusListDocument } from "./status-lists.service";

/** The issuers' public documents (OB 3.0 and 2.0), their DID documents and status lists. */
export function issuerRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { shell?: string | undefined },
) {
  const r = typed(app);

  /** Only organisations that issue on Blason publish issuer documents. */
  const publishedIssuer = async (slug: string) => {
    const issuer = await findIssuerBySlug(ctx.db, slug);
    if (issuer && (await issuesOnBlason(ctx.db, issuer))) return issuer;
    throw new AppError("NOT_FOUND");
  };

  r.get(
    "/ob2/badges/:id",
    {
      schema: {
        tags: ["public"],
        summary: "OB 2.0 BadgeClass",
        params: z.object({ id: uuidParam }),
      },
    },
    async (request, reply) => {
      const found = await findBadge(ctx.db, request.params.id);
      if (!found) throw new AppError("NOT_FOUND");
      const issuer = await badgeClassIssuer(ctx, found.programme);
      documentHeaders(reply);
      return reply.type(`${LD_JSON}; charset=utf-8`).send(ob2.badge(ctx, found.badge, issuer));
    },
  );

  r.get(
    "/ob2/issuers/:slug",
    {
      schema: {
        tags: ["public"],
        summary: "OB 2.0 Issuer",
        params: issuerSlugParams,
      },
    },
    async (request, reply) => {
      const issuer = await publishedIssuer(request.params.slug);
      documentHeaders(reply);
      return reply.type(`${LD_JSON}; charset=utf-8`).send(ob2.issuer(ctx, issuer));
    },
  );

  r.get(
    "/issuers/:slug/did.json",
    {
      schema: {
        tags: ["public"],
        summary: "The issuer's DID document (did:web), with every key it ever used",
        params: issuerSlugParams,
      },
    },
    async (request, reply) => {
      const issuer = await publishedIssuer(request.params.slug);
      documentHeaders(reply);
      return reply
        .type("application/did+json; charset=utf-8")
        .send(await didDocumentFor(ctx.db, ctx.config, issuer));
    },
  );

  r.get(
    "/issuers/:slug",
    {
      schema: {
        tags: ["public"],
        summary: "The issuer's OB 3.0 Profile (JSON), or its page",
        params: issuerSlugParams,
        response: {
          200: {
            content: {
              "application/ld+json": { schema: issuerProfileView },
              "text/html": { schema: z.string() },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const issuer = await publishedIssuer(request.params.slug);
      if (!wantsJson(request) && options.shell)
        return reply.type("text/html; charset=utf-8").header("vary", "accept").send(options.shell);
      documentHeaders(reply).header("vary", "accept");
      return reply
        .type(`${LD_JSON}; charset=utf-8`)
        .send({ "@context": OB3_CONTEXT, ...issuerProfile(ctx.config, issuer) });
    },
  );

  r.get(
    "/status/:list",
    {
      schema: {
        tags: ["public"],
        summary:
          "A signed Bitstring status list credential (revocation; or message: valid, suspended, revoked)",
        params: statusListParams,
      },
    },
    async (request, reply) => {
      const list = await statusListDocument(ctx, request.params.list);
      if (!list) throw new AppError("NOT_FOUND");
      shareAcrossOrigins(reply)
        .header("cache-control", "public, max-age=30")
        .header("etag", list.etag);
      if (request.headers["if-none-match"] === list.etag) return reply.status(304).send();
      return reply.type("application/vc+ld+json; charset=utf-8").send(list.body);
    },
  );
}
