import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  badgeClasses,
  collections,
  organisations,
  partnerRegistrations,
  programmes,
  type RegistrationState,
} from "../../db/schema";

export type RegistrationRow = typeof partnerRegistrations.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

/** The level badges in force of a programme (the regional competences), in their order. */
export async function listLevelBadges(q: Queryable, programmeSlug: string) {
  return q
    .select({ id: badgeClasses.id, name: badgeClasses.name, rule: badgeClasses.rule })
    .from(badgeClasses)
    .innerJoin(
      collections,
      and(eq(collections.id, badgeClasses.collectionId), eq(collections.inForce, true)),
    )
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(and(eq(programmes.slug, programmeSlug), sql`${badgeClasses.rule}->>'kind' = 'level'`))
    .orderBy(asc(badgeClasses.position));
}

/** A badge class on Blason with its programme and the organisation that owns it. */
export async function findOwnedBadgeClass(q: Queryable, badgeClassId: string) {
  const [row] = await q
    .select({ badge: badgeClasses, programme: programmes, owner: organisations })
    .from(badgeClasses)
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .innerJoin(organisations, eq(organisations.id, programmes.ownerOrgId))
    .where(eq(badgeClasses.id, badgeClassId));
  return row;
}

export async function insertRegistration(
  q: Queryable,
  values: typeof partnerRegistrations.$inferInsert,
) {
  const [row] = await q.insert(partnerRegistrations).values(values).returning();
  return row!;
}

/** A registration with the partner that made it. */
export async function findRegistration(q: Queryable, id: string) {
  const [found] = await q
    .select({ registration: partnerRegistrations, org: organisations })
    .from(partnerRegistrations)
    .innerJoin(organisations, eq(organisations.id, partnerRegistrations.organisationId))
    .where(eq(partnerRegistrations.id, id));
  return found;
}

/** Every registration with its partner, the latest changed first. */
export async function listRegistrationRows(q: Queryable) {
  return q
    .select({ registration: partnerRegistrations, org: organisations })
    .from(partnerRegistrations)
    .innerJoin(organisations, eq(organisations.id, partnerRegistrations.organisationId))
    .orderBy(desc(partnerRegistrations.updatedAt));
}

/**
 * The guarded update of a registration: from the state it was read in to
 * the next, or nothing (undefined) when it moved meanwhile.
 */
export async function transitionRegistration(
  tx: Queryable,
  move: {
    id: string;
    from: RegistrationState;
    to: RegistrationState;
    set: Partial<typeof partnerRegistrations.$inferInsert>;
  },
) {
  const [updated] = await tx
    .update(partnerRegistrations)
    .set({ ...move.set, state: move.to, updatedAt: new Date() })
    .where(and(eq(partnerRegistrations.id, move.id), eq(partnerRegistrations.state, move.from)))
    .returning();
  return updated;
}
