/** The demo mailbox: the e-mails the platform sent, readable without a mail server. */
import { type ResponseOf, request } from "./http";

export type MailSummary = ResponseOf<"/api/dev/mailbox">["messages"][number];
export type Mail = ResponseOf<"/api/dev/mailbox/{id}">;

export const mailboxKeys = {
  list: () => ["mailbox"] as const,
  mail: (id: string | null) => ["mail", id] as const,
};

export const fetchMailbox = () => request("get", "/api/dev/mailbox");
export const fetchMail = (id: string) => request("get", "/api/dev/mailbox/{id}", { path: { id } });
