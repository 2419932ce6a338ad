import { desc, eq } from "drizzle-orm";
import { devMail } from "../../src/db/schema";
import type { TestPlatform } from "./platform";

/** Runs the queued jobs, then returns every message captured for `to`. */
export async function mailsTo(platform: TestPlatform, to: string) {
  await platform.worker.drain();
  return platform.ctx.db.select().from(devMail).where(eq(devMail.to, to));
}

/** Runs the queued jobs, then returns the newest message captured for `to`. */
export async function lastMailTo(platform: TestPlatform, to: string) {
  await platform.worker.drain();
  const rows = await platform.ctx.db.select().from(devMail).orderBy(desc(devMail.createdAt));
  return rows.find((m) => m.to === to);
}

export function linkToken(text: string, pathPrefix: string): string {
  const match = text.match(new RegExp(`${pathPrefix.replace(/[/?]/g, "\\$&")}([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${pathPrefix} link in:\n${text}`);
  return match[1];
}
