import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import type { CredentialRow } from "../credentials/credentials.repo";
import { activeIssuerKey } from "../credentials/issuer.service";
import { findOrganisation } from "../organisations/organisations.repo";

/**
 * The badge bound to a wallet: the same OB 3.0 credential (same id, same
 * status entry, so revoking the original revokes the copy) whose
 * `credentialSubject.id` is the wallet's DID, signed again by the same issuer
 * in the worker threads.
 */
export async function holderBoundCopy(
  ctx: AppContext,
  credential: CredentialRow,
  holderDid: string,
): Promise<Record<string, unknown>> {
  const issuer = await findOrganisation(ctx.db, credential.issuerId);
  if (!issuer) throw new AppError("NOT_FOUND");
  const key = await activeIssuerKey(ctx, issuer);
  const { proof: _proof, ...unsigned } = credential.document;
  const { id: _id, ...subject } = unsigned.credentialSubject as Record<string, unknown>;
  const bound = { ...unsigned, credentialSubject: { id: holderDid, ...subject } };
  return (await ctx.workers.sign(bound, { key, date: new Date() })) as Record<string, unknown>;
}
