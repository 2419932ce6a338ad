import { z } from "zod";
import { mentoringRequestStates } from "../../db/schema";
import { uuidParam } from "../../http/route-types";
import { text } from "../../http/text";

export const idParams = z.object({ id: uuidParam });

export const pairingStatus = z.enum([
  "upcoming",
  "active",
  "ended",
  "term_reached",
  "label_obtained",
]);
const side = z.object({ id: z.uuid(), name: z.string() });

export const pairingSummary = z.object({
  id: z.uuid(),
  mentee: side,
  mentor: side,
  startsAt: z.string(),
  endsAt: z.string(),
  endedAt: z.string().nullable(),
  status: pairingStatus,
});

export const mentoringRequestView = z.object({
  id: z.uuid(),
  organisation: side,
  message: z.string(),
  state: z.enum(mentoringRequestStates),
  pairingId: z.uuid().nullable(),
  createdAt: z.string(),
});

export const mentoringListView = z.object({
  pairings: z.array(pairingSummary),
  requests: z.array(mentoringRequestView),
});

export const pairingView = pairingSummary.extend({
  /** The side the reader reads from. */
  side: z.enum(["mentee", "mentor", "manager"]),
  sharing: z.object({ progress: z.boolean(), drafts: z.boolean() }),
  can: z.object({
    share: z.boolean(),
    end: z.boolean(),
    write: z.boolean(),
    readProgress: z.boolean(),
    readDrafts: z.boolean(),
  }),
  messages: z.array(
    z.object({
      id: z.uuid(),
      authorName: z.string(),
      authorRole: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const draftsView = z.object({
  drafts: z.array(
    z.object({
      id: z.uuid(),
      state: z.enum(["draft", "revision_requested"]),
      badge: z.string(),
      updatedAt: z.string(),
      criteria: z.array(
        z.object({ statement: z.string(), answer: z.string(), links: z.array(z.string()) }),
      ),
    }),
  ),
});

export const pairBody = z
  .object({
    menteeId: z.uuid(),
    mentorId: z.uuid(),
    startsAt: z.iso.datetime({ offset: true }).optional(),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    requestId: z.uuid().optional(),
  })
  .strict();

export const emptyBody = z.object({}).strict();

export const sharingBody = z.object({ progress: z.boolean(), drafts: z.boolean() }).strict();

export const mentoringRequestBody = z
  .object({ organisationId: z.uuid(), message: text().trim().min(3).max(2000) })
  .strict();

export const messageBody = z.object({ body: text().trim().min(1).max(4000) }).strict();
