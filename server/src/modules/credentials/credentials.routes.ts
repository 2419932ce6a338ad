import { bakePng, bakeSvg, renderSvgToPng } from "@blason/openbadges";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import QRCode from "qrcode";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { shareAcrossOrigins } from "../../http/cross-origin";
import { requestLocale } from "../../http/locale";
import { renderCredentialShell } from "../../http/public-pages";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { credentialUrl } from "../../lib/urls";
import { badgeProgrammeOf } from "../catalogue/awarding";
import { badgeSvgFor } from "../catalogue/badge-image";
import { callerOf } from "../policy/caller";
import { documentHeaders, LD_JSON, wantsJson } from "./content";
import { presentCredential } from "./credentials.present";
import {
  credentialFileParams,
  credentialView,
  emptyBody,
  revocationBody,
  visibilityBody,
} from "./credentials.schema";
import {
  answerClaim,
  credentialStatus,
  type FoundCredential,
  listOrganisationCredentials,
  ob2,
  publicCredential,
  revokeCredentialAs,
  setVisibility,
} from "./credentials.service";
import { issuedBadgeRoutes } from "./issued.routes";
import { issuerRoutes } from "./issuers.routes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function credentialRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { shell?: string | undefined },
) {
  const r = typed(app);
  issuerRoutes(app, ctx, options);
  const present = (f: FoundCredential, request: FastifyRequest) =>
    presentCredential(ctx, f, requestLocale(request));
  const caller = callerOf;

  /** The rendered page, kept with the cached record it was made from (until its status changes). */
  const rendered = new WeakMap<FoundCredential, { status: string; html: string }>();
  const pageHtml = (shell: string, found: FoundCredential) => {
    const status = credentialStatus(found.credential);
    const kept = rendered.get(found);
    if (kept?.status === status) return kept.html;
    const html = renderCredentialShell(
      shell,
      {
        id: found.credential.id,
        badge: found.badge,
        programme: badgeProgrammeOf(found),
        holder: found.holderHidden ? null : found.subject.name,
        issuer: found.issuer.name,
        validFrom: found.credential.validFrom,
        validUntil: found.credential.validUntil,
        status,
        revocationReason: found.credential.revocationReason,
        suspensionReason: found.credential.suspensionReason,
      },
      ctx.config,
    );
    rendered.set(found, { status, html });
    return html;
  };

  /** The badge's image with an award baked in: its signed 3.0 credential, or its 2.0 assertion. */
  const sendBaked = (
    reply: FastifyReply,
    f: FoundCredential,
    ext: string,
    payload: string,
    options: { version: "3.0" | "2.0"; verify?: string },
  ) => {
    const name = `badge-${f.badge.slug}${options.version === "2.0" ? "-ob2" : ""}`;
    const svg = badgeSvgFor(f);
    if (ext === "svg")
      return reply
        .type("image/svg+xml; charset=utf-8")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .header("content-disposition", `inline; filename="${name}.svg"`)
        .send(bakeSvg(svg, payload, options));
    return reply
      .type("image/png")
      .header("content-disposition", `inline; filename="${name}.png"`)
      .send(Buffer.from(bakePng(renderSvgToPng(svg, { width: 400 }), payload, options)));
  };

  const sendCredentialFile = (reply: FastifyReply, f: FoundCredential, ext: string) => {
    const json = JSON.stringify(f.credential.document, null, 2);
    documentHeaders(reply);
    if (ext === "json")
      return reply
        .type(`${LD_JSON}; charset=utf-8`)
        .header("content-disposition", `inline; filename="badge-${f.badge.slug}.json"`)
        .send(json);
    return sendBaked(reply, f, ext, json, { version: "3.0" });
  };

  r.get(
    "/credentials/:file",
    {
      schema: {
        tags: ["public"],
        summary:
          "An awarded badge: its page, or the signed OB 3.0 credential (.json, or Accept: application/ld+json), or the baked image (.png, .svg)",
        params: credentialFileParams,
      },
    },
    async (request, reply) => {
      const match = /^([0-9a-f-]{36})(?:\.(json|png|svg))?$/.exec(request.params.file);
      const id = match?.[1];
      const found = id && UUID.test(id) ? await publicCredential(ctx, id) : undefined;
      if (!found || !match) throw new AppError("NOT_FOUND");
      if (match[2]) return sendCredentialFile(reply, found, match[2]);
      if (wantsJson(request))
        return sendCredentialFile(reply.header("vary", "accept"), found, "json");
      if (!options.shell)
        return reply.status(503).type("text/plain; charset=utf-8").send("web app not built");
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "public, max-age=30")
        .header("vary", "accept")
        .send(pageHtml(options.shell, found));
    },
  );

  r.get(
    "/api/public/credentials/:id",
    {
      schema: {
        tags: ["public"],
        summary: "An awarded badge, its live status and its downloads",
        params: z.object({ id: uuidParam }),
        response: { 200: credentialView, 404: errorBody },
      },
    },
    async (request, reply) => {
      const found = await publicCredential(ctx, request.params.id);
      if (!found) throw new AppError("NOT_FOUND");
      reply.header("cache-control", "public, max-age=30").header("vary", "accept-language");
      return present(found, request);
    },
  );

  r.get(
    "/api/public/credentials/:id/qr.svg",
    {
      schema: {
        tags: ["public"],
        summary:
          "A QR code of the badge's public address (SVG), to print on a certificate or a door",
        params: z.object({ id: uuidParam }),
      },
    },
    async (request, reply) => {
      const found = await publicCredential(ctx, request.params.id);
      if (!found) throw new AppError("NOT_FOUND");
      const svg = await QRCode.toString(credentialUrl(ctx.config, found.credential.id), {
        type: "svg",
        margin: 2,
        errorCorrectionLevel: "M",
        color: { dark: "#14245c", light: "#ffffff" },
      });
      return shareAcrossOrigins(reply)
        .type("image/svg+xml; charset=utf-8")
        .header("cache-control", "public, max-age=86400")
        .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'")
        .send(svg);
    },
  );

  // The hosted assertion, and the badge's image baked with it (its `image`).
  for (const ext of ["", "png", "svg"] as const)
    r.get(
      ext ? `/ob2/assertions/:id.${ext}` : "/ob2/assertions/:id",
      {
        schema: {
          tags: ["public"],
          summary: ext
            ? `The badge's image baked with its OB 2.0 hosted assertion (${ext.toUpperCase()}), for 2.0 backpacks`
            : "OB 2.0 hosted Assertion (410 Gone once revoked)",
          params: z.object({ id: uuidParam }),
        },
      },
      async (request, reply) => {
        const found = await publicCredential(ctx, request.params.id);
        if (!found) throw new AppError("NOT_FOUND");
        documentHeaders(reply);
        const assertion = ob2.assertion(ctx, found.credential);
        // Baked as hosted while valid: once revoked, its URL answers 410 and says why.
        if (ext)
          return sendBaked(reply, found, ext, JSON.stringify(assertion), {
            version: "2.0",
            ...(ext === "svg" ? { verify: assertion.id } : {}),
          });
        if (found.credential.revokedAt)
          return reply
            .status(410)
            .type(`${LD_JSON}; charset=utf-8`)
            .send({
              ...assertion,
              revoked: true,
              revocationReason: found.credential.revocationReason,
            });
        return reply.type(`${LD_JSON}; charset=utf-8`).send(assertion);
      },
    );

  r.get(
    "/api/organisations/:id/credentials",
    {
      schema: {
        tags: ["credentials"],
        summary: "The badges an organisation holds",
        params: z.object({ id: uuidParam }),
        response: { 200: z.object({ credentials: z.array(credentialView) }), 404: errorBody },
      },
    },
    async (request) => {
      const held = await listOrganisationCredentials(ctx, {
        principal: request.principal,
        organisationId: request.params.id,
      });
      return { credentials: held.map((found) => present(found, request)) };
    },
  );

  for (const answer of ["accept", "decline"] as const)
    r.post(
      `/api/credentials/:id/${answer}`,
      {
        schema: {
          tags: ["credentials"],
          summary:
            answer === "accept"
              ? "The holding organisation accepts its badge"
              : "The holding organisation declines its badge (it is then revoked)",
          params: z.object({ id: uuidParam }),
          body: emptyBody,
          response: { 200: credentialView, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request) => {
        const found = await answerClaim(ctx, {
          caller: caller(request),
          id: request.params.id,
          answer: answer === "accept" ? "accepted" : "declined",
        });
        return present(found, request);
      },
    );

  r.post(
    "/api/credentials/:id/visibility",
    {
      schema: {
        tags: ["credentials"],
        summary: "The holding organisation shows or hides the badge on its public passport",
        params: z.object({ id: uuidParam }),
        body: visibilityBody,
        response: { 200: credentialView, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const found = await setVisibility(ctx, {
        caller: caller(request),
        id: request.params.id,
        shown: request.body.shown,
      });
      return present(found, request);
    },
  );

  r.post(
    "/api/credentials/:id/revoke",
    {
      schema: {
        tags: ["credentials"],
        summary: "Revoke a badge, with a reason (programme managers)",
        params: z.object({ id: uuidParam }),
        body: revocationBody,
        response: { 200: credentialView, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const found = await revokeCredentialAs(ctx, {
        caller: caller(request),
        id: request.params.id,
        reason: request.body.reason,
      });
      return present(found, request);
    },
  );
  issuedBadgeRoutes(app, ctx);
}
