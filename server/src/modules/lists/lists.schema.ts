import { z } from "zod";
import { line } from "../../http/text";

/**
 * The one query every manager's list takes: a search, a sort among the list's
 * own columns, a direction and a page. A list adds its filters with
 * `.extend()`, so that paging and sorting read the same everywhere.
 */
export function listQuerySchema<const S extends readonly [string, ...string[]]>(
  sorts: S,
  defaultSort: S[number],
) {
  return z.object({
    q: line().trim().max(200).optional(),
    sort: z.enum(sorts).default(defaultSort),
    direction: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  });
}

export type ListPaging = { page: number; pageSize: number };
export type ListSort<S extends string> = { sort: S; direction: "asc" | "desc" };

/** One page of a list: its rows, how many match in all, and how many per state. */
export function listPageSchema<R extends z.ZodType>(row: R) {
  return z.object({
    rows: z.array(row),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
  });
}

/** The largest CSV export: the filters narrow it, the page does not. */
export const CSV_EXPORT_LIMIT = 10_000;
