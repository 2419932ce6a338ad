import { renderSvgToPng } from "@blason/openbadges";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import type { badgeClasses, programmes } from "../../db/schema";
import { AppError } from "../../errors";
import { shareAcrossOrigins } from "../../http/cross-origin";
import { errorBody, typed } from "../../http/route-types";
import { awardingOf } from "./awarding";
import { badgeSvgFor } from "./badge-image";
import {
  endorsementsOfBadges,
  findBadge,
  findProgrammeBySlug,
  findProgrammeInForce,
  listBadges,
  listProgrammesInForce,
  listPublishedCollections,
  publicBadge,
  successors,
} from "./catalogue.repo";
import {
  badgeDetailView,
  idParams,
  programmeCatalogueView,
  programmeHistoryView,
  programmesView,
  slugParams,
} from "./catalogue.schema";

type BadgeRow = typeof badgeClasses.$inferSelect;
type ProgrammeRow = typeof programmes.$inferSelect;

export function catalogueRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const tags = ["public"];
  type Endorsed = Awaited<ReturnType<typeof endorsementsOfBadges>>;
  const present = (
    b: BadgeRow,
    programme: Pick<ProgrammeRow, "ownerOrgId">,
    endorsed: Endorsed = new Map(),
  ) => ({
    id: b.id,
    slug: b.slug,
    name: b.name,
    recognises: b.recognises,
    required: b.required,
    validityMonths: b.validityMonths,
    url: `${ctx.config.publicUrl}/badges/${b.id}`,
    image: `${ctx.config.publicUrl}/api/public/badges/${b.id}/image.svg`,
    criteria: b.criteria,
    renewalExtra: b.renewalExtra,
    alignments: b.alignments,
    forOrganisations: b.rule?.kind === "participation",
    awarding: awardingOf(b, programme),
    endorsements: (endorsed.get(b.id) ?? []).map((e) => ({
      endorser: e.endorser,
      statement: e.statement,
      url: `${ctx.config.publicUrl}/endorsements/${e.id}`,
    })),
  });
  const presentProgramme = (p: ProgrammeRow, owner: { name: string } | null) => ({
    slug: p.slug,
    name: p.name,
    description: p.description,
    partner: owner?.name ?? null,
  });

  r.get(
    "/api/public/programmes",
    {
      schema: {
        tags,
        summary: "The programmes and their collection in force",
        response: {
          200: programmesView,
        },
      },
    },
    async (_request, reply) => {
      const rows = await listProgrammesInForce(ctx.db);
      const programmes = await Promise.all(
        rows.map(async ({ programme, collection }) => {
          const badges = await listBadges(ctx.db, collection.id);
          return {
            ...presentProgramme(programme, null),
            collection: {
              version: collection.version,
              name: collection.name,
              labelTotal: collection.labelTotal,
              badgeCount: badges.length,
              requiredCount: badges.filter((b) => b.required).length,
            },
          };
        }),
      );
      reply.header("cache-control", "public, max-age=60");
      return { programmes };
    },
  );

  r.get(
    "/api/public/programmes/:slug/badges",
    {
      schema: {
        tags,
        summary: "A programme's catalogue: the badges of its collection in force",
        params: slugParams,
        response: {
          200: programmeCatalogueView,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      const found = await findProgrammeInForce(ctx.db, request.params.slug);
      if (!found) throw new AppError("NOT_FOUND");
      const badges = await listBadges(ctx.db, found.collection.id);
      const endorsed = await endorsementsOfBadges(
        ctx.db,
        badges.map((b) => b.id),
      );
      reply.header("cache-control", "public, max-age=60");
      return {
        programme: presentProgramme(found.programme, found.owner),
        collection: {
          version: found.collection.version,
          name: found.collection.name,
          labelTotal: found.collection.labelTotal,
          badgeCount: badges.length,
          requiredCount: badges.filter((b) => b.required).length,
        },
        badges: badges.map((b) => present(b, found.programme, endorsed)),
      };
    },
  );

  r.get(
    "/api/public/badges/:id",
    {
      schema: {
        tags,
        summary: "One badge class, with its criteria",
        params: idParams,
        response: {
          200: badgeDetailView,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const found = await publicBadge(ctx.db, request.params.id);
      if (!found) throw new AppError("NOT_FOUND");
      return {
        ...present(found.badge, found.programme, new Map([[found.badge.id, found.endorsements]])),
        programme: {
          slug: found.programme.slug,
          name: found.programme.name,
          partner: found.owner?.name ?? null,
        },
        collection: found.collection.version,
        inForce: found.collection.inForce,
        successor: (await successors(ctx.db)).get(found.badge.id) ?? null,
      };
    },
  );

  r.get(
    "/api/public/programmes/:slug/collections",
    {
      schema: {
        tags,
        summary:
          "Every published collection of a programme, newest first, each badge with the badge its awards count as in the next collection",
        params: slugParams,
        response: {
          200: programmeHistoryView,
          404: errorBody,
        },
      },
    },
    async (request) => {
      const programme = await findProgrammeBySlug(ctx.db, request.params.slug);
      if (!programme) throw new AppError("NOT_FOUND");
      const published = await listPublishedCollections(ctx.db, programme.id);
      const next = await successors(ctx.db);
      const result = [];
      for (const collection of published) {
        const badges = await listBadges(ctx.db, collection.id);
        result.push({
          version: collection.version,
          name: collection.name,
          inForce: collection.inForce,
          publishedAt: collection.publishedAt?.toISOString() ?? null,
          labelTotal: collection.labelTotal,
          badges: badges.map((b) => {
            const p = present(b, programme);
            return {
              id: p.id,
              name: p.name,
              required: p.required,
              validityMonths: p.validityMonths,
              url: p.url,
              image: p.image,
              successor: next.get(b.id) ?? null,
            };
          }),
        });
      }
      return {
        programme: {
          slug: programme.slug,
          name: programme.name,
          description: programme.description,
        },
        collections: result,
      };
    },
  );

  /** The generated image of a badge class; NOT_FOUND for an unknown id. */
  const badgeSvg = async (id: string) => {
    const found = await findBadge(ctx.db, id);
    if (!found) throw new AppError("NOT_FOUND");
    return badgeSvgFor(found);
  };

  r.get(
    "/api/public/badges/:id/image.png",
    {
      schema: {
        tags,
        summary: "The badge's generated image (PNG, for link previews)",
        params: idParams,
      },
    },
    async (request, reply) => {
      const svg = await badgeSvg(request.params.id);
      return shareAcrossOrigins(reply)
        .type("image/png")
        .header("cache-control", "public, max-age=3600")
        .send(Buffer.from(renderSvgToPng(svg, { width: 400 })));
    },
  );

  r.get(
    "/api/public/badges/:id/image.svg",
    {
      schema: {
        tags,
        summary: "The badge's generated image (SVG)",
        params: idParams,
      },
    },
    async (request, reply) => {
      const svg = await badgeSvg(request.params.id);
      return shareAcrossOrigins(reply)
        .type("image/svg+xml; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .send(svg);
    },
  );
}
