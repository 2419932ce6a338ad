import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase } from "../src/db/client";

describe("embedded database lock", () => {
  it("refuses a second opener of the same data directory, naming the holder", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-lock-"));
    const first = await openDatabase({ dataDir });
    try {
      const second = openDatabase({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(second).rejects.toThrow(`Another Blason process (pid ${process.pid})`);
    } finally {
      await first.close();
    }
    // Released on close: the directory can be opened again.
    const again = await openDatabase({ dataDir });
    await again.close();
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "blason-lock-"));
    // A pid that existed and is now gone.
    const dead = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]).stdout.toString();
    fs.writeFileSync(path.join(dataDir, "pglite.lock"), dead);
    const database = await openDatabase({ dataDir });
    expect(fs.readFileSync(path.join(dataDir, "pglite.lock"), "utf8")).toBe(String(process.pid));
    await database.close();
  });
});
