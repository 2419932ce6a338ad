import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, so that relative paths mean the same from any workspace. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const serverRoot = path.join(repoRoot, "server");
export const migrationsDir = path.join(serverRoot, "drizzle");
export const webDistDir = path.join(repoRoot, "web", "dist");
