/**
 * How much script a visitor downloads before the first page shows (issue 14:
 * at most 200 kB gzipped). Reads the built web app's manifest
 * (web/dist/.vite/manifest.json, `npm run build` first): the first visit
 * loads the entry with its static imports, then one page's chunk with its
 * own; the check fails if the heaviest such visit is over the limit.
 *
 *   npm run check:bundle
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const LIMIT = 200 * 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "web/dist");
const manifestFile = path.join(dist, ".vite/manifest.json");

type Chunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
};

if (!fs.existsSync(manifestFile)) {
  console.error(`${path.relative(root, manifestFile)} not found: run npm run build first.`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<string, Chunk>;

const sizes = new Map<string, number>();
function gzipped(file: string): number {
  let size = sizes.get(file);
  if (size === undefined) {
    size = gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
    sizes.set(file, size);
  }
  return size;
}

/** The script files a chunk needs at once: itself and its static imports, transitively. */
function closure(key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  if (chunk.file.endsWith(".js")) into.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, into);
  return into;
}

const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipped(f), 0);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) {
  console.error("no entry chunk in the manifest");
  process.exit(2);
}
const shell = closure(entryKey);
const pages = (manifest[entryKey]?.dynamicImports ?? []).map((key) => {
  const files = closure(key, new Set(shell));
  return { page: manifest[key]?.src ?? key, size: total(files) };
});
pages.sort((a, b) => b.size - a.size);
const home = pages.find((p) => /pages\/home(\/|\.tsx)/.test(p.page));

console.log("chunks (gzipped):");
for (const chunk of Object.values(manifest).filter((c) => c.file.endsWith(".js")))
  console.log(`  ${kB(gzipped(chunk.file)).padStart(9)}  ${chunk.file}`);
console.log(`\nshell (entry and its static imports): ${kB(total(shell))}`);
if (home) console.log(`first page (home, ${home.page}): ${kB(home.size)}`);
const heaviest = pages[0];
if (heaviest) console.log(`heaviest first visit (${heaviest.page}): ${kB(heaviest.size)}`);
const worst = Math.max(total(shell), heaviest?.size ?? 0);
if (worst > LIMIT) {
  console.error(`\na first visit loads ${kB(worst)} of script, over the limit of ${kB(LIMIT)}`);
  process.exit(1);
}
console.log(`\nevery first visit is within ${kB(LIMIT)}`);
