import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { neutralFilename } from "../../lib/filenames";
import { callerOf } from "../policy/caller";
import {
  criterionKey,
  fileNameHeader,
  fileSchema,
  holderName,
  staffBadgeBody,
  staffBadgeSchema,
} from "./applications.schema";
import {
  addFile,
  addStaffBadge,
  MAX_FILE_BYTES,
  readFile,
  removeEvidence,
} from "./evidence.service";

const idParams = z.object({ id: uuidParam });
const tags = ["applications"];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** The body of an upload: the file's bytes, refused when empty. */
function uploadedBytes(body: unknown): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (bytes.length === 0) throw new AppError("VALIDATION_FAILED", { file: "" });
  return bytes;
}

/** The uploaded file's name as we keep it: decoded, then neutralised (lib/filenames.ts). */
function safeFilename(header: string): string {
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw new AppError("VALIDATION_FAILED", { "x-file-name": "" });
  }
  const clean = neutralFilename(name);
  if (!clean) throw new AppError("VALIDATION_FAILED", { "x-file-name": "" });
  return clean;
}

/** The application's evidence: files and staff badges, added while it is a draft. */
export function evidenceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  r.register(async (scope) => {
    // The body is the file whatever its type: Fastify's own JSON and text parsers
    // would otherwise take text/plain evidence and leave no bytes.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: MAX_FILE_BYTES + 1 },
      (_request, body, done) => done(null, body),
    );
    typed(scope).post(
      "/api/applications/:id/files",
      {
        bodyLimit: MAX_FILE_BYTES + 1,
        schema: {
          tags,
          summary:
            "Upload an evidence file for a criterion (the body is the file; its name in X-File-Name)",
          params: idParams,
          querystring: z.object({ criterion: criterionKey }),
          headers: fileNameHeader,
          response: { 201: fileSchema, 413: errorBody, 415: errorBody, ...errors },
        },
      },
      async (request, reply) => {
        const bytes = uploadedBytes(request.body);
        const filename = safeFilename(request.headers["x-file-name"]);
        const file = await addFile(ctx, {
          caller: callerOf(request),
          id: request.params.id,
          criterion: request.query.criterion,
          filename,
          contentType: request.headers["content-type"] ?? "",
          bytes,
        });
        return reply.status(201).send(file);
      },
    );
    typed(scope).post(
      "/api/applications/:id/staff-badges/image",
      {
        bodyLimit: MAX_FILE_BYTES + 1,
        schema: {
          tags,
          summary:
            "A staff member's badge as a baked PNG or SVG (the body is the image), verified at once",
          params: idParams,
          querystring: z.object({ criterion: criterionKey, holderName }),
          headers: fileNameHeader,
          response: { 201: staffBadgeSchema, 413: errorBody, ...errors },
        },
      },
      async (request, reply) => {
        const bytes = uploadedBytes(request.body);
        const badge = await addStaffBadge(ctx, {
          caller: callerOf(request),
          id: request.params.id,
          criterion: request.query.criterion,
          holderName: request.query.holderName,
          image: { filename: safeFilename(request.headers["x-file-name"]), bytes },
        });
        return reply.status(201).send(badge);
      },
    );
  });

  r.post(
    "/api/applications/:id/staff-badges",
    {
      schema: {
        tags,
        summary:
          "A staff member's badge given as a URL, JSON or JWT, verified by the engine at once (the result is kept)",
        params: idParams,
        body: staffBadgeBody,
        response: { 201: staffBadgeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const badge = await addStaffBadge(ctx, {
        caller: callerOf(request),
        id: request.params.id,
        ...request.body,
      });
      return reply.status(201).send(badge);
    },
  );

  r.delete(
    "/api/applications/:id/staff-badges/:badgeId",
    {
      schema: {
        tags,
        summary: "Remove a staff badge from the evidence",
        params: z.object({ id: uuidParam, badgeId: uuidParam }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeEvidence(ctx, { caller: { principal: request.principal }, ...request.params });
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/applications/:id/files/:fileId",
    {
      schema: {
        tags,
        summary: "Download an evidence file",
        params: z.object({ id: uuidParam, fileId: uuidParam }),
      },
    },
    async (request, reply) => {
      const file = await readFile(ctx, {
        caller: { principal: request.principal },
        ...request.params,
      });
      return reply
        .type(file.contentType)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(neutralFilename(file.filename))}`,
        )
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("cache-control", "private, no-store")
        .send(file.content);
    },
  );

  r.delete(
    "/api/applications/:id/files/:fileId",
    {
      schema: {
        tags,
        summary: "Remove an evidence file from a draft",
        params: z.object({ id: uuidParam, fileId: uuidParam }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeEvidence(ctx, { caller: { principal: request.principal }, ...request.params });
      return reply.status(204).send(null);
    },
  );
}
