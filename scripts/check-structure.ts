/**
 * The shape of the code, checked in CI (issue 14): no source file over 400
 * lines but data, no SQL outside `*.repo.ts`, no import cycle. Violations
 * known when a rule was introduced are listed in structure-baseline.json;
 * the check fails on any new one (or more SQL calls in a listed file), and on
 * a listed one that is gone, so the baseline only ever shrinks and is empty
 * once the reshaping is done.
 *
 *   npx tsx scripts/check-structure.ts            check against the baseline
 *   npx tsx scripts/check-structure.ts --report   print the counts, change nothing
 *   npx tsx scripts/check-structure.ts --write    rewrite the baseline from the tree (review the diff:
 *                                                 it must only ever lose entries or counts)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE_ROOTS = ["packages/openbadges/src", "server/src", "web/src"];
const MAX_LINES = 400;
/** Data, not logic: catalogue texts, dictionaries, generated files, the database schema. */
const DATA = [
  /\/i18n\/(fr|en)\.ts$/,
  /\.gen\.ts$/,
  /^server\/src\/db\/schema(\.ts|\/)/,
  /^server\/src\/modules\/catalogue\/collection-(2026|history)\.ts$/,
  /^server\/src\/modules\/competences\/competences\.catalogue\.ts$/,
];

type Found = { lines: string[]; sql: string[]; cycles: string[]; moduleCycles: string[] };

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(rel);
    }
  };
  for (const dir of SOURCE_ROOTS) walk(dir);
  return out.sort();
}

const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

function longFiles(files: string[]): string[] {
  return files
    .filter((f) => !DATA.some((d) => d.test(f)))
    .map((f) => [f, read(f).split("\n").length] as const)
    .filter(([, n]) => n > MAX_LINES)
    .map(([f, n]) => `${f} (${n} lines)`);
}

/** Query-builder calls and raw SQL in server files that are not repositories (or the database layer). */
function sqlOutsideRepos(files: string[]): string[] {
  // Drizzle's builders on a database or transaction handle, and raw SQL.
  const query =
    /\b(db|tx|q|database|client)\s*\.\s*(select|selectDistinct|insert|update|delete|execute|query)\s*\(|\bsql\s*`|\bsql\.raw\(/g;
  return files
    .filter((f) => f.startsWith("server/src/") && !f.endsWith(".repo.ts"))
    .filter((f) => !f.startsWith("server/src/db/"))
    .map((f) => [f, (read(f).match(query) ?? []).length] as const)
    .filter(([, n]) => n > 0)
    .map(([f, n]) => `${f} (${n})`);
}

/** Runtime imports between our files (type-only imports make no cycle at run time). */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  const resolve = (from: string, spec: string): string | undefined => {
    if (!spec.startsWith(".")) return undefined;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
      if (known.has(candidate)) return candidate;
    return undefined;
  };
  const graph = new Map<string, string[]>();
  const statement = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gm;
  for (const file of files) {
    const deps: string[] = [];
    for (const m of read(file).matchAll(statement)) {
      if (m[2]) continue;
      // `import { type A, type B } from` is type-only too.
      const names = m[3] ?? "";
      if (
        /^\{[^}]*\}$/.test(names.trim()) &&
        names
          .split(",")
          .every((n) => /^\s*\{?\s*type\s/.test(n) || !n.trim() || /^\s*\}\s*$/.test(n))
      )
        continue;
      const target = resolve(file, m[4]!);
      if (target) deps.push(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Each strongly connected group of files, as one sorted line (Tarjan's algorithm). */
function cycles(graph: Map<string, string[]>): string[] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort().join(" <-> "));
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return groups.sort();
}

/** The same graph between server modules (server/src/modules/<name>) and the server's other folders. */
function moduleGraph(graph: Map<string, string[]>): Map<string, string[]> {
  const unit = (file: string) =>
    file.startsWith("server/src/modules/")
      ? file.split("/").slice(0, 4).join("/")
      : file.startsWith("server/src/")
        ? file.split("/").slice(0, 3).join("/")
        : undefined;
  const units = new Map<string, Set<string>>();
  for (const [file, deps] of graph) {
    const from = unit(file);
    if (!from) continue;
    const set = units.get(from) ?? new Set<string>();
    for (const dep of deps) {
      const to = unit(dep);
      if (to && to !== from) set.add(to);
    }
    units.set(from, set);
  }
  return new Map([...units].map(([k, v]) => [k, [...v]]));
}

function findAll(): Found {
  const files = sourceFiles();
  const graph = importGraph(files);
  return {
    lines: longFiles(files),
    sql: sqlOutsideRepos(files),
    cycles: cycles(graph),
    moduleCycles: cycles(moduleGraph(graph)),
  };
}

const baselineFile = path.join(root, "structure-baseline.json");
/** "file (12)" -> ["file", 12]; a cycle has no count. */
const parse = (entry: string): [string, number] => {
  const m = / \((\d+)( lines)?\)$/.exec(entry);
  return m ? [entry.slice(0, m.index), Number(m[1])] : [entry, 0];
};
const found = findAll();
const mode = process.argv[2];
if (mode === "--report") {
  for (const [rule, list] of Object.entries(found)) {
    console.log(`${rule}: ${list.length}`);
    for (const entry of list) console.log(`  ${entry}`);
  }
  process.exit(0);
}
if (mode === "--write") {
  fs.writeFileSync(baselineFile, `${JSON.stringify(found, null, 2)}\n`);
  console.log(
    `structure-baseline.json written: ${Object.entries(found)
      .map(([r, l]) => `${r} ${l.length}`)
      .join(", ")}`,
  );
  process.exit(0);
}
const baseline: Found = JSON.parse(fs.readFileSync(baselineFile, "utf8"));
let failed = false;
for (const rule of ["lines", "sql", "cycles", "moduleCycles"] as const) {
  const before = new Map(baseline[rule].map(parse));
  const now = new Map(found[rule].map(parse));
  for (const [entry, count] of now) {
    if (!before.has(entry)) console.error(`new ${rule} violation: ${entry}`);
    else if (rule === "sql" && count > before.get(entry)!)
      console.error(
        `more SQL outside a repository in ${entry}: ${count}, was ${before.get(entry)}`,
      );
    else continue;
    failed = true;
  }
  for (const entry of before.keys())
    if (!now.has(entry)) {
      console.error(`fixed: remove "${entry}" from structure-baseline.json (${rule})`);
      failed = true;
    }
  console.log(`${rule}: ${now.size} (baseline ${before.size})`);
}
if (failed) console.error("The structure rules of issue 14 do not hold; see docs/ARCHITECTURE.md.");
process.exit(failed ? 1 : 0);
