import type { FastifyInstance, FastifyReply } from "fastify";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { requestLocale } from "../../http/locale";
import { errorBody, typed } from "../../http/route-types";
import { verifyInWorkersAsJson } from "../../lib/verify";
import { hitRateLimit, limits } from "../auth/rate-limit";
import { readExpectedRecipient, recipientProblems } from "./expected-recipient";
import { reportSchema, verifyQuery } from "./verify.schema";

/** The largest badge anyone may hand us: the engine's own input cap. */
export const VERIFY_BODY_LIMIT = 5 * 1024 * 1024;

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
    // JSON stays text here: it is parsed, bounded and checked in a worker
    // thread, so that a 5 MB document costs this thread nothing.
    for (const type of ["application/json", "application/ld+json"])
      scope.addContentTypeParser(
        type,
        { parseAs: "string", bodyLimit: VERIFY_BODY_LIMIT },
        (_request, body, done) => done(null, body),
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
          querystring: verifyQuery,
          response: {
            200: reportSchema,
            400: errorBody,
            413: errorBody,
            429: errorBody,
            503: errorBody,
          },
        },
      },
      async (request, reply) => {
        await hitRateLimit(ctx.db, `verify:ip:${request.ip}`, limits.verifyPerIp);
        const input = verifyInput(request.body);
        if (input === undefined) throw new AppError("VERIFY_EMPTY");
        const given = request.query.recipient?.trim();
        const expected = given ? readExpectedRecipient(given) : undefined;
        if (expected && !expected.ok)
          throw new AppError("VERIFY_RECIPIENT_INVALID", {
            recipient: recipientProblems[expected.problem][requestLocale(request)],
          });
        // The report is written as JSON in the worker thread and sent as it is.
        const report = await verifyInWorkersAsJson(ctx, input, {
          ...(expected?.ok ? { recipient: expected.recipient } : {}),
        });
        // Already JSON (the schema above documents it): the untyped reply sends it as it is.
        return (reply as FastifyReply).type("application/json; charset=utf-8").send(report);
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
