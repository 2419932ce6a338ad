import { type AnyColumn, asc, desc, ilike, or, type SQL } from "drizzle-orm";
import type { ListPaging } from "./lists.schema";

/** `%text%`, with the LIKE wildcards of the search itself taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A search over several text columns: any of them contains the words typed. */
export function searchAny(q: string | undefined, columns: readonly AnyColumn[]): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const pattern = containsPattern(text);
  return or(...columns.map((c) => ilike(c, pattern)));
}

/** ORDER BY the chosen column, then a unique one so that pages never overlap. */
export function orderOf(column: AnyColumn | SQL, direction: "asc" | "desc", tieBreak: AnyColumn) {
  const by = direction === "asc" ? asc : desc;
  return [by(column), by(tieBreak)];
}

/** LIMIT and OFFSET of a page. */
export function pageWindow({ page, pageSize }: ListPaging) {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}
