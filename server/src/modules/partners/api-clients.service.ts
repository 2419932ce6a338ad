import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { hashToken, newToken } from "../../lib/tokens";
import { appendAudit } from "../audit/audit.repo";
import type { UserRow } from "../auth/auth.repo";
import { SECRET_PREFIX } from "../competences/api-key-auth";
import { actorOf, loadOrganisationFor } from "../organisations/organisations.service";
import type { Principal } from "../policy/policy";
import {
  type ApiClientRow,
  apiClientsOf,
  insertApiClient,
  revokeLiveApiClient,
} from "./api-clients.repo";

// Pushes are authenticated where they arrive, in the competences module.

/** Who manages a partner's keys: the person signed in, and what they may do. */
type Caller = { principal: Principal; user: UserRow };

const loadPartner = (ctx: AppContext, principal: Principal, organisationId: string) =>
  loadOrganisationFor(ctx, {
    principal,
    id: organisationId,
    action: "partner.apiClients.manage",
    kind: "partner",
    wrongKind: "REGISTRATION_NOT_PARTNER",
  });

const view = (row: ApiClientRow) => ({
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
  { caller, organisationId, name }: { caller: Caller; organisationId: string; name: string },
) {
  const { user } = caller;
  const org = await loadPartner(ctx, caller.principal, organisationId);
  const secret = `${SECRET_PREFIX}${newToken()}`;
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertApiClient(tx, {
      organisationId: org.id,
      name,
      secretHash: hashToken(secret),
      secretPrefix: secret.slice(0, SECRET_PREFIX.length + 6),
      createdBy: user.id,
    });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "api_client.created",
      targetType: "api_client",
      targetId: created.id,
      data: { organisation: org.name, name },
    });
    return created;
  });
  return { ...view(row), secret };
}

export async function listApiClients(
  ctx: AppContext,
  principal: Principal,
  organisationId: string,
) {
  const org = await loadPartner(ctx, principal, organisationId);
  return (await apiClientsOf(ctx.db, org.id)).map(view);
}

export async function revokeApiClient(
  ctx: AppContext,
  { caller, organisationId, id }: { caller: Caller; organisationId: string; id: string },
) {
  const { user } = caller;
  const org = await loadPartner(ctx, caller.principal, organisationId);
  await ctx.db.transaction(async (tx) => {
    const revoked = await revokeLiveApiClient(tx, { id, organisationId: org.id, at: new Date() });
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
