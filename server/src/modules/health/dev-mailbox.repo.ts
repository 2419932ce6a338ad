import { desc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { devMail } from "../../db/schema";

/** The development mailbox's latest 200 messages, newest first, without their bodies. */
export async function listDevMail(q: Queryable) {
  return q
    .select({
      id: devMail.id,
      to: devMail.to,
      subject: devMail.subject,
      createdAt: devMail.createdAt,
    })
    .from(devMail)
    .orderBy(desc(devMail.createdAt))
    .limit(200);
}

export async function findDevMail(q: Queryable, id: string) {
  const [message] = await q.select().from(devMail).where(eq(devMail.id, id));
  return message;
}
