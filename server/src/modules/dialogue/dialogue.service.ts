import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import type { UserRow } from "../auth/auth.repo";
import { queueEmail } from "../email/mailer";
import type { EmailTemplate } from "../email/templates";
import { insertMessage, type Thread } from "./dialogue.repo";

/** Where the other side hears of a message. */
export type Recipient = { email: string; locale: string | null };

/** An email quotes this much of a message. */
const EXCERPT_LENGTH = 400;

export const excerptOf = (body: string) =>
  body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH)}…` : body;

/**
 * Writes a message in a thread and tells the other side, in one
 * transaction. `notify` runs once the message is in the thread and says who
 * is told and with which template (given the excerpt); the author is never
 * told of their own message.
 */
export async function postMessage(
  ctx: AppContext,
  options: {
    author: Pick<UserRow, "id" | "email">;
    thread: Thread;
    authorName: string;
    authorRole: string;
    body: string;
    notify: (
      tx: Queryable,
    ) => Promise<{ recipients: Recipient[]; template: (excerpt: string) => EmailTemplate }>;
  },
) {
  const { author, thread, body } = options;
  await ctx.db.transaction(async (tx) => {
    await insertMessage(tx, thread, {
      authorId: author.id,
      authorName: options.authorName,
      authorRole: options.authorRole,
      body,
    });
    const { recipients, template } = await options.notify(tx);
    for (const to of recipients.filter((r) => r.email !== author.email))
      await queueEmail(tx, {
        to: to.email,
        locale: to.locale === "en" ? "en" : "fr",
        template: template(excerptOf(body)),
      });
  });
}
