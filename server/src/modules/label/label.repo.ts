import { and, desc, eq, gt, inArray, isNotNull, isNull, notInArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  applications,
  badgeClasses,
  badgeEquivalences,
  collections,
  credentials,
  labelRequests,
  organisations,
  programmes,
} from "../../db/schema";
import { finalStates } from "../applications/applications.rules";

export type LabelRequestRow = typeof labelRequests.$inferSelect;

// --- The rule as data ----------------------------------------------------------

/** The collection in force of a programme, with the programme. */
export async function findCollectionInForce(q: Queryable, programmeSlug: string) {
  const [current] = await q
    .select({ collection: collections, programme: programmes })
    .from(collections)
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .where(and(eq(programmes.slug, programmeSlug), eq(collections.inForce, true)));
  return current;
}

/** A collection's badge classes (its label among them), in their order. */
export async function listCollectionBadges(q: Queryable, collectionId: string) {
  return q
    .select()
    .from(badgeClasses)
    .where(eq(badgeClasses.collectionId, collectionId))
    .orderBy(badgeClasses.position);
}

export async function listEquivalences(q: Queryable) {
  return q
    .select({ fromBadgeId: badgeEquivalences.fromBadgeId, toBadgeId: badgeEquivalences.toBadgeId })
    .from(badgeEquivalences);
}

export async function listBadgeNames(q: Queryable) {
  return q.select({ id: badgeClasses.id, name: badgeClasses.name }).from(badgeClasses);
}

// --- What an organisation holds and has in progress ------------------------------

export async function findCredentialRow(q: Queryable, id: string) {
  const [row] = await q.select().from(credentials).where(eq(credentials.id, id));
  return row;
}

/** The organisation's applications still in progress for these badges. */
export async function listOpenApplications(
  q: Queryable,
  input: { organisationId: string; badgeIds: string[] },
) {
  return q
    .select({
      badgeClassId: applications.badgeClassId,
      state: applications.state,
      id: applications.id,
    })
    .from(applications)
    .where(
      and(
        eq(applications.organisationId, input.organisationId),
        inArray(applications.badgeClassId, input.badgeIds),
        notInArray(applications.state, [...finalStates]),
      ),
    );
}

/** Every organisation holding a label neither revoked nor ended at `now`. */
export async function listLabelHolders(q: Queryable, now: Date) {
  const rows = await q
    .selectDistinct({ id: credentials.subjectOrgId })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .where(
      and(
        eq(badgeClasses.kind, "label"),
        isNull(credentials.revokedAt),
        gt(credentials.validUntil, now),
      ),
    );
  return rows.flatMap(({ id }) => (id ? [id] : []));
}

// --- Suspension ------------------------------------------------------------------

/** Suspends a label not suspended yet; false when it already was. */
export async function suspendLabel(tx: Queryable, input: { id: string; at: Date; reason: string }) {
  const [updated] = await tx
    .update(credentials)
    .set({ suspendedAt: input.at, suspensionReason: input.reason })
    .where(and(eq(credentials.id, input.id), isNull(credentials.suspendedAt)))
    .returning({ id: credentials.id });
  return !!updated;
}

/** Lifts a label's suspension; false when it was not suspended. */
export async function restoreLabel(tx: Queryable, id: string) {
  const [updated] = await tx
    .update(credentials)
    .set({ suspendedAt: null, suspensionReason: null })
    .where(and(eq(credentials.id, id), isNotNull(credentials.suspendedAt)))
    .returning({ id: credentials.id });
  return !!updated;
}

// --- Requests ----------------------------------------------------------------------

export async function findLatestLabelRequest(q: Queryable, organisationId: string) {
  const [request] = await q
    .select()
    .from(labelRequests)
    .where(eq(labelRequests.organisationId, organisationId))
    .orderBy(desc(labelRequests.createdAt))
    .limit(1);
  return request;
}

export async function insertLabelRequest(
  tx: Queryable,
  values: typeof labelRequests.$inferInsert,
): Promise<LabelRequestRow> {
  const [row] = await tx.insert(labelRequests).values(values).returning();
  return row!;
}

export async function findLabelRequest(q: Queryable, id: string) {
  const [request] = await q.select().from(labelRequests).where(eq(labelRequests.id, id));
  return request;
}

/** A request with the organisation it is for. */
export async function findLabelRequestWithOrganisation(q: Queryable, id: string) {
  const [found] = await q
    .select({ request: labelRequests, org: organisations })
    .from(labelRequests)
    .innerJoin(organisations, eq(organisations.id, labelRequests.organisationId))
    .where(eq(labelRequests.id, id));
  return found;
}

/** The newest requests with their organisations. */
export async function listLabelRequestsWithOrganisation(q: Queryable, limit: number) {
  return q
    .select({ request: labelRequests, org: organisations })
    .from(labelRequests)
    .innerJoin(organisations, eq(organisations.id, labelRequests.organisationId))
    .orderBy(desc(labelRequests.createdAt))
    .limit(limit);
}

/** Closes a pending request (withdrawn, confirmed or refused); undefined when it was not pending. */
export async function closePendingLabelRequest(
  tx: Queryable,
  input: {
    id: string;
    state: "withdrawn" | "confirmed" | "refused";
    decidedAt: Date;
    decidedBy: string;
    motivation?: string;
  },
) {
  const [updated] = await tx
    .update(labelRequests)
    .set({
      state: input.state,
      decidedAt: input.decidedAt,
      decidedBy: input.decidedBy,
      ...(input.motivation !== undefined ? { motivation: input.motivation } : {}),
    })
    .where(and(eq(labelRequests.id, input.id), eq(labelRequests.state, "pending")))
    .returning();
  return updated;
}
