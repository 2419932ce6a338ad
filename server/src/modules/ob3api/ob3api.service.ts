import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { actorOf } from "../audit/actor";
import { appendAudit } from "../audit/audit.repo";
import { type UserRow, updateUser } from "../auth/auth.repo";
import { receivePartnerBadge } from "../competences/ingestion.service";
import { heldCredentials } from "../competences/passport.service";
import { type StoredCredential, storedOf } from "./ob3api.present";
import { verifiedSourcesOf } from "./ob3api.repo";

/**
 * Every credential a person holds, for the API: those Blason issued to them
 * (not declined) and those they stored from elsewhere, byte for byte.
 */
export async function personCredentials(
  ctx: AppContext,
  { user, limit, offset }: { user: UserRow; limit: number; offset: number },
): Promise<{ total: number; items: StoredCredential[] }> {
  const issued = (await heldCredentials(ctx, user.id))
    .filter(({ credential }) => credential.claimState !== "declined")
    .map(
      ({ credential }): StoredCredential => ({
        kind: "json",
        text: JSON.stringify(credential.document),
      }),
    );
  const stored = (await verifiedSourcesOf(ctx.db, user.id)).map((row) =>
    storedOf(row.source ?? ""),
  );
  const all = [...issued, ...stored];
  return { total: all.length, items: all.slice(offset, offset + limit) };
}

/**
 * A person stores a badge they hold from elsewhere (OB 3.0 upsert): verified on
 * the way in (refused unverified, nothing written), kept once per issuer and id,
 * and given back as it was sent.
 */
export async function upsertPersonCredential(
  ctx: AppContext,
  { user, badge, source }: { user: UserRow; badge: unknown; source: string },
) {
  if (!user.emailVerifiedAt) throw new AppError("EMAIL_NOT_VERIFIED");
  const now = new Date();
  const { row } = await receivePartnerBadge(ctx, {
    channel: "upload",
    email: user.email,
    badge,
    source,
    requireVerified: true,
    now,
  });
  // The upsert keeps the first reception's time (the database's, after `now`): a
  // replaced badge was received before this request began.
  const created = row.receivedAt.getTime() >= now.getTime();
  return { created, stored: storedOf(source) };
}

/** The person as an OB 3.0 Profile. */
export function personProfile(user: Pick<UserRow, "id" | "name" | "email">) {
  return {
    id: `urn:uuid:${user.id}`,
    type: ["Profile"],
    name: user.name,
    email: user.email,
  };
}

/** PUT /profile: what a person may change of themselves here is their name. */
export async function updatePersonProfile(
  ctx: AppContext,
  { user, name }: { user: UserRow; name: string },
) {
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateUser(tx, user.id, { name });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: "account.updated",
      targetType: "user",
      targetId: user.id,
      data: { name, through: "ob3-api" },
    });
    return row;
  });
  return personProfile(updated ?? user);
}
