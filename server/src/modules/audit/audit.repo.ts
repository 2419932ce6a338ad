import { asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { auditCheckpoint, auditLog, badgeClasses, organisations } from "../../db/schema";
import { stableStringify } from "../../lib/stable-json";
import { safeEqual, sha256Hex } from "../../lib/tokens";
import {
  type AuditKeys,
  type CheckpointFields,
  currentAuditKeys,
  hmacHex,
  signCheckpoint,
} from "./audit.keys";

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

function rowText(prevHash: string, row: HashedFields): string {
  return `${prevHash}\n${stableStringify({
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    data: row.data,
  })}`;
}

/** Rows written before the chain was keyed: plain SHA-256, which anyone can recompute. */
export const legacyRowHash = (prevHash: string, row: HashedFields) =>
  sha256Hex(rowText(prevHash, row));

/** Every row since: an HMAC under a key derived from MASTER_KEY. */
export const keyedRowHash = (keys: AuditKeys, prevHash: string, row: HashedFields) =>
  hmacHex(keys.chain, rowText(prevHash, row));

type Checkpoint = typeof auditCheckpoint.$inferSelect;

const readCheckpoint = async (q: Queryable): Promise<Checkpoint | undefined> =>
  (await q.select().from(auditCheckpoint).where(eq(auditCheckpoint.id, 1)))[0];

async function writeCheckpoint(q: Queryable, keys: AuditKeys, fields: CheckpointFields) {
  const values = { ...fields, signature: signCheckpoint(keys, fields), at: new Date() };
  await q
    .insert(auditCheckpoint)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: auditCheckpoint.id, set: values });
}

const lastRow = async (q: Queryable) =>
  (
    await q
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1)
  )[0];

/** The audit log cannot be trusted as it stands: the platform refuses to write to it. */
export class AuditChainError extends Error {}

const checkpointOf = (last: { seq: number; hash: string } | undefined) => ({
  count: last?.seq ?? 0,
  head: last?.hash ?? GENESIS_HASH,
});

/**
 * Run at start, before anything is written. A new database (nothing in it
 * yet) gets its first signed checkpoint, keyed from row 1. A chain without
 * one (written before the chain was keyed) is sealed only in demo mode;
 * production asks the operator to run `audit seal` once, after checking it,
 * because a checkpoint that went missing must not be recreated in silence.
 */
export async function startAuditChain(
  db: Db,
  keys: AuditKeys,
  options: { sealLegacy: boolean },
): Promise<void> {
  const state = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const checkpoint = await readCheckpoint(tx);
    if (checkpoint)
      return safeEqual(checkpoint.signature, signCheckpoint(keys, checkpoint)) ? "ok" : "forged";
    const last = await lastRow(tx);
    const used =
      (await tx.select({ id: organisations.id }).from(organisations).limit(1)).length > 0 ||
      (await tx.select({ id: badgeClasses.id }).from(badgeClasses).limit(1)).length > 0;
    if (last || used) return "unsealed";
    await writeCheckpoint(tx, keys, { ...checkpointOf(last), keyedFrom: 1 });
    return "ok";
  });
  if (state === "forged")
    throw new AuditChainError(
      "Le point de contrôle du journal d'audit n'est pas signé par la clé maîtresse : lancez `npm run blason -- audit verify`. / The audit checkpoint's signature does not match MASTER_KEY: run `npm run blason -- audit verify`.",
    );
  if (state === "unsealed" && !(options.sealLegacy && (await sealAuditChain(db, keys)).ok))
    throw new AuditChainError(
      "Le journal d'audit n'a pas de point de contrôle signé : vérifiez-le puis lancez `npm run blason -- audit seal` (une fois, après la mise à jour). / The audit log has no signed checkpoint: check it, then run `npm run blason -- audit seal` (once, after the upgrade).",
    );
}

export type SealResult =
  | { ok: true; legacy: number }
  | { ok: false; reason: "already_sealed" }
  | { ok: false; reason: "broken"; brokenAt: number; break: ChainBreak };

/**
 * The migration path of a chain written before it was keyed: its rows are
 * checked with SHA-256 and, if intact, sealed by a signed checkpoint; every
 * later row is keyed and chained to their head. Refused once a checkpoint
 * exists.
 */
export async function sealAuditChain(db: Db, keys: AuditKeys): Promise<SealResult> {
  return db.transaction(async (tx): Promise<SealResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    if (await readCheckpoint(tx)) return { ok: false, reason: "already_sealed" };
    const walked = await walkChain(tx, keys, Number.POSITIVE_INFINITY);
    if (!walked.ok)
      return { ok: false, reason: "broken", brokenAt: walked.brokenAt, break: walked.reason };
    await writeCheckpoint(tx, keys, {
      count: walked.checked,
      head: walked.head,
      keyedFrom: walked.checked + 1,
    });
    return { ok: true, legacy: walked.checked };
  });
}

/**
 * Appends one row to the chain and moves the checkpoint to it. Call it inside
 * the transaction that makes the change it records, so that all land or
 * none does. A chain whose end is not the signed checkpoint's is not
 * extended (that would sign over what was done to it).
 */
export async function appendAudit(tx: Queryable, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const keys = currentAuditKeys();
  const checkpoint = await readCheckpoint(tx);
  const last = await lastRow(tx);
  const end = checkpointOf(last);
  if (
    !checkpoint ||
    !safeEqual(checkpoint.signature, signCheckpoint(keys, checkpoint)) ||
    checkpoint.count !== end.count ||
    checkpoint.head !== end.head
  )
    throw new AuditChainError("audit log altered: its end is not the signed checkpoint's");
  const row: HashedFields = {
    seq: end.count + 1,
    // Millisecond precision round-trips exactly through timestamptz.
    at: new Date(),
    actorId: input.actor.kind === "user" ? input.actor.id : null,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    data: JSON.parse(JSON.stringify(input.data ?? {})),
  };
  const hash = keyedRowHash(keys, end.head, row);
  await tx.insert(auditLog).values({ ...row, prevHash: end.head, hash });
  await writeCheckpoint(tx, keys, { count: row.seq, head: hash, keyedFrom: checkpoint.keyedFrom });
}

export type ChainBreak =
  | { kind: "row_missing" }
  | { kind: "prev_hash_mismatch" }
  | { kind: "hash_mismatch" }
  | { kind: "checkpoint_missing" }
  | { kind: "checkpoint_signature" }
  | { kind: "count_mismatch"; found: number; expected: number }
  | { kind: "head_mismatch" };

export type ChainCheck =
  | { ok: true; checked: number; head: string; legacy: number }
  | { ok: false; checked: number; brokenAt: number | null; reason: ChainBreak };

type Walked =
  | { ok: true; checked: number; head: string }
  | { ok: false; checked: number; brokenAt: number; reason: ChainBreak };

/** Walks the chain in order and recomputes every hash: SHA-256 before `keyedFrom`, the HMAC from there. */
async function walkChain(
  q: Queryable,
  keys: AuditKeys,
  keyedFrom: number,
  pageSize = 1000,
): Promise<Walked> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const broken = (brokenAt: number, reason: ChainBreak): Walked => ({
    ok: false,
    checked,
    brokenAt,
    reason,
  });
  for (;;) {
    const rows = await q
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, { kind: "row_missing" });
      if (row.prevHash !== prevHash) return broken(row.seq, { kind: "prev_hash_mismatch" });
      const expected =
        row.seq < keyedFrom ? legacyRowHash(prevHash, row) : keyedRowHash(keys, prevHash, row);
      if (!safeEqual(expected, row.hash)) return broken(row.seq, { kind: "hash_mismatch" });
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked, head: prevHash };
  }
}

/**
 * Checks the checkpoint's signature, walks the whole chain, then compares its
 * length and head with the checkpoint: rows removed at the end, a truncated
 * table, a chain recomputed without the key all fail.
 */
export async function verifyAuditChain(
  db: Db,
  keys: AuditKeys,
  pageSize = 1000,
): Promise<ChainCheck> {
  const checkpoint = await readCheckpoint(db);
  // Without a trusted checkpoint nothing says where the keyed rows begin: no row is worth checking.
  if (!checkpoint)
    return { ok: false, checked: 0, brokenAt: null, reason: { kind: "checkpoint_missing" } };
  if (!safeEqual(checkpoint.signature, signCheckpoint(keys, checkpoint)))
    return { ok: false, checked: 0, brokenAt: null, reason: { kind: "checkpoint_signature" } };
  const walked = await walkChain(db, keys, checkpoint.keyedFrom, pageSize);
  if (!walked.ok) return walked;
  const { checked, head } = walked;
  const broken = (brokenAt: number, reason: ChainBreak): ChainCheck => ({
    ok: false,
    checked,
    brokenAt,
    reason,
  });
  if (checked !== checkpoint.count)
    return broken(Math.min(checked, checkpoint.count) + 1, {
      kind: "count_mismatch",
      found: checked,
      expected: checkpoint.count,
    });
  if (head !== checkpoint.head) return broken(checked, { kind: "head_mismatch" });
  return { ok: true, checked, head, legacy: Math.min(checkpoint.keyedFrom - 1, checked) };
}

/** What `audit verify` says about a broken chain, in French and in English. */
export function describeChainBreak(reason: ChainBreak): { fr: string; en: string } {
  switch (reason.kind) {
    case "row_missing":
      return { fr: "l'entrée manque", en: "the entry is missing" };
    case "prev_hash_mismatch":
      return {
        fr: "elle ne suit pas l'entrée précédente",
        en: "previous hash does not match",
      };
    case "hash_mismatch":
      return {
        fr: "son contenu ne correspond pas à son empreinte",
        en: "row content does not match its hash",
      };
    case "checkpoint_missing":
      return {
        fr: "le point de contrôle signé a disparu",
        en: "the signed checkpoint is missing",
      };
    case "checkpoint_signature":
      return {
        fr: "la signature du point de contrôle ne correspond pas",
        en: "the checkpoint's signature does not match",
      };
    case "count_mismatch":
      return {
        fr: `le journal compte ${reason.found} entrées au lieu de ${reason.expected} (point de contrôle signé)`,
        en: `the log holds ${reason.found} entries instead of ${reason.expected} (signed checkpoint)`,
      };
    case "head_mismatch":
      return {
        fr: "la dernière entrée n'est pas celle du point de contrôle signé",
        en: "the last entry is not the signed checkpoint's",
      };
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
