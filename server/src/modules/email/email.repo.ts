import { asc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { devMail, memberships, organisations, users } from "../../db/schema";

export type StoredEmail = { to: string; subject: string; text: string; html: string };

/** The development mailbox: messages kept in the database instead of sent. */
export async function storeDevMail(db: Db, message: StoredEmail): Promise<void> {
  await db.insert(devMail).values(message);
}

/**
 * The language of whoever reads `address`: the user who has it, else (an
 * organisation's contact address) the organisation's first administrator,
 * else its first member. Undefined when no one is known.
 */
export async function findRecipientLocale(
  q: Queryable,
  address: string,
): Promise<string | undefined> {
  const email = address.trim().toLowerCase();
  const [user] = await q
    .select({ locale: users.locale })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (user) return user.locale;
  const [contact] = await q
    .select({ locale: users.locale })
    .from(organisations)
    .innerJoin(memberships, eq(memberships.organisationId, organisations.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(sql`lower(${organisations.contactEmail})`, email))
    .orderBy(
      asc(sql`${memberships.role} <> 'admin'`),
      asc(memberships.createdAt),
      asc(memberships.userId),
    )
    .limit(1);
  return contact?.locale;
}
