import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  applications,
  badgeClasses,
  mentoringPairings,
  mentoringRequests,
  organisations,
} from "../../db/schema";

export type PairingRow = typeof mentoringPairings.$inferSelect;
export type MentoringRequestRow = typeof mentoringRequests.$inferSelect;

const mentee = alias(organisations, "mentee");
const mentor = alias(organisations, "mentor");

const withOrganisations = (q: Queryable) =>
  q
    .select({ pairing: mentoringPairings, mentee, mentor })
    .from(mentoringPairings)
    .innerJoin(mentee, eq(mentee.id, mentoringPairings.menteeId))
    .innerJoin(mentor, eq(mentor.id, mentoringPairings.mentorId));

export type LoadedPairing = Awaited<ReturnType<typeof findPairing>> & {};

export async function insertPairing(tx: Queryable, values: typeof mentoringPairings.$inferInsert) {
  const [row] = await tx.insert(mentoringPairings).values(values).returning();
  return row!;
}

/** A pairing with its mentee and mentor organisations. */
export async function findPairing(q: Queryable, id: string) {
  const [found] = await withOrganisations(q).where(eq(mentoringPairings.id, id));
  return found;
}

/** Pairings, newest first: every one, or those where one of `organisationIds` is a side. */
export async function listPairings(
  q: Queryable,
  { organisationIds }: { organisationIds?: string[] },
) {
  const base = withOrganisations(q);
  const filtered = organisationIds
    ? base.where(
        or(
          inArray(mentoringPairings.menteeId, organisationIds),
          inArray(mentoringPairings.mentorId, organisationIds),
        ),
      )
    : base;
  return filtered.orderBy(desc(mentoringPairings.startsAt), desc(mentoringPairings.id));
}

/** Holds the mentee's row until the transaction ends: its pairings are made one at a time. */
export async function lockMentee(tx: Queryable, menteeId: string) {
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, menteeId))
    .for("update");
}

/** Every pairing the organisation has had as a mentee (to find an open one). */
export async function listMenteePairings(q: Queryable, menteeId: string) {
  return q.select().from(mentoringPairings).where(eq(mentoringPairings.menteeId, menteeId));
}

export async function updateSharing(
  tx: Queryable,
  id: string,
  choice: { shareProgress: boolean; shareDrafts: boolean },
) {
  await tx
    .update(mentoringPairings)
    .set({ ...choice, updatedAt: new Date() })
    .where(eq(mentoringPairings.id, id));
}

/** Ends a pairing once: false when a manager had already ended it. */
export async function endPairing(tx: Queryable, id: string, by: { at: Date; userId: string }) {
  const rows = await tx
    .update(mentoringPairings)
    .set({ endedAt: by.at, endedBy: by.userId, updatedAt: by.at })
    .where(and(eq(mentoringPairings.id, id), isNull(mentoringPairings.endedAt)))
    .returning({ id: mentoringPairings.id });
  return rows.length === 1;
}

export async function insertMentoringRequest(
  tx: Queryable,
  values: { organisationId: string; message: string; createdBy: string },
) {
  const [row] = await tx.insert(mentoringRequests).values(values).returning();
  return row!;
}

export async function findOpenMentoringRequest(q: Queryable, organisationId: string) {
  const [row] = await q
    .select()
    .from(mentoringRequests)
    .where(
      and(
        eq(mentoringRequests.organisationId, organisationId),
        eq(mentoringRequests.state, "open"),
      ),
    );
  return row;
}

export async function findMentoringRequest(q: Queryable, id: string) {
  const [row] = await q.select().from(mentoringRequests).where(eq(mentoringRequests.id, id));
  return row;
}

/** Requests with their organisation, newest first: every one, or those of `organisationIds`. */
export async function listMentoringRequests(
  q: Queryable,
  { organisationIds }: { organisationIds?: string[] },
) {
  const base = q
    .select({ request: mentoringRequests, org: organisations })
    .from(mentoringRequests)
    .innerJoin(organisations, eq(organisations.id, mentoringRequests.organisationId));
  return (
    organisationIds ? base.where(inArray(mentoringRequests.organisationId, organisationIds)) : base
  ).orderBy(desc(mentoringRequests.createdAt));
}

/** An open request answered by a pairing: false when it was no longer open. */
export async function markRequestPaired(tx: Queryable, id: string, pairingId: string) {
  const rows = await tx
    .update(mentoringRequests)
    .set({ state: "paired", pairingId })
    .where(and(eq(mentoringRequests.id, id), eq(mentoringRequests.state, "open")))
    .returning({ id: mentoringRequests.id });
  return rows.length === 1;
}

/** The organisation's applications still being written (drafts, revisions asked), with their badge. */
export async function listDraftApplications(q: Queryable, organisationId: string) {
  return q
    .select({
      id: applications.id,
      state: applications.state,
      answers: applications.answers,
      updatedAt: applications.updatedAt,
      badge: { id: badgeClasses.id, name: badgeClasses.name, criteria: badgeClasses.criteria },
    })
    .from(applications)
    .innerJoin(badgeClasses, eq(badgeClasses.id, applications.badgeClassId))
    .where(
      and(
        eq(applications.organisationId, organisationId),
        inArray(applications.state, ["draft", "revision_requested"]),
      ),
    )
    .orderBy(desc(applications.updatedAt));
}
