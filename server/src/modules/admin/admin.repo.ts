import { asc, ilike, inArray, or } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { users } from "../../db/schema";

/** Users whose name or email contains `q` (any user without it), by name, at most 500. */
export async function searchUsers(q: Queryable, text?: string) {
  const pattern = text ? `%${text.replace(/[%_\\]/g, "\\$&")}%` : undefined;
  return q
    .select()
    .from(users)
    .where(pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(asc(users.name))
    .limit(500);
}

export async function countPlatformAdmins(q: Queryable) {
  const rows = await q.select({ roles: users.platformRoles }).from(users);
  return rows.filter((u) => u.roles.includes("platform_admin")).length;
}

/** The current names of these users. */
export async function listUserNames(q: Queryable, ids: string[]) {
  if (!ids.length) return [];
  return q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}
