import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** 1EdTech's conformance material lives beside the repository, never in it. */
export const fixturesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../shared/fixtures/1edtech",
);
export const haveFixtures = fs.existsSync(path.join(fixturesDir, "spec"));
if (!haveFixtures)
  console.warn(
    `1EdTech fixtures not found at ${fixturesDir}: conformance tests are skipped (they are not ours to redistribute).`,
  );

export function fixture(relative: string): Buffer {
  return fs.readFileSync(path.join(fixturesDir, relative));
}
export function fixtureJson<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(fixture(relative).toString("utf8")) as T;
}
