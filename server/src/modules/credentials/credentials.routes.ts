import { bakePng, bakeSvg, renderSvgToPng } from "@blason/openbadges";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import QRCode from "qrcode";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError, type Locale } from "../../errors";
import { shareAcrossOrigins } from "../../http/cross-origin";
import { requestLocale } from "../../http/locale";
import { renderCredentialShell } from "../../http/public-pages";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { requireUser } from "../../http/session";
import { line, text } from "../../http/text";
import { awardingOf, awardings, badgeProgrammeOf } from "../catalogue/awarding";
import { badgeSvgFor } from "../catalogue/badge-image";
import { findBadge } from "../catalogue/catalogue.repo";
import { actorOf, loadReadableOrganisation } from "../organisations/organisations.service";
import { authorize } from "../policy/policy";
import {
  answerClaim,
  badgeClassIssuer,
  credentialStatus,
  type FoundCredential,
  findCredential,
  listOrganisationCredentials,
  ob2,
  publicCredential,
  revokeCredential,
  setVisibility,
} from "./credentials.service";
import { credentialUrl } from "./issuance.service";
import {
  didDocumentFor,
  findIssuerBySlug,
  findRegion,
  issuerProfile,
  issuesOnBlason,
  OB3_CONTEXT,
} from "./issuer.service";
import { localiseReason } from "./reasons";
import { statusListDocument } from "./status-lists.service";

const LD_JSON = "application/ld+json";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** JSON for programs (ld+json or json preferred over HTML), the page for people. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? "";
  if (!/application\/(ld\+)?json/.test(accept)) return false;
  const html = accept.indexOf("text/html");
  return html === -1 || accept.search(/application\/(ld\+)?json/) < html;
}

const statusSchema = z.enum(["valid", "expired", "revoked", "suspended", "pending_start"]);
const credentialView = z.object({
  id: z.uuid(),
  url: z.string(),
  status: statusSchema,
  revocationReason: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  suspensionReason: z.string().nullable(),
  shownPublicly: z.boolean(),
  evidence: z.array(z.object({ name: z.string().optional(), narrative: z.string().optional() })),
  claimState: z.enum(["pending", "accepted", "declined"]),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime().nullable(),
  badge: z.object({
    id: z.uuid(),
    name: z.string(),
    recognises: z.string(),
    required: z.boolean(),
    kind: z.enum(["badge", "label"]),
    collection: z.string(),
    /** Its programme, or (partner set) the partner whose own badge it is. */
    programme: z.object({ slug: z.string(), name: z.string(), partner: z.string().nullable() }),
    awarding: z.enum(awardings),
    image: z.string(),
  }),
  /** name is null for a person who does not show it (a badge they have not accepted yet). */
  holder: z.object({ id: z.uuid(), name: z.string().nullable(), kind: z.string() }),
  issuer: z.object({ name: z.string(), url: z.string() }),
  /** OB 3.0 (json, png, svg: the signed credential) and OB 2.0 (ob2: the hosted assertion, baked). */
  downloads: z.object({
    json: z.string(),
    png: z.string(),
    svg: z.string(),
    ob2: z.string(),
    ob2Png: z.string(),
    ob2Svg: z.string(),
  }),
});

export function credentialRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  options: { shell?: string | undefined },
) {
  const r = typed(app);
  const base = ctx.config.publicUrl;

  /** Loads, authorises (404 for those who cannot see the holder), acts, answers the new state. */
  const actOnCredential = async (
    request: FastifyRequest,
    id: string,
    action: "credential.claim" | "credential.revoke",
    act: (found: FoundCredential, user: ReturnType<typeof requireUser>) => Promise<void>,
  ) => {
    const user = requireUser(request);
    const found = await findCredential(ctx, id);
    if (!found) throw new AppError("NOT_FOUND");
    const person = found.subject.kind === "person";
    if (action === "credential.revoke" && found.issuer.kind === "partner")
      // A partner's own badge is the partner's to revoke, not the Region's.
      authorize(
        request.principal,
        "partner.ownBadges.manage",
        { org: found.issuer },
        "organisation.read",
      );
    else
      authorize(
        request.principal,
        action,
        { org: found.subject, ...(person ? { holder: found.subject.id } : {}) },
        person ? "credential.claim" : "organisation.read",
      );
    await act(found, user);
    return present((await findCredential(ctx, id))!, requestLocale(request));
  };

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

  /** Only the Region signs for now: other organisations publish no issuer documents. */
  const publishedIssuer = async (slug: string) => {
    const issuer = await findIssuerBySlug(ctx.db, slug);
    if (issuer && (await issuesOnBlason(ctx.db, issuer))) return issuer;
    throw new AppError("NOT_FOUND");
  };

  const present = (f: FoundCredential, locale: Locale) => ({
    id: f.credential.id,
    url: credentialUrl(ctx.config, f.credential.id),
    status: credentialStatus(f.credential),
    revocationReason: localiseReason(f.credential.revocationReason, locale),
    revokedAt: f.credential.revokedAt?.toISOString() ?? null,
    suspensionReason: f.credential.suspendedAt
      ? localiseReason(f.credential.suspensionReason, locale)
      : null,
    shownPublicly: f.credential.shownPublicly,
    evidence: (
      (f.credential.document.evidence as { name?: string; narrative?: string }[]) ?? []
    ).map((e) => ({
      ...(e.name ? { name: e.name } : {}),
      ...(e.narrative ? { narrative: e.narrative } : {}),
    })),
    claimState: f.credential.claimState as "pending" | "accepted" | "declined",
    validFrom: f.credential.validFrom.toISOString(),
    validUntil: f.credential.validUntil?.toISOString() ?? null,
    badge: {
      id: f.badge.id,
      name: f.badge.name,
      recognises: f.badge.recognises,
      required: f.badge.required,
      kind: f.badge.kind as "badge" | "label",
      collection: f.collection.version,
      programme: {
        slug: f.programme.slug,
        name: f.programme.name,
        partner: f.owner?.name ?? null,
      },
      awarding: awardingOf(f.badge, f.programme),
      image: `${base}/api/public/badges/${f.badge.id}/image.svg`,
    },
    holder: {
      id: f.subject.id,
      name: f.holderHidden ? null : f.subject.name,
      kind: f.subject.kind,
    },
    issuer: { name: f.issuer.name, url: `${base}/issuers/${f.issuer.slug}` },
    downloads: {
      json: `${base}/credentials/${f.credential.id}.json`,
      png: `${base}/credentials/${f.credential.id}.png`,
      svg: `${base}/credentials/${f.credential.id}.svg`,
      ob2: ob2.assertionUrl(ctx, f.credential.id),
      ob2Png: `${ob2.assertionUrl(ctx, f.credential.id)}.png`,
      ob2Svg: `${ob2.assertionUrl(ctx, f.credential.id)}.svg`,
    },
  });

  /** Public documents change on revocation: short caching, revalidated by ETag. */
  const documentHeaders = (reply: FastifyReply) =>
    shareAcrossOrigins(reply.header("cache-control", "public, max-age=30"));

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
        params: z.object({ file: line().max(64) }),
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
      return present(found, requestLocale(request));
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
        params: z.object({ slug: line().max(120) }),
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
        params: z.object({ slug: line().max(120) }),
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
        params: z.object({ slug: line().max(120) }),
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
        params: z.object({ list: line().max(140) }),
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
      const org = await loadReadableOrganisation(ctx, request.principal, request.params.id);
      const rows = await listOrganisationCredentials(ctx, org.id);
      const region = await findRegion(ctx.db);
      return {
        credentials: rows.map((row) =>
          present(
            { ...row, subject: org, issuer: region, holderHidden: false } as FoundCredential,
            requestLocale(request),
          ),
        ),
      };
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
          body: z.object({}).strict(),
          response: { 200: credentialView, 403: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      (request) =>
        actOnCredential(request, request.params.id, "credential.claim", (found, user) =>
          answerClaim(ctx, found, answer === "accept" ? "accepted" : "declined", user),
        ),
    );

  r.post(
    "/api/credentials/:id/visibility",
    {
      schema: {
        tags: ["credentials"],
        summary: "The holding organisation shows or hides the badge on its public passport",
        params: z.object({ id: uuidParam }),
        body: z.object({ shown: z.boolean() }).strict(),
        response: { 200: credentialView, 403: errorBody, 404: errorBody },
      },
    },
    (request) =>
      actOnCredential(request, request.params.id, "credential.claim", (found, user) =>
        setVisibility(ctx, found, request.body.shown, user),
      ),
  );

  r.post(
    "/api/credentials/:id/revoke",
    {
      schema: {
        tags: ["credentials"],
        summary: "Revoke a badge, with a reason (programme managers)",
        params: z.object({ id: uuidParam }),
        body: z.object({ reason: text().trim().min(5).max(1000) }).strict(),
        response: { 200: credentialView, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    (request) =>
      actOnCredential(request, request.params.id, "credential.revoke", (found, user) =>
        revokeCredential(ctx, found.credential.id, request.body.reason, actorOf(user)),
      ),
  );
}
