import { createHmac, hkdfSync } from "node:crypto";
import { stableStringify } from "../../lib/stable-json";

/**
 * The audit log's two keys, derived from MASTER_KEY with HKDF-SHA256 and a
 * purpose label each: one keys the chain's hashes (HMAC), the other signs the
 * checkpoint of its head. Neither is stored; whoever lacks MASTER_KEY can
 * neither extend the chain nor sign a checkpoint.
 */
export type AuditKeys = { chain: Buffer; checkpoint: Buffer };

const derive = (masterKey: Buffer, purpose: string) =>
  Buffer.from(hkdfSync("sha256", masterKey, "blason audit log", purpose, 32));

export function auditKeysFrom(masterKey: Buffer): AuditKeys {
  return {
    chain: derive(masterKey, "blason/audit/chain-hmac/v1"),
    checkpoint: derive(masterKey, "blason/audit/checkpoint-hmac/v1"),
  };
}

export const hmacHex = (key: Buffer, text: string) =>
  createHmac("sha256", key).update(text).digest("hex");

/** What a checkpoint says: the chain has `count` rows, ends at `head`, and is keyed from `keyedFrom`. */
export type CheckpointFields = { count: number; head: string; keyedFrom: number };

export const signCheckpoint = (keys: AuditKeys, c: CheckpointFields) =>
  hmacHex(
    keys.checkpoint,
    stableStringify({ count: c.count, head: c.head, keyedFrom: c.keyedFrom }),
  );

/**
 * The keys appendAudit uses. A process serves one MASTER_KEY: openPlatform
 * sets them before anything is written (appendAudit runs inside callers'
 * transactions, which carry no context).
 */
let current: AuditKeys | null = null;

export function useAuditKeys(masterKey: Buffer): AuditKeys {
  current = auditKeysFrom(masterKey);
  return current;
}

export function currentAuditKeys(): AuditKeys {
  if (!current) throw new Error("audit keys not set: openPlatform sets them from MASTER_KEY");
  return current;
}
