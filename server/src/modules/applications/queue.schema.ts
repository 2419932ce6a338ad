import { z } from "zod";
import { applicationStates } from "../../db/states";
import { line } from "../../http/text";
import { listPageSchema, listQuerySchema } from "../lists/lists.schema";

export const queueSorts = [
  "updated",
  "submitted",
  "badge",
  "organisation",
  "state",
  "commission",
] as const;

/** The managers' queue: the shared list query and its filters. */
export const queueQuery = listQuerySchema(queueSorts, "updated").extend({
  programme: line().trim().max(80).optional(),
  state: z.enum(applicationStates).optional(),
  sessionId: z.uuid().optional(),
  badgeId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
});
export type QueueQuery = z.infer<typeof queueQuery>;
/** The CSV takes the same filters; the page and its size do not apply. */
export const queueCsvQuery = queueQuery.omit({ page: true, pageSize: true });
export type QueueCsvQuery = z.infer<typeof queueCsvQuery>;

export const queueRowSchema = z.object({
  id: z.uuid(),
  state: z.enum(applicationStates),
  kind: z.enum(["first", "renewal"]),
  /** In calendar sessions (a commission decides), or continuous (decided as it comes). */
  intake: z.enum(["sessions", "continuous"]),
  programme: z.string(),
  badge: z.object({ id: z.uuid(), name: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  session: z
    .object({
      id: z.uuid(),
      name: z.string(),
      commissionDate: z.string(),
      revisionsOnly: z.boolean(),
    })
    .nullable(),
  /** The panel's reviewers by name (those who stepped aside left out). */
  reviewers: z.array(z.string()),
  /** Reviews are due by this day (YYYY-MM-DD), a week before the commission. */
  reviewDeadline: z.string().nullable(),
  submittedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type QueueRow = z.infer<typeof queueRowSchema>;
export const queuePage = listPageSchema(queueRowSchema);
