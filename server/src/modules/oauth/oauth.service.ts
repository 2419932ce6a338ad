import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { safeEqual } from "../../lib/tokens";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { authorize, type Caller } from "../policy/policy";
import { oauthProvider } from "./oauth.provider";
import { destroyOauthGrant, findOauthModel, grantsOfAccount } from "./oauth.repo";
import { ALL_SCOPES } from "./oauth.scopes";

const known = (scope: unknown) =>
  String(scope ?? "")
    .split(" ")
    .filter((s) => ALL_SCOPES.includes(s));

async function clientInfo(ctx: AppContext, clientId: string) {
  const client = await oauthProvider(ctx).Client.find(clientId);
  return {
    id: clientId,
    name: client?.clientName ?? clientId,
    uri: typeof client?.clientUri === "string" ? client.clientUri : null,
  };
}

/**
 * The interaction, when it is live and this browser started it (its binding
 * cookie, `bound`, names it); otherwise "not found", as for an unknown one.
 */
async function liveInteraction(ctx: AppContext, uid: string, bound: string | undefined) {
  if (!bound || !safeEqual(bound, uid)) throw new AppError("NOT_FOUND");
  const interaction = await oauthProvider(ctx).Interaction.find(uid);
  if (!interaction || interaction.result) throw new AppError("NOT_FOUND");
  return interaction;
}

/** What the consent screen shows: which application asks, for which rights. */
export async function consentRequest(
  ctx: AppContext,
  { caller, uid, bound }: { caller: Caller; uid: string; bound: string | undefined },
) {
  authorize(caller.principal, "oauth.consent");
  const interaction = await liveInteraction(ctx, uid, bound);
  return {
    client: await clientInfo(ctx, String(interaction.params.client_id)),
    scopes: known(interaction.params.scope),
    redirectUri: String(interaction.params.redirect_uri ?? ""),
  };
}

/**
 * The person allows (a grant of the scopes asked, for their account) or
 * refuses; oidc-provider resumes the authorization where the browser goes next.
 */
export async function decideConsent(
  ctx: AppContext,
  {
    caller,
    uid,
    bound,
    allow,
  }: { caller: Caller; uid: string; bound: string | undefined; allow: boolean },
) {
  authorize(caller.principal, "oauth.consent");
  const provider = oauthProvider(ctx);
  const interaction = await liveInteraction(ctx, uid, bound);
  const clientId = String(interaction.params.client_id);
  const scopes = known(interaction.params.scope);
  let grantId: string | undefined;
  if (allow) {
    // The grant the person already gave this client grows rather than doubles.
    const existing = interaction.grantId
      ? await provider.Grant.find(interaction.grantId)
      : undefined;
    const grant =
      existing?.accountId === caller.user.id
        ? existing
        : new provider.Grant({ accountId: caller.user.id, clientId });
    if (scopes.length) grant.addOIDCScope(scopes.join(" "));
    grantId = await grant.save();
    interaction.result = { login: { accountId: caller.user.id }, consent: { grantId } };
  } else {
    interaction.result = {
      error: "access_denied",
      error_description: "The person refused the request.",
    };
  }
  await interaction.save(Math.max(interaction.exp - Math.floor(Date.now() / 1000), 1));
  await appendAudit(ctx.db, {
    actor: actorOf(caller.user),
    action: allow ? "oauth.allowed" : "oauth.refused",
    targetType: "oauth_client",
    targetId: clientId,
    data: { scopes, ...(grantId ? { grantId } : {}) },
  });
  return { redirectTo: interaction.returnTo };
}

/** The applications a person allowed, with what each may do. */
export async function allowedClients(ctx: AppContext, { caller }: { caller: Caller }) {
  authorize(caller.principal, "oauth.grants.manage", { holder: caller.user.id });
  const grants = await grantsOfAccount(ctx.db, caller.user.id);
  return Promise.all(
    grants.map(async (g) => ({
      id: g.id,
      client: await clientInfo(ctx, g.clientId ?? ""),
      scopes: known((g.payload.openid as { scope?: string } | undefined)?.scope),
      allowedAt: g.createdAt.toISOString(),
    })),
  );
}

/** The person withdraws a client's access: the grant and every token it gave go at once. */
export async function revokeClient(
  ctx: AppContext,
  { caller, grantId }: { caller: Caller; grantId: string },
) {
  const grant = await findOauthModel(ctx.db, { kind: "Grant", id: grantId });
  authorize(
    caller.principal,
    "oauth.grants.manage",
    { holder: grant?.accountId ?? undefined },
    "oauth.grants.manage",
  );
  if (!grant) throw new AppError("NOT_FOUND");
  await ctx.db.transaction(async (tx) => {
    await destroyOauthGrant(tx, grantId);
    await appendAudit(tx, {
      actor: actorOf(caller.user),
      action: "oauth.revoked",
      targetType: "oauth_client",
      targetId: grant.clientId ?? grantId,
      data: { grantId },
    });
  });
}
