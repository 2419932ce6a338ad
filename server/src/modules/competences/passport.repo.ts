import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  badgeClasses,
  collections,
  credentials,
  earners,
  memberships,
  organisations,
  sessions,
  users,
} from "../../db/schema";

const issuers = organisations;

/** Every badge a person holds on Blason (the Region's and partners' own), oldest first. */
export async function credentialsHeldBy(q: Queryable, userId: string) {
  return q
    .select({
      credential: credentials,
      badge: badgeClasses,
      collection: collections,
      issuer: issuers,
    })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(issuers, eq(issuers.id, credentials.issuerId))
    .where(eq(credentials.subjectUserId, userId))
    .orderBy(asc(credentials.validFrom));
}

export async function findEarner(q: Queryable, userId: string) {
  const [earner] = await q.select().from(earners).where(eq(earners.userId, userId));
  return earner;
}

/** Opens or closes the person's passport, making them an earner if they were not one yet. */
export async function setPassportVisibility(q: Queryable, userId: string, open: boolean) {
  await q
    .insert(earners)
    .values({ userId, passportSlug: randomBytes(9).toString("base64url"), passportPublic: open })
    .onConflictDoUpdate({ target: earners.userId, set: { passportPublic: open } });
}

export async function findOpenPassport(q: Queryable, slug: string) {
  const [row] = await q
    .select({ earner: earners, user: users })
    .from(earners)
    .innerJoin(users, eq(users.id, earners.userId))
    .where(and(eq(earners.passportSlug, slug), eq(earners.passportPublic, true)));
  return row;
}

export async function isMemberOfAnyOrganisation(q: Queryable, userId: string) {
  const [member] = await q
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .limit(1);
  return !!member;
}

/**
 * Removes the person: their badges issued to them as a person stay, unlinked
 * from their address (replaced by `scrubbedEmail`) and hidden; their sessions
 * and account go (their earner row and partner badges with it).
 */
export async function deletePerson(q: Queryable, userId: string, scrubbedEmail: string) {
  await q
    .update(credentials)
    .set({ recipientEmail: scrubbedEmail, shownPublicly: false })
    .where(and(eq(credentials.subjectUserId, userId), isNull(credentials.subjectOrgId)));
  await q.delete(sessions).where(eq(sessions.userId, userId));
  await q.delete(users).where(eq(users.id, userId));
}
