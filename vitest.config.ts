import { defineConfig } from "vitest/config";

// One runner for the repository. `npm test` runs the engine and the server
// suites (PGlite by default, PostgreSQL when DATABASE_URL is set), then the
// cost tests alone; browser tests drive Debian's Chromium and run with
// `npm run test:browser`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "openbadges",
          root: "packages/openbadges",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "server",
          root: "server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["test/browser/**", "test/**/*.cost.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Tests that measure how fast the server answers while it does costly
        // work: they run after the others, one file at a time, on a machine
        // that is not busy with the rest of the suite.
        test: {
          name: "cost",
          root: "server",
          include: ["test/**/*.cost.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "browser",
          root: "server",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
