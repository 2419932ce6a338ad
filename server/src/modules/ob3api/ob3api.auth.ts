import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { findUserById } from "../auth/auth.repo";
import { oauthProvider } from "../oauth/oauth.provider";
import type { Ob3Scope } from "../oauth/oauth.scopes";

/**
 * The person behind `Authorization: Bearer <access token>`, when the token is
 * live (not expired, its grant not revoked) and carries `scope`. A token acts
 * for the one account that allowed it, never another.
 */
export async function personOfToken(ctx: AppContext, header: string | undefined, scope: Ob3Scope) {
  const value = /^Bearer\s+([A-Za-z0-9._~-]{16,512})$/i.exec(header ?? "")?.[1];
  if (!value) throw new AppError("OB3_TOKEN_INVALID");
  const token = await oauthProvider(ctx).AccessToken.find(value);
  if (!token?.accountId || !token.grantId) throw new AppError("OB3_TOKEN_INVALID");
  const grant = await oauthProvider(ctx).Grant.find(token.grantId);
  if (!grant || grant.accountId !== token.accountId) throw new AppError("OB3_TOKEN_INVALID");
  if (
    !String(token.scope ?? "")
      .split(" ")
      .includes(scope)
  )
    throw new AppError("OB3_SCOPE_MISSING");
  const user = await findUserById(ctx.db, token.accountId);
  if (!user) throw new AppError("OB3_TOKEN_INVALID");
  return user;
}
