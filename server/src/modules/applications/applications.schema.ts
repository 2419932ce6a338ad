import { z } from "zod";
import { badgeText, line, text, url } from "../../http/text";
import { applicationEvents, applicationStates } from "./applications.rules";

/** A criterion of the file: its position, or "renewal". */
export const criterionKey = z.string().regex(/^(\d{1,2}|renewal)$/);
export const answer = z.object({
  answer: z.string().max(20_000),
  links: z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(20),
});
export const answersSchema = z.record(criterionKey, answer);
export const scopeSchema = z.object({
  ufaIds: z.array(z.uuid()).max(50),
  schedule: z.string().trim().max(2000).nullable(),
});
/** What a draft's save takes: the same shapes, with text checked for control characters. */
export const answersInput = z.record(
  criterionKey,
  answer.extend({
    answer: text().max(20_000),
    links: z.array(url({ protocol: /^https?$/ }).max(2000)).max(20),
  }),
);
export const scopeInput = scopeSchema.extend({ schedule: text().trim().max(2000).nullable() });
export const fileSchema = z.object({
  id: z.uuid(),
  criterion: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.date(),
});
export const staffBadgeSchema = z.object({
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
export const summarySchema = z.object({
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
export const listRowSchema = summarySchema.extend({
  myReview: z.enum(["assigned", "submitted"]).nullable(),
});
export const sessionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  deadline: z.string(),
  commissionDate: z.string(),
  revisionsOnly: z.boolean(),
});
export const detailSchema = summarySchema.extend({
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
  /** The criteria to answer, by key (each of the badge's, and a renewal's extra question). */
  criteriaToAnswer: z.array(
    z.object({ key: criterionKey, statement: z.string(), evidence: z.array(z.string()) }),
  ),
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

export type ApplicationDetail = z.infer<typeof detailSchema>;
export type ApplicationListRow = z.infer<typeof listRowSchema>;

export const reviewersResponse = z.object({
  reviewers: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string(),
      organisations: z.array(z.string()),
      /** For one application (`?applicationId=`): why this reviewer is not offered, null when offered. */
      excluded: z
        .enum([
          "OWN_ORGANISATION",
          "PARENT_ORGANISATION",
          "SITE_OF_ORGANISATION",
          "DECLARED_TIE",
          "REVIEWER_RECUSED",
        ])
        .nullable()
        .optional(),
    }),
  ),
});
export const reviewersQuery = z.object({ applicationId: z.uuid().optional() });

export const listQuery = z.object({
  organisationId: z.uuid().optional(),
  mine: z.enum(["true", "false"]).optional(),
});

export const createBody = z
  .object({
    organisationId: z.uuid(),
    badgeClassId: z.uuid(),
    kind: z.enum(["first", "renewal"]).default("first"),
  })
  .strict();
export type CreateApplicationInput = z.infer<typeof createBody>;

export const draftBody = z
  .object({ answers: answersInput.optional(), scope: scopeInput.optional() })
  .strict();
export type DraftInput = z.infer<typeof draftBody>;

export const emptyBody = z.object({}).strict();
export const reviewersBody = z.object({ reviewerIds: z.array(z.uuid()).min(1).max(6) }).strict();
/** Why a reviewer steps aside, or why a manager reopens a review. */
export const reasonBody = z.object({ reason: text().trim().min(3).max(1000) }).strict();
export const reviewBody = z
  .object({
    ratings: z.record(z.string().regex(/^\d{1,2}$/), z.number().int().min(1).max(4)),
    recommendation: z.enum(["grant", "revise", "refuse"]),
    comment: text().trim().min(1).max(10_000),
  })
  .strict();
export type ReviewInput = z.infer<typeof reviewBody>;
export const decisionBody = z
  .object({
    outcome: z.enum(["granted", "refused", "revision_requested"]),
    motivation: text().trim().min(3).max(10_000),
  })
  .strict();
export type DecisionInput = z.infer<typeof decisionBody>;
export const messageBody = z.object({ body: text().trim().min(1).max(10_000) }).strict();

export const fileNameHeader = z.looseObject({ "x-file-name": z.string().min(1).max(400) });
export const holderName = line().trim().min(2).max(200);
export const staffBadgeBody = z
  .object({
    criterion: criterionKey,
    holderName,
    text: badgeText().trim().min(1).max(200_000),
  })
  .strict();
export type StaffBadgeInput = z.infer<typeof staffBadgeBody>;
