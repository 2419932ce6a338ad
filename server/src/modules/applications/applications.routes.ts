import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { requestLocale } from "../../http/locale";
import { errorBody, typed, uuidParam } from "../../http/route-types";
import { requireUser } from "../../http/session";
import { badgeText, line, text, url } from "../../http/text";
import { neutralFilename } from "../../lib/filenames";
import { applicationEvents, applicationStates } from "./applications.rules";
import * as service from "./applications.service";

const criterionKey = z.string().regex(/^(\d{1,2}|renewal)$/);
const answer = z.object({
  answer: z.string().max(20_000),
  links: z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(20),
});
const answersSchema = z.record(criterionKey, answer);
const scopeSchema = z.object({
  ufaIds: z.array(z.uuid()).max(50),
  schedule: z.string().trim().max(2000).nullable(),
});
/** What a draft's save takes: the same shapes, with text checked for control characters. */
const answersInput = z.record(
  criterionKey,
  answer.extend({
    answer: text().max(20_000),
    links: z.array(url({ protocol: /^https?$/ }).max(2000)).max(20),
  }),
);
const scopeInput = scopeSchema.extend({ schedule: text().trim().max(2000).nullable() });
const fileSchema = z.object({
  id: z.uuid(),
  criterion: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.date(),
});
const staffBadgeSchema = z.object({
  id: z.uuid(),
  criterion: z.string(),
  holderName: z.string(),
  source: z.string(),
  input: z.string(),
  verified: z.boolean(),
  badgeName: z.string().nullable(),
  issuerName: z.string().nullable(),
  problems: z.array(z.object({ fr: z.string(), en: z.string() })),
  checkedAt: z.date(),
});
const summarySchema = z.object({
  id: z.uuid(),
  state: z.enum(applicationStates),
  kind: z.enum(["first", "renewal"]),
  /** In calendar sessions (a commission decides), or continuous (decided as it comes). */
  intake: z.enum(["sessions", "continuous"]),
  badge: z.object({ id: z.uuid(), name: z.string(), required: z.boolean() }),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  session: z
    .object({
      name: z.string(),
      deadline: z.string(),
      commissionDate: z.string(),
      revisionsOnly: z.boolean(),
    })
    .nullable(),
  submittedAt: z.date().nullable(),
  updatedAt: z.date(),
});
/** In a list, also the caller's own review when they sit on the panel (their home lists these). */
const listRowSchema = summarySchema.extend({
  myReview: z.enum(["assigned", "submitted"]).nullable(),
});
const sessionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  deadline: z.string(),
  commissionDate: z.string(),
  revisionsOnly: z.boolean(),
});
const detailSchema = summarySchema.extend({
  badge: z.object({
    id: z.uuid(),
    name: z.string(),
    required: z.boolean(),
    recognises: z.string(),
    criteria: z.array(z.object({ statement: z.string(), evidence: z.array(z.string()) })),
    renewalExtra: z.string().nullable(),
  }),
  organisation: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.string(),
    contactEmail: z.string(),
  }),
  session: sessionSchema.nullable(),
  scope: scopeSchema,
  answers: answersSchema,
  motivation: z.string().nullable(),
  decidedAt: z.date().nullable(),
  files: z.array(fileSchema),
  staffBadges: z.array(staffBadgeSchema),
  missing: z.array(z.string()),
  panel: z.array(z.object({ reviewerId: z.uuid(), name: z.string(), state: z.string() })),
  reviews: z.array(
    z.object({
      reviewerId: z.uuid(),
      name: z.string(),
      state: z.string(),
      ratings: z.record(z.string(), z.number()).nullable(),
      recommendation: z.string().nullable(),
      comment: z.string().nullable(),
      submittedAt: z.date().nullable(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.uuid(),
      authorName: z.string(),
      authorRole: z.string(),
      /** The name is a pseudonym ("Relecteur 1", "Région"): the programme keeps its reviewers anonymous. */
      pseudonym: z.boolean(),
      body: z.string(),
      createdAt: z.date(),
    }),
  ),
  can: z.object({
    events: z.array(z.enum(applicationEvents)),
    review: z.boolean(),
    /** A manager may give a submitted review back to its reviewer. */
    reopen: z.boolean(),
    message: z.boolean(),
  }),
});

const idParams = z.object({ id: uuidParam });
const tags = ["applications"];
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function applicationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);

  const detail = async (request: FastifyRequest, id: string) => {
    const d = await service.describeApplication(ctx, request.principal, id, requestLocale(request));
    const a = d.found.application;
    return {
      id: a.id,
      state: a.state as (typeof applicationStates)[number],
      kind: a.kind as "first" | "renewal",
      intake: service.intakeOf(d.found.badge),
      badge: {
        id: d.found.badge.id,
        name: d.found.badge.name,
        required: d.found.badge.required,
        recognises: d.found.badge.recognises,
        criteria: d.found.badge.criteria,
        renewalExtra: d.found.badge.renewalExtra,
      },
      organisation: {
        id: d.found.org.id,
        name: d.found.org.name,
        kind: d.found.org.kind,
        contactEmail: d.found.org.contactEmail,
      },
      session: d.session
        ? {
            id: d.session.id,
            name: d.session.name,
            deadline: d.session.deadline,
            commissionDate: d.session.commissionDate,
            revisionsOnly: d.session.revisionsOnly,
          }
        : null,
      scope: a.scope,
      answers: a.answers,
      motivation: a.motivation,
      submittedAt: a.submittedAt,
      decidedAt: a.decidedAt,
      updatedAt: a.updatedAt,
      // Names kept before bidi controls were neutralised are shown neutralised too.
      files: d.files.map((f) => ({ ...f, filename: neutralFilename(f.filename) })),
      staffBadges: d.staffBadges.map((b) =>
        b.source === "image" ? { ...b, input: neutralFilename(b.input) } : b,
      ),
      missing: d.missing,
      panel: d.panel,
      reviews: d.reviews,
      messages: d.messages,
      can: d.can,
    };
  };

  r.get(
    "/api/programmes/:slug/sessions",
    {
      schema: {
        tags: ["public"],
        summary: "The programme's commission calendar",
        params: z.object({ slug: line().max(80) }),
        response: { 200: z.object({ sessions: z.array(sessionSchema) }) },
      },
    },
    async (request) => ({ sessions: await service.listSessions(ctx, request.params.slug) }),
  );

  r.get(
    "/api/reviewers",
    {
      schema: {
        tags,
        summary: "The peer group (programme managers, to compose panels)",
        response: {
          200: z.object({
            reviewers: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                email: z.string(),
                organisations: z.array(z.string()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ reviewers: await service.listReviewers(ctx, request.principal) }),
  );

  r.get(
    "/api/applications",
    {
      schema: {
        tags,
        summary:
          "Applications: an organisation's, a reviewer's assignments, or the managers' queue",
        querystring: z.object({
          organisationId: z.uuid().optional(),
          mine: z.enum(["true", "false"]).optional(),
        }),
        response: { 200: z.object({ applications: z.array(listRowSchema) }), ...errors },
      },
    },
    async (request) => {
      const rows = await service.listApplications(ctx, request.principal, {
        organisationId: request.query.organisationId,
        mine: request.query.mine === "true",
      });
      return {
        applications: rows.map((row) => ({
          id: row.application.id,
          state: row.application.state as (typeof applicationStates)[number],
          kind: row.application.kind as "first" | "renewal",
          intake: service.intakeOf(row),
          badge: row.badge,
          organisation: row.org,
          session: row.session?.name
            ? (row.session as {
                name: string;
                deadline: string;
                commissionDate: string;
                revisionsOnly: boolean;
              })
            : null,
          submittedAt: row.application.submittedAt,
          updatedAt: row.application.updatedAt,
          myReview: reviewStateOf(row.myReview),
        })),
      };
    },
  );

  r.post(
    "/api/applications",
    {
      schema: {
        tags,
        summary: "Start an application (a draft) for a badge",
        body: z
          .object({
            organisationId: z.uuid(),
            badgeClassId: z.uuid(),
            kind: z.enum(["first", "renewal"]).default("first"),
          })
          .strict(),
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createApplication(
        ctx,
        request.principal,
        requireUser(request),
        request.body,
      );
      return reply.status(201).send({ id: created.id });
    },
  );

  r.get(
    "/api/applications/:id",
    {
      schema: {
        tags,
        summary: "An application with its files, reviews (as the reader may see them) and dialogue",
        params: idParams,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  r.patch(
    "/api/applications/:id",
    {
      schema: {
        tags,
        summary: "Save a draft (autosave): answers per criterion, scope",
        params: idParams,
        body: z.object({ answers: answersInput.optional(), scope: scopeInput.optional() }).strict(),
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => {
      await service.updateDraft(ctx, request.principal, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  const action = <S extends z.ZodType>(
    url: string,
    summary: string,
    body: S,
    run: (input: {
      principal: Parameters<typeof service.describeApplication>[1];
      user: ReturnType<typeof requireUser>;
      id: string;
      body: z.infer<S>;
    }) => Promise<unknown>,
  ) =>
    r.post(
      url,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          body,
          response: { 200: detailSchema, ...errors },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await run({
          principal: request.principal,
          user,
          id: (request.params as { id: string }).id,
          body: request.body as z.infer<S>,
        });
        return detail(request, (request.params as { id: string }).id);
      },
    );

  const empty = z.object({}).strict();
  action(
    "/api/applications/:id/submit",
    "Send the application to the next open session",
    empty,
    (i) => service.submitApplication(ctx, i.principal, i.user, i.id),
  );
  action("/api/applications/:id/withdraw", "Withdraw the application", empty, (i) =>
    service.withdrawApplication(ctx, i.principal, i.user, i.id),
  );
  action(
    "/api/applications/:id/reviewers",
    "Assign the reviewers (managers); conflicts of interest are refused",
    z.object({ reviewerIds: z.array(z.uuid()).min(1).max(6) }).strict(),
    (i) => service.assignReviewers(ctx, i.principal, i.user, i.id, i.body.reviewerIds),
  );
  r.post(
    "/api/applications/:id/recuse",
    {
      schema: {
        tags,
        summary: "A reviewer steps aside (conflict of interest); the application leaves their list",
        params: idParams,
        body: z.object({ reason: text().trim().min(3).max(1000) }).strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await service.recuse(
        ctx,
        request.principal,
        requireUser(request),
        request.params.id,
        request.body.reason,
      );
      return reply.status(204).send(null);
    },
  );
  action(
    "/api/applications/:id/review",
    "A reviewer's ratings per criterion and recommendation",
    z
      .object({
        ratings: z.record(z.string().regex(/^\d{1,2}$/), z.number().int().min(1).max(4)),
        recommendation: z.enum(["grant", "revise", "refuse"]),
        comment: text().trim().min(1).max(10_000),
      })
      .strict(),
    (i) => service.submitReview(ctx, i.principal, i.user, i.id, i.body),
  );
  r.post(
    "/api/applications/:id/reviews/:reviewerId/reopen",
    {
      schema: {
        tags,
        summary:
          "Give a submitted review back to its reviewer (managers), with a reason kept in the audit log",
        params: z.object({ id: uuidParam, reviewerId: uuidParam }),
        body: z.object({ reason: text().trim().min(3).max(1000) }).strict(),
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => {
      await service.reopenReview(ctx, request.principal, requireUser(request), request.params.id, {
        reviewerId: request.params.reviewerId,
        reason: request.body.reason,
      });
      return detail(request, request.params.id);
    },
  );
  action(
    "/api/applications/:id/decision",
    "The commission's decision (managers): granted issues the badge",
    z
      .object({
        outcome: z.enum(["granted", "refused", "revision_requested"]),
        motivation: text().trim().min(3).max(10_000),
      })
      .strict(),
    (i) => service.decide(ctx, i.principal, i.user, i.id, i.body),
  );
  action(
    "/api/applications/:id/messages",
    "Write in the application's dialogue",
    z.object({ body: text().trim().min(1).max(10_000) }).strict(),
    (i) => service.postMessage(ctx, i.principal, i.user, i.id, i.body.body),
  );

  r.register(async (scope) => {
    // The body is the file whatever its type: Fastify's own JSON and text parsers
    // would otherwise take text/plain evidence and leave no bytes.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: service.MAX_FILE_BYTES + 1 },
      (_request, body, done) => done(null, body),
    );
    typed(scope).post(
      "/api/applications/:id/files",
      {
        bodyLimit: service.MAX_FILE_BYTES + 1,
        schema: {
          tags,
          summary:
            "Upload an evidence file for a criterion (the body is the file; its name in X-File-Name)",
          params: idParams,
          querystring: z.object({ criterion: z.string().regex(/^(\d{1,2}|renewal)$/) }),
          headers: z.looseObject({ "x-file-name": z.string().min(1).max(400) }),
          response: { 201: fileSchema, 413: errorBody, 415: errorBody, ...errors },
        },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (bytes.length === 0) throw new AppError("VALIDATION_FAILED", { file: "" });
        const filename = safeFilename(request.headers["x-file-name"]);
        const file = await service.addFile(
          ctx,
          request.principal,
          requireUser(request),
          request.params.id,
          {
            criterion: request.query.criterion,
            filename,
            contentType: request.headers["content-type"] ?? "",
            bytes,
          },
        );
        return reply.status(201).send(file);
      },
    );
    typed(scope).post(
      "/api/applications/:id/staff-badges/image",
      {
        bodyLimit: service.MAX_FILE_BYTES + 1,
        schema: {
          tags,
          summary:
            "A staff member's badge as a baked PNG or SVG (the body is the image), verified at once",
          params: idParams,
          querystring: z.object({
            criterion: z.string().regex(/^(\d{1,2}|renewal)$/),
            holderName: line().trim().min(2).max(200),
          }),
          headers: z.looseObject({ "x-file-name": z.string().min(1).max(400) }),
          response: { 201: staffBadgeSchema, 413: errorBody, ...errors },
        },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (bytes.length === 0) throw new AppError("VALIDATION_FAILED", { file: "" });
        const badge = await service.addStaffBadge(
          ctx,
          request.principal,
          requireUser(request),
          request.params.id,
          {
            criterion: request.query.criterion,
            holderName: request.query.holderName,
            image: { filename: safeFilename(request.headers["x-file-name"]), bytes },
          },
        );
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
        body: z
          .object({
            criterion: z.string().regex(/^(\d{1,2}|renewal)$/),
            holderName: line().trim().min(2).max(200),
            text: badgeText().trim().min(1).max(200_000),
          })
          .strict(),
        response: { 201: staffBadgeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const badge = await service.addStaffBadge(
        ctx,
        request.principal,
        requireUser(request),
        request.params.id,
        request.body,
      );
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
      await service.removeStaffBadge(
        ctx,
        request.principal,
        request.params.id,
        request.params.badgeId,
      );
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
      const file = await service.readFile(
        ctx,
        request.principal,
        request.params.id,
        request.params.fileId,
      );
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
      await service.removeFile(ctx, request.principal, request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  );
}

function reviewStateOf(state: string | null): "assigned" | "submitted" | null {
  return state === "assigned" || state === "submitted" ? state : null;
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
