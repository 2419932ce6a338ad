import { verifyCredential } from "@blason/openbadges";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { errorBody, typed } from "../../http/route-types";
import { line } from "../../http/text";
import { hitRateLimit, limits } from "../auth/rate-limit";

/** The largest badge anyone may hand us: the engine's own input cap. */
export const VERIFY_BODY_LIMIT = 5 * 1024 * 1024;

const reason = z.object({ fr: z.string(), en: z.string() });
export const reportSchema = z
  .object({
    verified: z.boolean(),
    format: z.enum(["ob3-di", "ob3-jwt", "ob2-hosted", "ob2-signed", "unknown"]),
    source: z.enum(["json", "jwt", "png", "svg", "url", "unknown"]),
    credential: z.record(z.string(), z.unknown()).optional(),
    summary: z.object({
      name: z.string().optional(),
      achievementName: z.string().optional(),
      issuerId: z.string().optional(),
      issuerName: z.string().optional(),
      recipient: z.string().optional(),
      image: z.string().optional(),
      validFrom: z.string().optional(),
      validUntil: z.string().optional(),
    }),
    steps: z.array(
      z.object({
        id: z.string(),
        status: z.enum(["passed", "failed", "not_applicable", "warning"]),
        reason,
        details: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  })
  .meta({
    example: {
      verified: false,
      format: "ob3-di",
      source: "png",
      summary: { name: "Accueil et intégration", issuerName: "Région Normandie" },
      steps: [
        {
          id: "status",
          status: "failed",
          reason: { fr: "Ce badge a été révoqué.", en: "This badge has been revoked." },
        },
      ],
    },
  });

const binaryTypes = ["image/png", "image/svg+xml", "application/octet-stream", "application/jwt"];

/**
 * POST /api/verify: anything a person or a program may hand us (credential
 * JSON, a JWT, a URL, a baked PNG or SVG), answered with the engine's report.
 * It changes nothing and reads no session, so it takes no CSRF token: other
 * sites' programs call it. A per-address limit keeps it from being used to
 * make us fetch on someone's behalf at volume.
 */
export function verifyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.register(async (scope) => {
    for (const type of binaryTypes)
      scope.addContentTypeParser(
        type,
        { parseAs: "buffer", bodyLimit: VERIFY_BODY_LIMIT },
        (_request, body, done) => done(null, body),
      );
    scope.addContentTypeParser(
      "application/ld+json",
      { parseAs: "string", bodyLimit: VERIFY_BODY_LIMIT },
      scope.getDefaultJsonParser("error", "error"),
    );
    typed(scope).post(
      "/api/verify",
      {
        bodyLimit: VERIFY_BODY_LIMIT,
        config: { stateless: true },
        schema: {
          tags: ["public"],
          summary: "Verify any Open Badge (3.0 or 2.0)",
          description:
            "The body is the badge itself: credential JSON (application/json or application/ld+json), a VC-JWT or a URL (text/plain), or a baked image (image/png, image/svg+xml). The answer is the verification report; `verified` is true only when every step holds. No session or CSRF token is needed.",
          querystring: z.object({
            recipient: line()
              .max(254)
              .optional()
              .meta({ description: "The expected recipient: an email address or an identifier" }),
          }),
          response: { 200: reportSchema, 400: errorBody, 413: errorBody, 429: errorBody },
        },
      },
      async (request) => {
        await hitRateLimit(ctx.db, `verify:ip:${request.ip}`, limits.verifyPerIp);
        const input = verifyInput(request.body);
        if (input === undefined) throw new AppError("VERIFY_EMPTY");
        const recipient = request.query.recipient?.trim();
        return verifyCredential(input, {
          fetcher: ctx.fetcher,
          ...(recipient
            ? { recipient: recipient.includes("@") ? { email: recipient } : { id: recipient } }
            : {}),
        });
      },
    );
  });
}

/** The body as the engine takes it: bytes, text or a parsed object. */
function verifyInput(body: unknown): string | Uint8Array | object | undefined {
  if (Buffer.isBuffer(body)) return body.length ? new Uint8Array(body) : undefined;
  if (typeof body === "string") return body.trim() ? body.trim() : undefined;
  if (body && typeof body === "object") return body;
  return undefined;
}
