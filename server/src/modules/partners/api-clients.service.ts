import { and, desc, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../../context";
import { apiClients, organisations } from "../../db/schema";
import { AppError } from "../../errors";
import { hashToken, newToken } from "../../lib/tokens";
import { appendAudit } from "../audit/audit.repo";
import type { UserRow } from "../auth/auth.repo";
import { actorOf, loadOrganisationFor } from "../organisations/organisations.service";
import type { Principal } from "../policy/policy";

/** Secrets start with this, so that scanners (and people) recognise a leaked one. */
export const SECRET_PREFIX = "blason_sk_";

const loadPartner = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(
    ctx,
    principal,
    organisationId,
    "partner.apiClients.manage",
    "partner",
    "REGISTRATION_NOT_PARTNER",
  );

const view = (row: typeof apiClients.$inferSelect) => ({
  id: row.id,
  name: row.name,
  prefix: row.secretPrefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** A new key for a partner's system: the secret is in this answer and nowhere else, ever. */
export async function createApiClient(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  organisationId: string,
  name: string,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  const secret = `${SECRET_PREFIX}${newToken()}`;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiClients)
      .values({
        organisationId: org.id,
        name,
        secretHash: hashToken(secret),
        secretPrefix: secret.slice(0, SECRET_PREFIX.length + 6),
        createdBy: user.id,
      })
      .returning();
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "api_client.created",
      targetType: "api_client",
      targetId: created!.id,
      data: { organisation: org.name, name },
    });
    return created!;
  });
  return { ...view(row), secret };
}

export async function listApiClients(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  const rows = await ctx.db
    .select()
    .from(apiClients)
    .where(eq(apiClients.organisationId, org.id))
    .orderBy(desc(apiClients.createdAt));
  return rows.map(view);
}

export async function revokeApiClient(
  ctx: AppContext,
  principal: Principal,
  user: UserRow,
  organisationId: string,
  id: string,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  await ctx.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiClients)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiClients.id, id),
          eq(apiClients.organisationId, org.id),
          isNull(apiClients.revokedAt),
        ),
      )
      .returning();
    if (!revoked) throw new AppError("NOT_FOUND");
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "api_client.revoked",
      targetType: "api_client",
      targetId: id,
      data: { organisation: org.name, name: revoked.name },
    });
  });
}

/**
 * The partner system behind an `Authorization: Bearer <secret>` header, or a
 * 401 that says no more than that the key is not valid.
 */
export async function authenticateApiClient(ctx: AppContext, header: string | undefined) {
  const secret = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!secret?.startsWith(SECRET_PREFIX)) throw new AppError("API_CLIENT_INVALID");
  const [found] = await ctx.db
    .select({ client: apiClients, org: organisations })
    .from(apiClients)
    .innerJoin(organisations, eq(organisations.id, apiClients.organisationId))
    .where(and(eq(apiClients.secretHash, hashToken(secret)), isNull(apiClients.revokedAt)));
  if (!found) throw new AppError("API_CLIENT_INVALID");
  // "Last used" is for people telling their keys apart: to the minute is
  // enough, and a system pushing thousands of badges writes it once a minute.
  const now = Date.now();
  if (!found.client.lastUsedAt || now - found.client.lastUsedAt.getTime() > 60_000)
    await ctx.db
      .update(apiClients)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiClients.id, found.client.id));
  return found;
}
