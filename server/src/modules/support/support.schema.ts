import { z } from "zod";
import { supportStates } from "../../db/schema";
import { uuidParam } from "../../http/route-types";
import { line, text, url } from "../../http/text";

export const idParams = z.object({ id: uuidParam });
export const keyParams = z.object({ key: line().regex(/^[a-z_]{2,40}$/) });

const slugs = z.array(line().trim().min(1).max(80)).max(20);

export const volunteerBody = z
  .object({
    badges: slugs,
    themes: slugs,
    capacity: z.number().int().min(0).max(50),
    active: z.boolean(),
  })
  .strict();
export type VolunteerBody = z.infer<typeof volunteerBody>;
export const adviserView = z.object({
  organisationId: z.uuid(),
  badges: z.array(z.string()),
  themes: z.array(z.string()),
  capacity: z.number(),
  active: z.boolean(),
});
export const volunteerView = z.object({ adviser: adviserView.nullable() });
export const advisersView = z.object({
  advisers: z.array(adviserView.extend({ name: z.string(), openCount: z.number() })),
});

export const askBody = z
  .object({ badges: slugs, themes: slugs, question: text().trim().min(10).max(4000) })
  .strict();
export type AskBody = z.infer<typeof askBody>;

export const messageBody = z.object({ body: text().trim().min(1).max(4000) }).strict();

export const meetingBody = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    place: line().trim().min(2).max(200).nullable(),
    videoUrl: url({ protocol: /^https$/ })
      .max(500)
      .nullable(),
    note: text().trim().max(1000).nullable(),
  })
  .strict();
export type MeetingBody = z.infer<typeof meetingBody>;

export const emptyBody = z.object({}).strict();
export const closeBody = z.object({ feedback: text().trim().min(2).max(2000) }).strict();
export const reassignBody = z.object({ adviserOrganisationId: z.uuid() }).strict();

const orgRef = z.object({ id: z.uuid(), name: z.string() });
const meetingView = z.object({
  startsAt: z.string(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  note: z.string().nullable(),
  by: z.enum(["asker", "adviser"]),
});
export const supportRequestView = z.object({
  id: z.uuid(),
  organisation: orgRef,
  adviser: orgRef.nullable(),
  badges: z.array(z.string()),
  themes: z.array(z.string()),
  question: z.string(),
  state: z.enum(supportStates),
  meeting: meetingView.nullable(),
  feedback: z.string().nullable(),
  firstAnsweredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** How the caller takes part: the asking CFA, the adviser, or a manager overseeing. */
  side: z.enum(["asker", "adviser", "manager"]),
});
export type SupportRequestView = z.infer<typeof supportRequestView>;
export const supportRequestsView = z.object({ requests: z.array(supportRequestView) });
export const supportRequestDetailView = z.object({
  request: supportRequestView,
  messages: z.array(
    z.object({
      id: z.uuid(),
      authorName: z.string(),
      authorRole: z.enum(["asker", "adviser", "manager"]),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const supportFiguresView = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      requests: z.number(),
      answered: z.number(),
      medianHoursToFirstAnswer: z.number().nullable(),
    }),
  ),
});

export const programmeTextsView = z.object({
  texts: z.array(z.object({ key: z.string(), fr: z.string(), en: z.string() })),
});
export const programmeTextBody = z
  .object({ fr: text().trim().min(1).max(4000), en: text().trim().min(1).max(4000) })
  .strict();
