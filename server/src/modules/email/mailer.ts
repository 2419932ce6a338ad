import nodemailer from "nodemailer";
import type { Db, Queryable } from "../../db/client";
import { devMail } from "../../db/schema";
import type { Locale } from "../../errors";
import { enqueueJob } from "../jobs/jobs.repo";
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
      await options.db.insert(devMail).values(message);
    },
  };
}

/**
 * Renders now (the message says what was true when it was decided) and
 * queues the sending as a job in the caller's transaction.
 */
export async function queueEmail(
  q: Queryable,
  input: { to: string; locale: Locale; template: EmailTemplate; uniqueKey?: string },
): Promise<void> {
  const rendered = renderEmail(input.template, input.locale);
  await enqueueJob(q, {
    queue: EMAIL_QUEUE,
    payload: { to: input.to, ...rendered },
    maxAttempts: 8,
    ...(input.uniqueKey ? { uniqueKey: input.uniqueKey } : {}),
  });
}

export function emailJobHandler(mailer: Mailer) {
  return async (payload: Record<string, unknown>) => {
    const { to, subject, text, html } = payload;
    if (
      typeof to !== "string" ||
      typeof subject !== "string" ||
      typeof text !== "string" ||
      typeof html !== "string"
    )
      throw new Error("Malformed email job payload");
    await mailer.send({ to, subject, text, html });
  };
}
