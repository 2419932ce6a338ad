import { asc, desc, gt, lt, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { auditLog } from "../../db/schema";
import { stableStringify } from "../../lib/stable-json";
import { sha256Hex } from "../../lib/tokens";

export type Actor = { kind: "user"; id: string; label: string } | { kind: "system"; label: string };

export type AuditInput = {
  actor: Actor;
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
};

export const GENESIS_HASH = "0".repeat(64);
/** Serialises writers of the chain; any constant shared by every instance works. */
const AUDIT_LOCK_KEY = 7_220_001;

type HashedFields = {
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  data: Record<string, unknown>;
};

export function hashAuditRow(prevHash: string, row: HashedFields): string {
  return sha256Hex(
    `${prevHash}\n${stableStringify({
      seq: row.seq,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorLabel: row.actorLabel,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      data: row.data,
    })}`,
  );
}

/**
 * Appends one row to the chain. Call it inside the transaction that makes the
 * change it records, so that both land or neither does.
 */
export async function appendAudit(tx: Queryable, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const row: HashedFields = {
    seq: (last?.seq ?? 0) + 1,
    // Millisecond precision round-trips exactly through timestamptz.
    at: new Date(),
    actorId: input.actor.kind === "user" ? input.actor.id : null,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    data: JSON.parse(JSON.stringify(input.data ?? {})),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...row, prevHash, hash: hashAuditRow(prevHash, row) });
}

export type ChainCheck =
  | { ok: true; checked: number; head: string }
  | { ok: false; checked: number; brokenAt: number; reason: string };

/** Walks the whole chain in order and recomputes every hash. */
export async function verifyAuditChain(db: Db, pageSize = 1000): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return {
          ok: false,
          checked,
          brokenAt: expectedSeq,
          reason: `row ${expectedSeq} is missing`,
        };
      if (row.prevHash !== prevHash)
        return { ok: false, checked, brokenAt: row.seq, reason: "previous hash does not match" };
      if (hashAuditRow(prevHash, row) !== row.hash)
        return {
          ok: false,
          checked,
          brokenAt: row.seq,
          reason: "row content does not match its hash",
        };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked, head: prevHash };
  }
}

export async function listAudit(db: Db, options: { limit: number; before?: number }) {
  return db
    .select()
    .from(auditLog)
    .where(options.before ? lt(auditLog.seq, options.before) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(options.limit);
}
