import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  authTokens,
  type MemberRole,
  memberships,
  type PlatformRole,
  sessions,
  type TokenPurpose,
  users,
} from "../../db/schema";
import { hashToken, newToken } from "../../lib/tokens";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(q: Queryable, email: string) {
  const [user] = await q.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user;
}

export async function findUserById(q: Queryable, id: string) {
  const [user] = await q.select().from(users).where(eq(users.id, id));
  return user;
}

export async function insertUser(
  q: Queryable,
  values: {
    email: string;
    name: string;
    passwordHash?: string | null;
    locale?: string;
    platformRoles?: PlatformRole[];
    emailVerifiedAt?: Date | null;
  },
) {
  const [user] = await q
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning();
  return user!;
}

/** Everyone holding a platform role (the programme managers to tell of a request, say). */
export async function listUsersWithRole(q: Queryable, role: PlatformRole) {
  return q.select().from(users).where(sql`${role} = any(${users.platformRoles})`);
}

export async function listMemberships(q: Queryable, userId: string) {
  return q
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId)) as Promise<
    { organisationId: string; role: MemberRole }[]
  >;
}

export async function insertSession(
  q: Queryable,
  values: { userId: string; days: number; userAgent?: string | undefined },
): Promise<string> {
  const token = newToken();
  await q.insert(sessions).values({
    id: hashToken(token),
    userId: values.userId,
    expiresAt: new Date(Date.now() + values.days * 86_400_000),
    userAgent: values.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function findLiveSession(q: Queryable, token: string) {
  const [row] = await q
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function touchSession(q: Queryable, id: string) {
  await q.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

export async function deleteSession(q: Queryable, id: string) {
  await q.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(q: Queryable, userId: string, exceptId?: string) {
  await q
    .delete(sessions)
    .where(
      exceptId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId))
        : eq(sessions.userId, userId),
    );
}

export async function listUserSessions(q: Queryable, userId: string) {
  return q
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())));
}

export async function insertAuthToken(
  q: Queryable,
  values: { userId: string; purpose: TokenPurpose; minutes: number },
): Promise<string> {
  const token = newToken();
  await q.insert(authTokens).values({
    tokenHash: hashToken(token),
    userId: values.userId,
    purpose: values.purpose,
    expiresAt: new Date(Date.now() + values.minutes * 60_000),
  });
  return token;
}

/** Uses a token up atomically: of two concurrent requests, one wins. */
/** The user of a token still usable, without using it. */
export async function peekAuthToken(q: Queryable, token: string, purpose: TokenPurpose) {
  const [row] = await q
    .select({ userId: authTokens.userId })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    );
  return row?.userId;
}

export async function consumeAuthToken(q: Queryable, token: string, purpose: TokenPurpose) {
  const [row] = await q
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: authTokens.userId });
  return row?.userId;
}

export async function updateUser(
  q: Queryable,
  id: string,
  values: Partial<
    Pick<UserRow, "name" | "locale" | "passwordHash" | "emailVerifiedAt" | "platformRoles">
  >,
) {
  const [user] = await q.update(users).set(values).where(eq(users.id, id)).returning();
  return user;
}
