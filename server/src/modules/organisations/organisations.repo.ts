import { and, asc, eq, gt, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { invitations, type MemberRole, memberships, organisations, users } from "../../db/schema";
import { hashToken, newToken } from "../../lib/tokens";

export type OrganisationRow = typeof organisations.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function findOrganisation(q: Queryable, id: string) {
  const [row] = await q.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findOrganisationBySlug(q: Queryable, slug: string) {
  const [row] = await q.select().from(organisations).where(eq(organisations.slug, slug));
  return row;
}

export async function listOrganisations(
  q: Queryable,
  filter: { kind?: string | undefined; q?: string | undefined; visibleTo?: string[] | undefined },
) {
  const conditions = [
    filter.kind ? eq(organisations.kind, filter.kind) : undefined,
    filter.q ? ilike(organisations.name, `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    filter.visibleTo
      ? filter.visibleTo.length === 0
        ? sql`false`
        : or(
            inArray(organisations.id, filter.visibleTo),
            inArray(organisations.parentId, filter.visibleTo),
          )
      : undefined,
  ];
  return q
    .select()
    .from(organisations)
    .where(and(...conditions))
    .orderBy(asc(organisations.name))
    .limit(500);
}

export async function listChildren(q: Queryable, parentId: string) {
  return q
    .select()
    .from(organisations)
    .where(eq(organisations.parentId, parentId))
    .orderBy(asc(organisations.name));
}

export async function slugTaken(q: Queryable, slug: string) {
  return !!(await findOrganisationBySlug(q, slug));
}

export async function insertOrganisation(q: Queryable, values: typeof organisations.$inferInsert) {
  const [row] = await q.insert(organisations).values(values).returning();
  return row!;
}

export async function updateOrganisationRow(
  q: Queryable,
  id: string,
  values: Partial<typeof organisations.$inferInsert>,
) {
  const [row] = await q
    .update(organisations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  return row;
}

export async function listMembers(q: Queryable, organisationId: string) {
  return q
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
}

export async function findMembership(q: Queryable, organisationId: string, userId: string) {
  const [row] = await q
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return row;
}

export async function upsertMembership(
  q: Queryable,
  organisationId: string,
  userId: string,
  role: MemberRole,
) {
  await q
    .insert(memberships)
    .values({ organisationId, userId, role })
    .onConflictDoUpdate({
      target: [memberships.organisationId, memberships.userId],
      set: { role },
    });
}

export async function setMemberRole(
  q: Queryable,
  organisationId: string,
  userId: string,
  role: MemberRole,
) {
  await q
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function deleteMembership(q: Queryable, organisationId: string, userId: string) {
  await q
    .delete(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function countAdmins(q: Queryable, organisationId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "admin")));
  return row?.n ?? 0;
}

export async function insertInvitation(
  q: Queryable,
  values: Omit<typeof invitations.$inferInsert, "tokenHash" | "expiresAt"> & { days: number },
): Promise<{ token: string; invitation: InvitationRow }> {
  const token = newToken();
  const { days, ...rest } = values;
  const [invitation] = await q
    .insert(invitations)
    .values({
      ...rest,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + days * 86_400_000),
    })
    .returning();
  return { token, invitation: invitation! };
}

export async function revokePendingInvitations(
  q: Queryable,
  organisationId: string,
  email: string,
) {
  await q
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

export async function listPendingInvitations(q: Queryable, organisationId: string) {
  return q
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

export async function revokeInvitation(q: Queryable, organisationId: string, id: string) {
  const [row] = await q
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  return row;
}

export async function findLiveInvitation(q: Queryable, token: string) {
  const [row] = await q
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row;
}

/** Marks the invitation used; false when someone else used it first. */
export async function markInvitationAccepted(q: Queryable, id: string) {
  const rows = await q
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(
      and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}
