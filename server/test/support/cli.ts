import { runCli } from "../../src/cli/cli";
import type { Platform } from "../../src/platform";

/** Runs a CLI command against a test platform (left open), with what it printed. */
export async function cliOn(platform: Platform, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    async () => ({ ...platform, close: async () => {} }),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}
