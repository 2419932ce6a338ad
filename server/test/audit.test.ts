import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../src/db/schema";
import { auditKeysFrom } from "../src/modules/audit/audit.keys";
import { appendAudit, verifyAuditChain } from "../src/modules/audit/audit.repo";
import { cliOn } from "./support/cli";
import { createTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
/** Rows the platform wrote at start (the catalogue), before this file's own. */
let base = 0;
beforeAll(async () => {
  platform = await createTestPlatform();
  base = await platform.ctx.db.$count(auditLog);
  for (let i = 1; i <= 5; i++)
    await platform.ctx.db.transaction((tx) =>
      appendAudit(tx, {
        actor: { kind: "system", label: "test" },
        action: "organisation.updated",
        targetType: "organisation",
        targetId: `org-${i}`,
        data: { name: `Nom ${i}`, nested: { b: 2, a: 1 } },
      }),
    );
});
afterAll(() => platform?.close());
const keys = () => auditKeysFrom(platform.config.masterKey);

const cliAuditVerify = () => cliOn(platform, "audit", "verify");

describe("audit log", () => {
  it("chains every row to the previous one", async () => {
    expect(await verifyAuditChain(platform.ctx.db, keys())).toMatchObject({
      ok: true,
      checked: base + 5,
    });
  });

  it("a change that rolls back leaves no audit row", async () => {
    await expect(
      platform.ctx.db.transaction(async (tx) => {
        await appendAudit(tx, {
          actor: { kind: "system", label: "test" },
          action: "x",
          targetType: "y",
        });
        throw new Error("the change itself failed");
      }),
    ).rejects.toThrow("the change itself failed");
    expect(await platform.ctx.db.$count(auditLog)).toBe(base + 5);
  });

  it("the database refuses to update or delete a row", async () => {
    await expect(
      platform.ctx.db.execute(sql`update audit_log set action = 'forged' where seq = ${base + 2}`),
    ).rejects.toThrow();
    await expect(
      platform.ctx.db.execute(sql`delete from audit_log where seq = ${base + 2}`),
    ).rejects.toThrow();
  });

  it("the check command passes on an intact chain", async () => {
    const result = await cliAuditVerify();
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Journal d'audit intègre : ${base + 5} entrées vérifiées`);
  });

  it("detects an edited row even when the triggers were bypassed", async () => {
    await platform.ctx.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await platform.ctx.db.execute(
      sql`update audit_log set data = '{"name":"Nom falsifié"}' where seq = ${base + 3}`,
    );
    expect(await verifyAuditChain(platform.ctx.db, keys())).toMatchObject({
      ok: false,
      brokenAt: base + 3,
      reason: { kind: "hash_mismatch" },
    });
    const result = await cliAuditVerify();
    expect(result.code).toBe(1);
    expect(result.err).toContain(`ALTÉRÉ à l'entrée ${base + 3}`);
  });

  it("detects a deleted row", async () => {
    await platform.ctx.db.execute(sql`delete from audit_log where seq = ${base + 4}`);
    expect(await verifyAuditChain(platform.ctx.db, keys())).toMatchObject({
      ok: false,
      brokenAt: base + 3,
    });
    await platform.ctx.db.execute(
      sql`update audit_log set data = '{"name":"Nom 3","nested":{"a":1,"b":2}}' where seq = ${base + 3}`,
    );
    expect(await verifyAuditChain(platform.ctx.db, keys())).toMatchObject({
      ok: false,
      brokenAt: base + 4,
      reason: { kind: "row_missing" },
    });
  });
});
