import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2019, { type ValidateFunction } from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { describe, it } from "vitest";

/**
 * 1EdTech's conformance material lives beside the repository, never in it
 * (it is not ours to redistribute): `../shared/fixtures/1edtech` from the
 * repository's root, or wherever BLASON_FIXTURES_DIR points. A clone without
 * it runs every other test and reports these skipped, saying why.
 */
export const fixturesDir = process.env.BLASON_FIXTURES_DIR
  ? path.resolve(process.env.BLASON_FIXTURES_DIR)
  : path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      "../../../../shared/fixtures/1edtech",
    );
export const haveFixtures =
  fs.existsSync(path.join(fixturesDir, "spec")) &&
  fs.existsSync(path.join(fixturesDir, "validator"));

/** Why a fixture test did not run, in the name the runner reports it under. */
export const fixturesMissing = `skipped: 1EdTech fixtures not found at ${fixturesDir} (set BLASON_FIXTURES_DIR to their folder)`;
if (!haveFixtures) console.warn(`1EdTech conformance tests ${fixturesMissing}.`);

/**
 * A suite that reads the fixtures. Without them its body never runs (it may
 * read files as it declares its tests): one skipped test says why instead.
 */
export function describeWithFixtures(name: string, body: () => void): void {
  if (haveFixtures) describe(name, body);
  else describe(name, () => it.skip(fixturesMissing));
}

/** One test that reads the fixtures; without them, reported skipped with the reason. */
export function itWithFixtures(name: string, body: () => Promise<void> | void): void {
  if (haveFixtures) it(name, body);
  else it.skip(`${name} (${fixturesMissing})`);
}

export function fixture(relative: string): Buffer {
  return fs.readFileSync(path.join(fixturesDir, relative));
}
export function fixtureJson<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(fixture(relative).toString("utf8")) as T;
}

/**
 * One of 1EdTech's JSON schemas (spec/schema), exactly as published, compiled
 * with ajv; `explain` gives the errors of the last validation.
 */
export function oneEdTechSchema(file: string): {
  validate: ValidateFunction;
  explain: () => string;
} {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(fixtureJson(`spec/schema/${file}`));
  return { validate, explain: () => ajv.errorsText(validate.errors) };
}
