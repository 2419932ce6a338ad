import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stableStringify } from "../src/lib/stable-json";
import { auditKeysFrom } from "../src/modules/audit/audit.keys";
import { AuditChainError, appendAudit, startAuditChain } from "../src/modules/audit/audit.repo";
import { cliOn } from "./support/cli";
import { createTestPlatform, type TestPlatform } from "./support/platform";

/**
 * An attacker with full access to the database, but not to MASTER_KEY,
 * rewrites the audit log: the database's own triggers are no obstacle to
 * them (they disable them), and the chain's algorithm is public. Whatever
 * they do, `npm run blason -- audit verify` says the log was altered.
 */
let platform: TestPlatform;
beforeEach(async () => {
  platform = await createTestPlatform();
  for (let i = 1; i <= 6; i++) await record(`Décision ${i}`);
});
afterEach(async () => platform?.close());

const record = (name: string) =>
  platform.ctx.db.transaction((tx) =>
    appendAudit(tx, {
      actor: { kind: "system", label: "test" },
      action: "application.decided",
      targetType: "application",
      targetId: name,
      data: { decision: "granted", name },
    }),
  );

const auditVerify = () => cliOn(platform, "audit", "verify");

type Row = {
  seq: string | number;
  at: string | Date;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
};

const rowsOf = async () =>
  ((await platform.ctx.db.execute(sql`select * from audit_log order by seq`)) as { rows: Row[] })
    .rows;

const lastSeq = async () => Number((await rowsOf()).at(-1)!.seq);

const bypassTriggers = async () => {
  await platform.ctx.db.execute(sql`alter table audit_log disable trigger user`);
  await platform.ctx.db.execute(sql`alter table audit_checkpoint disable trigger user`);
};

/** The chain's public algorithm: SHA-256 over the previous hash and the row's fields. */
const publicHash = (prevHash: string, row: Row) =>
  createHash("sha256")
    .update(
      `${prevHash}\n${stableStringify({
        seq: Number(row.seq),
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        actorLabel: row.actor_label,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        data: row.data,
      })}`,
    )
    .digest("hex");

/**
 * Rewrites the hashes from the first row on (up to `upTo`, or all of them and
 * then the checkpoint's head and count), as the attacker would.
 */
async function recomputeChain(upTo = Number.POSITIVE_INFINITY) {
  let prev = "0".repeat(64);
  let count = 0;
  for (const row of (await rowsOf()).filter((r) => Number(r.seq) <= upTo)) {
    const hash = publicHash(prev, row);
    await platform.ctx.db.execute(
      sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`,
    );
    prev = hash;
    count++;
  }
  if (upTo === Number.POSITIVE_INFINITY)
    await platform.ctx.db.execute(
      sql`update audit_checkpoint set head = ${prev}, count = ${count}`,
    );
}

describe("audit verify, against someone who can write to the database", () => {
  it("passes on the log as the platform wrote it", async () => {
    const result = await auditVerify();
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(`${await lastSeq()} entrées vérifiées`);
  });

  it("detects the last rows deleted", async () => {
    const last = await lastSeq();
    await bypassTriggers();
    await platform.ctx.db.execute(sql`delete from audit_log where seq > ${last - 2}`);
    const result = await auditVerify();
    expect(result.code).toBe(1);
    expect(result.err).toContain("ALTÉRÉ");
    expect(result.err).toContain(`${last - 2} entrées au lieu de ${last}`);
  });

  it("detects a row edited and the whole chain recomputed with the public SHA-256 algorithm", async () => {
    const edited = (await lastSeq()) - 3;
    await bypassTriggers();
    await platform.ctx.db.execute(
      sql`update audit_log set data = '{"decision":"refused","name":"Décision 3"}' where seq = ${edited}`,
    );
    await recomputeChain(await lastSeq());
    const rows = await auditVerify();
    expect(rows.code).toBe(1);
    expect(rows.err).toContain(
      "ALTÉRÉ à l'entrée 1 : son contenu ne correspond pas à son empreinte",
    );
    // Pointing the checkpoint at the new head needs its key too.
    await recomputeChain();
    const withCheckpoint = await auditVerify();
    expect(withCheckpoint.code).toBe(1);
    expect(withCheckpoint.err).toContain("la signature du point de contrôle ne correspond pas");
  });

  it("detects the table truncated", async () => {
    await bypassTriggers();
    await platform.ctx.db.execute(sql`truncate audit_log`);
    const result = await auditVerify();
    expect(result.code).toBe(1);
    expect(result.err).toContain("0 entrées au lieu de");
  });

  it("detects the checkpoint removed, or edited to match a shortened log", async () => {
    const last = await lastSeq();
    await bypassTriggers();
    await platform.ctx.db.execute(sql`delete from audit_log where seq > ${last - 1}`);
    const head = (await rowsOf()).at(-1)!;
    await platform.ctx.db.execute(
      sql`update audit_checkpoint set count = ${last - 1}, head = ${head.hash}`,
    );
    const edited = await auditVerify();
    expect(edited.code).toBe(1);
    expect(edited.err).toContain("point de contrôle");
    await platform.ctx.db.execute(sql`delete from audit_checkpoint`);
    const removed = await auditVerify();
    expect(removed.code).toBe(1);
    expect(removed.err).toContain("point de contrôle");
  });
});

describe("a chain written before it was keyed", () => {
  /** The log as an older Blason left it: rows chained with plain SHA-256, no checkpoint. */
  async function legacyLog(count: number) {
    await bypassTriggers();
    await platform.ctx.db.execute(sql`truncate audit_log`);
    await platform.ctx.db.execute(sql`delete from audit_checkpoint`);
    let prev = "0".repeat(64);
    for (let seq = 1; seq <= count; seq++) {
      const row: Row = {
        seq,
        at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
        actor_id: null,
        actor_label: "ancienne version",
        action: "application.decided",
        target_type: "application",
        target_id: `ancienne-${seq}`,
        data: { decision: "granted" },
        prev_hash: prev,
        hash: "",
      };
      const hash = publicHash(prev, row);
      await platform.ctx.db.execute(
        sql`insert into audit_log (seq, at, actor_id, actor_label, action, target_type, target_id, data, prev_hash, hash)
            values (${seq}, ${row.at}, null, ${row.actor_label}, ${row.action}, ${row.target_type}, ${row.target_id}, ${JSON.stringify(row.data)}::jsonb, ${prev}, ${hash})`,
      );
      prev = hash;
    }
  }

  it("production refuses to start on it; `audit seal` checks and seals it once; later rows are keyed and protect it", async () => {
    await legacyLog(3);
    const unsealed = await auditVerify();
    expect(unsealed.code).toBe(1);
    expect(unsealed.err).toContain("le point de contrôle signé a disparu");
    expect(unsealed.err).toContain("audit seal");
    await expect(
      startAuditChain(platform.ctx.db, auditKeysFrom(platform.config.masterKey), {
        sealLegacy: false,
      }),
    ).rejects.toThrow(AuditChainError);
    await expect(record("refusée sans point de contrôle")).rejects.toThrow(AuditChainError);

    const sealed = await cliOn(platform, "audit", "seal");
    expect(sealed.code, sealed.err).toBe(0);
    expect(sealed.out).toContain("3 entrées vérifiées");
    expect((await cliOn(platform, "audit", "seal")).code).toBe(2);
    await record("Décision après la mise à jour");
    await record("Autre décision");
    const verified = await auditVerify();
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toContain("5 entrées vérifiées, dont 3 antérieures à la clé");

    // The old rows are only SHA-256, but the first keyed row is chained to their head.
    await platform.ctx.db.execute(
      sql`update audit_log set data = '{"decision":"refused"}' where seq = 2`,
    );
    await recomputeChain(3);
    const rewritten = await auditVerify();
    expect(rewritten.code).toBe(1);
    expect(rewritten.err).toContain("ALTÉRÉ à l'entrée 4");
  });

  it("`audit seal` refuses a legacy chain already broken", async () => {
    await legacyLog(3);
    await platform.ctx.db.execute(sql`delete from audit_log where seq = 2`);
    const sealed = await cliOn(platform, "audit", "seal");
    expect(sealed.code).toBe(1);
    expect(sealed.err).toContain("ALTÉRÉ à l'entrée 2");
    expect(sealed.err).toContain("rien n'a été scellé");
  });
});
