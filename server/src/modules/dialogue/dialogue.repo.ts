import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { applicationMessages, mentoringMessages, registrationMessages } from "../../db/schema";

/** A two-way thread: an application's (CFA, reviewers, Region), a partner registration's, a mentoring pairing's. */
export type Thread = { kind: "application" | "registration" | "mentoring"; id: string };

export type NewMessage = {
  authorId: string;
  authorName: string;
  authorRole: string;
  body: string;
};

export type MessageRow = Omit<NewMessage, "authorId"> & {
  id: string;
  /** Null once the author's account is gone. */
  authorId: string | null;
  createdAt: Date;
};

export async function insertMessage(q: Queryable, thread: Thread, message: NewMessage) {
  if (thread.kind === "mentoring")
    await q.insert(mentoringMessages).values({ ...message, pairingId: thread.id });
  else if (thread.kind === "application")
    await q.insert(applicationMessages).values({ ...message, applicationId: thread.id });
  else await q.insert(registrationMessages).values({ ...message, registrationId: thread.id });
}

/** The thread in the order it was written. */
export async function listMessages(q: Queryable, thread: Thread): Promise<MessageRow[]> {
  if (thread.kind === "mentoring")
    return q
      .select()
      .from(mentoringMessages)
      .where(eq(mentoringMessages.pairingId, thread.id))
      .orderBy(asc(mentoringMessages.createdAt), asc(mentoringMessages.id));
  if (thread.kind === "application")
    return q
      .select()
      .from(applicationMessages)
      .where(eq(applicationMessages.applicationId, thread.id))
      .orderBy(asc(applicationMessages.createdAt), asc(applicationMessages.id));
  return q
    .select()
    .from(registrationMessages)
    .where(eq(registrationMessages.registrationId, thread.id))
    .orderBy(asc(registrationMessages.createdAt), asc(registrationMessages.id));
}
