import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client";
import {
  badgeClasses,
  collections,
  credentials,
  endorsements,
  issuerKeys,
  organisations,
  partnerBadges,
  programmes,
  type StatusListPurpose,
  statusLists,
  users,
} from "../../db/schema";

export type CredentialRow = typeof credentials.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

const issuers = alias(organisations, "issuer");
/** A partner's own programme names its owner (the partner); the Region's have none. */
const owners = alias(organisations, "owner");
/** A credential with what its pages say about it: the badge, its collection and programme. */
const withBadge = {
  credential: credentials,
  badge: badgeClasses,
  collection: collections,
  programme: programmes,
  owner: { name: owners.name },
};

// --- Credentials -----------------------------------------------------------

/** A credential with its badge, its issuer and its holder (an organisation, or a person). */
export async function findCredentialWithHolder(q: Queryable, id: string) {
  const [row] = await q
    .select({ ...withBadge, organisation: organisations, person: users, issuer: issuers })
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .leftJoin(owners, eq(owners.id, programmes.ownerOrgId))
    .leftJoin(organisations, eq(organisations.id, credentials.subjectOrgId))
    .leftJoin(users, eq(users.id, credentials.subjectUserId))
    .innerJoin(issuers, eq(issuers.id, credentials.issuerId))
    .where(eq(credentials.id, id));
  return row;
}

/** Every credential an organisation holds, with its badge, newest first. */
export async function listCredentialsHeldBy(q: Queryable, organisationId: string) {
  return q
    .select(withBadge)
    .from(credentials)
    .innerJoin(badgeClasses, eq(badgeClasses.id, credentials.badgeClassId))
    .innerJoin(collections, eq(collections.id, badgeClasses.collectionId))
    .innerJoin(programmes, eq(programmes.id, collections.programmeId))
    .leftJoin(owners, eq(owners.id, programmes.ownerOrgId))
    .where(eq(credentials.subjectOrgId, organisationId))
    .orderBy(desc(credentials.validFrom));
}

export async function findCredentialByGrantKey(q: Queryable, grantKey: string) {
  const [row] = await q.select().from(credentials).where(eq(credentials.grantKey, grantKey));
  return row;
}

/**
 * Stores a signed credential, unless one exists for its grant (undefined then).
 * Its creation instant is read from the database clock at the insert, inside
 * the caller's lock on the holder: a holder's credentials are in issuance order.
 */
export async function insertCredential(
  tx: Queryable,
  values: Omit<typeof credentials.$inferInsert, "createdAt">,
) {
  const [row] = await tx
    .insert(credentials)
    .values({ ...values, createdAt: sql`clock_timestamp()` })
    .onConflictDoNothing({ target: credentials.grantKey })
    .returning();
  return row;
}

export async function setShownPublicly(tx: Queryable, input: { id: string; shown: boolean }) {
  await tx
    .update(credentials)
    .set({ shownPublicly: input.shown })
    .where(eq(credentials.id, input.id));
}

/** Records the holder's answer to a pending claim; undefined when it was answered already. */
export async function answerPendingClaim(
  tx: Queryable,
  input: {
    id: string;
    answer: "accepted" | "declined";
    userId: string;
    /** Set when the answer revokes the credential. */
    revocationReason?: string;
  },
) {
  const now = new Date();
  const [updated] = await tx
    .update(credentials)
    .set({
      claimState: input.answer,
      claimedAt: now,
      claimedBy: input.userId,
      ...(input.revocationReason !== undefined
        ? { revokedAt: now, revocationReason: input.revocationReason }
        : {}),
    })
    .where(
      and(
        eq(credentials.id, input.id),
        eq(credentials.claimState, "pending"),
        isNull(credentials.revokedAt),
      ),
    )
    .returning({ id: credentials.id });
  return updated;
}

/** Revokes a credential not revoked yet; undefined when it already was. */
export async function revokeLiveCredential(tx: Queryable, input: { id: string; reason: string }) {
  const [updated] = await tx
    .update(credentials)
    .set({ revokedAt: new Date(), revocationReason: input.reason })
    .where(and(eq(credentials.id, input.id), isNull(credentials.revokedAt)))
    .returning({ revokedAt: credentials.revokedAt });
  return updated;
}

/** The partner badges a revoked Blason credential stood for, revoked too: their earners. */
export async function revokePartnerBadgesOf(tx: Queryable, assertionKey: string) {
  return tx
    .update(partnerBadges)
    .set({ revokedAt: new Date() })
    .where(and(eq(partnerBadges.assertionKey, assertionKey), isNull(partnerBadges.revokedAt)))
    .returning({ earnerId: partnerBadges.earnerId });
}

// --- What issuance reads and locks -------------------------------------------

export async function findBadgeClassRow(q: Queryable, id: string) {
  const [row] = await q.select().from(badgeClasses).where(eq(badgeClasses.id, id));
  return row;
}

/**
 * Holds an organisation's row until the transaction ends: what is decided
 * about its badges (issuing one, judging the label) happens one at a time.
 */
export async function lockOrganisation(tx: Queryable, id: string) {
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for("no key update");
}

// --- Issuers and their keys ----------------------------------------------------

/** The oldest organisation of kind "region". */
export async function findRegionRow(q: Queryable) {
  const [region] = await q
    .select()
    .from(organisations)
    .where(eq(organisations.kind, "region"))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return region;
}

export async function ownsAProgramme(q: Queryable, organisationId: string) {
  const [owned] = await q
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.ownerOrgId, organisationId))
    .limit(1);
  return !!owned;
}

export async function hasIssuerKey(q: Queryable, organisationId: string) {
  const [row] = await q
    .select({ id: issuerKeys.id })
    .from(issuerKeys)
    .where(eq(issuerKeys.organisationId, organisationId))
    .limit(1);
  return !!row;
}

/** Serialises key creation per issuer until the transaction ends. */
export async function lockIssuerKeys(tx: Queryable, issuerId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`issuer-key:${issuerId}`}))`);
}

export async function findActiveIssuerKey(q: Queryable, issuerId: string) {
  const [existing] = await q
    .select()
    .from(issuerKeys)
    .where(and(eq(issuerKeys.organisationId, issuerId), isNull(issuerKeys.retiredAt)))
    .orderBy(asc(issuerKeys.createdAt))
    .limit(1);
  return existing;
}

export async function insertIssuerKey(tx: Queryable, values: typeof issuerKeys.$inferInsert) {
  const [created] = await tx.insert(issuerKeys).values(values).returning();
  return created!;
}

/** Every key the issuer ever used, oldest first. */
export async function listIssuerKeys(q: Queryable, issuerId: string) {
  return q
    .select({ id: issuerKeys.id, publicKeyMultibase: issuerKeys.publicKeyMultibase })
    .from(issuerKeys)
    .where(eq(issuerKeys.organisationId, issuerId))
    .orderBy(asc(issuerKeys.createdAt));
}

// --- Status lists ---------------------------------------------------------------

/** The issuer's newest list for `purpose`, locked until the transaction ends. */
export async function lockNewestStatusList(
  tx: Queryable,
  input: { issuerId: string; purpose: StatusListPurpose },
) {
  const [open] = await tx
    .select()
    .from(statusLists)
    .where(and(eq(statusLists.issuerId, input.issuerId), eq(statusLists.purpose, input.purpose)))
    .orderBy(desc(statusLists.number))
    .limit(1)
    .for("update");
  return open;
}

export async function openStatusList(tx: Queryable, values: typeof statusLists.$inferInsert) {
  await tx.insert(statusLists).values(values).onConflictDoNothing();
}

/** Counts a position given on a list, once the credential holding it is written. */
export async function countStatusPosition(tx: Queryable, listId: string) {
  await tx
    .update(statusLists)
    .set({ used: sql`${statusLists.used} + 1` })
    .where(eq(statusLists.id, listId));
}

/** The positions of a list already given (among `candidates` when given). */
export async function takenStatusPositions(
  q: Queryable,
  input: { listId: string; candidates?: number[] },
) {
  const rows = await q
    .select({ index: credentials.statusIndex })
    .from(credentials)
    .where(
      and(
        eq(credentials.statusList, input.listId),
        input.candidates ? inArray(credentials.statusIndex, input.candidates) : undefined,
      ),
    );
  // An issuer's endorsements share its revocation lists.
  const endorsed = await q
    .select({ index: endorsements.statusIndex })
    .from(endorsements)
    .where(
      and(
        eq(endorsements.statusList, input.listId),
        input.candidates ? inArray(endorsements.statusIndex, input.candidates) : undefined,
      ),
    );
  return new Set([...rows.map((r) => r.index), ...endorsed.map((r) => r.index ?? -1)]);
}

export async function findStatusListWithIssuer(q: Queryable, listId: string) {
  const [found] = await q
    .select({ list: statusLists, issuer: organisations })
    .from(statusLists)
    .innerJoin(organisations, eq(organisations.id, statusLists.issuerId))
    .where(eq(statusLists.id, listId));
  return found;
}

/** The positions of a list whose credential is revoked or suspended. */
export async function listFlaggedPositions(q: Queryable, listId: string) {
  const flagged = await q
    .select({ index: credentials.statusIndex, revokedAt: credentials.revokedAt })
    .from(credentials)
    .where(
      and(
        eq(credentials.statusList, listId),
        or(isNotNull(credentials.revokedAt), isNotNull(credentials.suspendedAt)),
      ),
    );
  // A withdrawn endorsement signed on Blason is revoked in its endorser's list.
  const withdrawn = await q
    .select({ index: endorsements.statusIndex, revokedAt: endorsements.withdrawnAt })
    .from(endorsements)
    .where(and(eq(endorsements.statusList, listId), isNotNull(endorsements.withdrawnAt)));
  return [
    ...flagged,
    ...withdrawn.flatMap((w) =>
      w.index === null ? [] : [{ index: w.index, revokedAt: w.revokedAt }],
    ),
  ];
}

/**
 * The signed EndorsementCredentials published now of a badge class, or of an
 * issuer (the Region): embedded in what is issued next.
 */
export async function publishedEndorsementDocuments(
  q: Queryable,
  of: { badgeClassId: string } | { issuerId: string },
) {
  const rows = await q
    .select({ document: endorsements.document })
    .from(endorsements)
    .where(
      and(
        "badgeClassId" in of
          ? eq(endorsements.badgeClassId, of.badgeClassId)
          : and(eq(endorsements.target, "issuer"), eq(endorsements.subjectOrgId, of.issuerId)),
        eq(endorsements.state, "published"),
      ),
    )
    .orderBy(asc(endorsements.publishedAt));
  return rows.flatMap((r) => (r.document ? [r.document] : []));
}
