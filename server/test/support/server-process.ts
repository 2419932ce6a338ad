import { type ChildProcess, spawn } from "node:child_process";
import type { Config } from "../../src/config";
import { repoRoot } from "../../src/paths";

export type Health = { jobs: { pending: number; running: number } };

/**
 * Real server processes for crash tests: node itself (tsx as a loader), so
 * that SIGKILL reaches the process that holds the data. Only the env given
 * decides where the data is. `stop()` kills whatever is left.
 */
export function serverProcesses() {
  const children: ChildProcess[] = [];
  let stderr = "";
  return {
    start(env: Record<string, string>) {
      const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
        cwd: repoRoot,
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "DATABASE_URL")),
          ...env,
        },
        stdio: ["ignore", "ignore", "pipe"],
      });
      children.push(child);
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      return child;
    },
    /** Polls `check` until it holds; past the timeout, fails with what the servers said. */
    async until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
      const start = Date.now();
      while (!(await check())) {
        if (Date.now() - start > timeoutMs)
          throw new Error(`timed out waiting for ${what}; server said:\n${stderr.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    stop() {
      for (const child of children) child.kill("SIGKILL");
    },
  };
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function health(port: number): Promise<Health | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    return (await response.json()) as Health;
  } catch {
    return undefined;
  }
}

/**
 * What a crash test's server process runs with: the test's data, keys and
 * address, jobs polled often, and a killed worker's jobs taken back after a
 * second, not five minutes.
 */
export function serverEnv(config: Config, options: { port: number; url?: string }) {
  return {
    NODE_ENV: "test",
    BLASON_MODE: "demo",
    DEMO_SEED: "false",
    MASTER_KEY: config.masterKey.toString("base64"),
    DATA_DIR: config.dataDir,
    PORT: String(options.port),
    PUBLIC_URL: config.publicUrl,
    LOG_LEVEL: "silent",
    JOBS_POLL_MS: "10",
    JOBS_LEASE_SECONDS: "1",
    ...(options.url ? { DATABASE_URL: options.url } : {}),
  };
}
