import { createHash } from "node:crypto";
import {
  allocateIndex,
  BIT_LIST,
  buildBitstring,
  buildStatusListCredential,
  encodeBitstring,
  MESSAGE_LIST,
  randomIndex,
  STATUS_VALUES,
  type StatusListLayout,
} from "@blason/openbadges";
import type { Config } from "../../config";
import type { AppContext } from "../../context";
import type { Queryable } from "../../db/client";
import type { StatusListPurpose } from "../../db/schema";
import { AppError } from "../../errors";
import {
  findStatusListWithIssuer,
  listFlaggedPositions,
  lockNewestStatusList,
  openStatusList,
  takenStatusPositions,
} from "./credentials.repo";
import { activeIssuerKey, issuerDid } from "./issuer.service";

/**
 * How a list is laid out. The older suspension lists have one bit per badge,
 * like revocation lists; a message list has two (see MESSAGE_LIST).
 */
export const layoutOf = (purpose: StatusListPurpose): StatusListLayout =>
  purpose === "message" ? MESSAGE_LIST : { ...BIT_LIST, purpose };

/** "<slug>-<n>" (revocation), "<slug>-<n>-message", or the older "<slug>-<n>-suspension". */
export function statusListId(issuerSlug: string, number: number, purpose: StatusListPurpose) {
  return purpose === "revocation"
    ? `${issuerSlug}-${number}`
    : `${issuerSlug}-${number}-${purpose}`;
}

export const statusListUrl = (config: Config, listId: string) =>
  `${config.publicUrl}/status/${listId}`;

/** Positions tried at once before reading the whole list (when it is nearly full). */
const CANDIDATES = 16;

/**
 * A position for a new credential in the issuer's open list for `purpose`,
 * inside the caller's transaction: drawn at random among the free ones (in
 * order, they would tell who was awarded when), never one given before. The
 * list's row stays locked until the transaction ends, so two issuances never
 * draw the same position; a full list opens the next one. The caller counts
 * the position (countStatusPosition) once its credential is written.
 */
export async function allocateStatus(
  tx: Queryable,
  issuer: { id: string; slug: string },
  purpose: "revocation" | "message",
): Promise<{ listId: string; index: number }> {
  const layout = layoutOf(purpose);
  // At most: the open list, then the one it opens when full.
  for (let attempt = 0; attempt < 3; attempt++) {
    const open = await lockNewestStatusList(tx, { issuerId: issuer.id, purpose });
    if (!open || open.used >= layout.capacity) {
      const number = (open?.number ?? 0) + 1;
      await openStatusList(tx, {
        id: statusListId(issuer.slug, number, purpose),
        issuerId: issuer.id,
        purpose,
        number,
      });
      continue;
    }
    return { listId: open.id, index: await freePosition(tx, open.id, layout) };
  }
  throw new AppError("STATUS_LIST_UNAVAILABLE");
}

async function freePosition(tx: Queryable, listId: string, layout: StatusListLayout) {
  const candidates = Array.from({ length: CANDIDATES }, () => randomIndex(layout));
  const taken = await takenStatusPositions(tx, { listId, candidates });
  const free = candidates.find((c) => !taken.has(c));
  if (free !== undefined) return free;
  return allocateIndex(await takenStatusPositions(tx, { listId }), layout);
}

/** What a list says of a credential that is revoked or suspended. */
function listValue(purpose: StatusListPurpose, row: { revokedAt: Date | null }) {
  if (purpose === "message") return row.revokedAt ? STATUS_VALUES.revoked : STATUS_VALUES.suspended;
  // An older suspension entry is all such a credential carries: revoked, it stays suspended.
  if (purpose === "suspension") return 1;
  return row.revokedAt ? 1 : 0;
}

/**
 * Signed status lists, kept for a short while: signing costs a few
 * milliseconds and verifiers fetch the list for every badge they check. A
 * revocation in this process drops the cache at once; other instances catch
 * up within STATUS_CACHE_MS.
 */
export const STATUS_CACHE_MS = 30_000;
const statusCache = new Map<string, { at: number; body: string; etag: string }>();

export function forgetStatusLists() {
  statusCache.clear();
}

export async function statusListDocument(ctx: AppContext, listId: string) {
  const cached = statusCache.get(listId);
  if (cached && Date.now() - cached.at < STATUS_CACHE_MS) return cached;
  const found = await findStatusListWithIssuer(ctx.db, listId);
  if (!found) return undefined;
  const { list, issuer } = found;
  const set = await listFlaggedPositions(ctx.db, listId);
  const bits = buildBitstring(
    layoutOf(list.purpose),
    set.map((row) => ({ index: row.index, value: listValue(list.purpose, row) })),
  );
  const unsigned = buildStatusListCredential({
    id: statusListUrl(ctx.config, listId),
    issuer: issuerDid(ctx.config, issuer.slug),
    purpose: list.purpose,
    encodedList: encodeBitstring(bits),
    validFrom: new Date(),
  });
  const signed = await ctx.workers.sign(unsigned, { key: await activeIssuerKey(ctx, issuer) });
  const body = JSON.stringify(signed);
  const entry = {
    at: Date.now(),
    body,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
  };
  statusCache.set(listId, entry);
  return entry;
}
