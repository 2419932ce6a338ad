import { useSearchParams } from "react-router";

export type ListQuery<S extends string> = Record<string, string | number | undefined> & {
  sort: S;
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
};

/**
 * A server-side list's query lives in the URL (a filtered list is a link to
 * share): its filters, sort, direction and page read from the search
 * parameters, every change written back to them (a new filter goes back to page 1).
 */
export function useListQuery<S extends string>(options: {
  filters: readonly string[];
  sorts: readonly S[];
  defaultSort: S;
  pageSize?: number;
}) {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get("sort") as S | null;
  const query = {
    ...Object.fromEntries(
      options.filters.flatMap((name) => {
        const value = params.get(name);
        return value ? [[name, value]] : [];
      }),
    ),
    sort: sortParam && options.sorts.includes(sortParam) ? sortParam : options.defaultSort,
    direction: params.get("direction") === "asc" ? "asc" : "desc",
    page: Math.max(1, Number(params.get("page")) || 1),
    pageSize: options.pageSize ?? 25,
  } as ListQuery<S>;
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes))
      if (value) next.set(name, value);
      else next.delete(name);
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };
  return { query, update };
}
