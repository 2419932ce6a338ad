import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export function requestMeta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers["user-agent"] };
}

/** The error body every route may answer, for the OpenAPI document. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const email = z
  .email()
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const uuidParam = z.uuid();
/** The answer of a route that creates a record: its id. */
export const createdView = z.object({ id: z.uuid() });
/** The body of a 204 answer. */
export const noContent = z.null();
