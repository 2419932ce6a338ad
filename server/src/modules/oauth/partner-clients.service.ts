import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { newToken } from "../../lib/tokens";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { findOrganisation } from "../organisations/organisations.repo";
import { loadOrganisationFor } from "../organisations/organisations.service";
import type { Caller } from "../policy/policy";
import { OAUTH_PREFIX, oauthProvider } from "./oauth.provider";
import {
  clientsOfOrganisation,
  destroyOauthClient,
  findOauthModel,
  insertBoundClient,
} from "./oauth.repo";
import { PARTNER_PUSH_SCOPE } from "./oauth.scopes";

const loadPartner = (ctx: AppContext, caller: Caller, organisationId: string) =>
  loadOrganisationFor(ctx, {
    principal: caller.principal,
    id: organisationId,
    action: "partner.apiClients.manage",
    kind: "partner",
    wrongKind: "REGISTRATION_NOT_PARTNER",
  });

/**
 * An OAuth 2.0 client for a partner's system (client-credentials grant, the
 * push scope only), bound to the organisation: its tokens push that
 * organisation's badges to POST /api/partner-badges, as an API key does. The
 * secret is in this answer only.
 */
export async function createPartnerOauthClient(
  ctx: AppContext,
  { caller, organisationId, name }: { caller: Caller; organisationId: string; name: string },
) {
  const org = await loadPartner(ctx, caller, organisationId);
  const clientId = `partner-${newToken().slice(0, 22)}`;
  const clientSecret = newToken();
  await ctx.db.transaction(async (tx) => {
    await insertBoundClient(tx, {
      id: clientId,
      organisationId: org.id,
      payload: {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: name,
        client_id_issued_at: Math.floor(Date.now() / 1000),
        grant_types: ["client_credentials"],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: "client_secret_basic",
        scope: PARTNER_PUSH_SCOPE,
      },
    });
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "oauth_client.created",
      targetType: "oauth_client",
      targetId: clientId,
      data: { organisation: org.name, name },
    });
  });
  return {
    clientId,
    clientSecret,
    name,
    tokenUrl: `${ctx.config.publicUrl}${OAUTH_PREFIX}/token`,
    scope: PARTNER_PUSH_SCOPE,
  };
}

/** The clients an organisation's admins registered (never their secrets). */
export async function listPartnerOauthClients(
  ctx: AppContext,
  { caller, organisationId }: { caller: Caller; organisationId: string },
) {
  const org = await loadPartner(ctx, caller, organisationId);
  return (await clientsOfOrganisation(ctx.db, org.id)).map((row) => ({
    clientId: row.id,
    name: String(row.payload.client_name ?? row.id),
    createdAt: row.createdAt.toISOString(),
  }));
}

/** The organisation withdraws a client: it and its tokens go at once. */
export async function revokePartnerOauthClient(
  ctx: AppContext,
  {
    caller,
    organisationId,
    clientId,
  }: { caller: Caller; organisationId: string; clientId: string },
) {
  const org = await loadPartner(ctx, caller, organisationId);
  const row = await findOauthModel(ctx.db, { kind: "Client", id: clientId });
  if (!row || row.accountId !== org.id) throw new AppError("NOT_FOUND");
  await ctx.db.transaction(async (tx) => {
    await destroyOauthClient(tx, clientId);
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "oauth_client.revoked",
      targetType: "oauth_client",
      targetId: clientId,
      data: { organisation: org.name },
    });
  });
}

/**
 * The partner organisation behind a client-credentials access token with the
 * push scope, when its client is one Blason bound to a partner; otherwise
 * nothing (a client anyone registered speaks for no organisation).
 */
export async function partnerOfAccessToken(ctx: AppContext, value: string) {
  const token = await oauthProvider(ctx).ClientCredentials.find(value);
  if (
    !token ||
    !String(token.scope ?? "")
      .split(" ")
      .includes(PARTNER_PUSH_SCOPE)
  )
    return undefined;
  const client = await findOauthModel(ctx.db, { kind: "Client", id: token.clientId ?? "" });
  if (!client?.accountId) return undefined;
  const org = await findOrganisation(ctx.db, client.accountId);
  return org?.kind === "partner" ? org : undefined;
}
