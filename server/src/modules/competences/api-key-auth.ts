import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { hashToken } from "../../lib/tokens";
import { partnerOfAccessToken } from "../oauth/partner-clients.service";
import { findLiveApiClientBySecretHash, recordApiClientUse } from "./competences.repo";

/** Secrets start with this, so that scanners (and people) recognise a leaked one. */
export const SECRET_PREFIX = "blason_sk_";

/**
 * The partner system behind an `Authorization: Bearer <secret>` header (an API
 * key, or an OAuth 2.0 client-credentials access token of a client bound to
 * the partner), or a 401 that says no more than that the key is not valid.
 */
export async function authenticateApiClient(ctx: AppContext, header: string | undefined) {
  const secret = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (secret && !secret.startsWith(SECRET_PREFIX) && secret.length <= 512) {
    const org = await partnerOfAccessToken(ctx, secret);
    if (org) return { client: null, org };
  }
  if (!secret?.startsWith(SECRET_PREFIX)) throw new AppError("API_CLIENT_INVALID");
  const found = await findLiveApiClientBySecretHash(ctx.db, hashToken(secret));
  if (!found) throw new AppError("API_CLIENT_INVALID");
  // "Last used" is for people telling their keys apart: to the minute is
  // enough, and a system pushing thousands of badges writes it once a minute.
  const now = Date.now();
  if (!found.client.lastUsedAt || now - found.client.lastUsedAt.getTime() > 60_000)
    await recordApiClientUse(ctx.db, found.client.id, new Date(now));
  return found;
}
