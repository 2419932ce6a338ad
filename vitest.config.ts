import { defineConfig } from "vitest/config";

// One runner for the repository. `npm test` runs the engine and the server
// suites (PGlite by default, PostgreSQL when DATABASE_URL is set); browser
// tests drive Debian's Chromium and run with `npm run test:browser`.
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
          exclude: ["test/browser/**"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
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
