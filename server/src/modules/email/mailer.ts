import nodemailer from "nodemailer";
import type { Db, Queryable } from "../../db/client";
import type { Locale } from "../../errors";
import { enqueue, handle } from "../jobs/queues";
import type { JobHandler } from "../jobs/worker";
import { findRecipientLocale, storeDevMail } from "./email.repo";
import { renderEmail } from "./render";
import type { EmailTemplate } from "./templates";

export type OutgoingEmail = { to: string; subject: string; text: string; html: string };
export type Mailer = { kind: "smtp" | "dev-mailbox"; send(message: OutgoingEmail): Promise<void> };

export const EMAIL_QUEUE = "email.send";

/**
 * SMTP when configured; otherwise messages are kept in the database and read
 * on the development mailbox page, so a demo needs no mail server.
 */
export function createMailer(options: {
  db: Db;
  smtpUrl: string | undefined;
  from: string;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      kind: "smtp",
      async send(message) {
        await transport.sendMail({ from: options.from, ...message });
      },
    };
  }
  return {
    kind: "dev-mailbox",
    async send(message) {
      await storeDevMail(options.db, message);
    },
  };
}

/** The recipient's own language when Blason knows it; French otherwise. */
export async function recipientLocale(q: Queryable, address: string): Promise<Locale> {
  return (await findRecipientLocale(q, address)) === "en" ? "en" : "fr";
}

/**
 * Renders now (the message says what was true when it was decided) and
 * queues the sending as a job in the caller's transaction. Without a
 * `locale`, the message is written in the recipient's language.
 */
export async function queueEmail(
  q: Queryable,
  input: { to: string; locale?: Locale; template: EmailTemplate; uniqueKey?: string },
): Promise<void> {
  const locale = input.locale ?? (await recipientLocale(q, input.to));
  const rendered = renderEmail(input.template, locale);
  await enqueue(
    q,
    EMAIL_QUEUE,
    { to: input.to, ...rendered },
    { maxAttempts: 8, ...(input.uniqueKey ? { uniqueKey: input.uniqueKey } : {}) },
  );
}

export function emailJobHandler(mailer: Mailer): JobHandler {
  return handle(EMAIL_QUEUE, (message) => mailer.send(message));
}
