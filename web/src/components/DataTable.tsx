import { type HTMLAttributes, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button";

export type Column<R> = {
  key: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** Makes the column sortable by this value (with server sorting, any value marks it sortable). */
  sortValue?: (row: R) => string | number | null | undefined;
  /** The cell names its row (a <th scope="row">). */
  rowHeader?: boolean;
  className?: string;
};

export type Sort = { key: string; direction: "ascending" | "descending" };

/** Pages read from the server: the table shows `rows` as they come and asks for another page. */
export type ServerPaging = { page: number; pages: number; onPage: (page: number) => void };

type DataTableProps<R> = {
  /** What the table lists; read first by screen readers. */
  caption?: ReactNode;
  /** Without a caption, the id of the heading that names the table. */
  labelledBy?: string;
  /** Keeps the caption for screen readers only (the page's heading already says it). */
  captionHidden?: boolean;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  initialSort?: Sort;
  /** Attributes of a row's <tr> (aria-current for the open one, a class). */
  rowProps?: (row: R) => HTMLAttributes<HTMLTableRowElement>;
  /** In a white frame with a shadow (the default), or bare on the page. */
  framed?: boolean;
  /** Rows per page; without it every row is shown. */
  pageSize?: number;
  /** Sorted on the server: the sort shown, and what to do when a header asks for another. */
  serverSort?: { sort: Sort; onSort: (sort: Sort) => void };
  serverPaging?: ServerPaging;
  className?: string;
};

function compare(a: string | number | null | undefined, b: typeof a, locale: string): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), locale, { numeric: true, sensitivity: "base" });
}

/**
 * A table with a caption, sortable columns (a button in each sortable header,
 * its state in aria-sort) and, with `pageSize`, pages. Styles: DataTable.css.
 */
export function DataTable<R>({
  caption,
  labelledBy,
  captionHidden,
  columns,
  rows,
  rowKey,
  initialSort,
  rowProps,
  framed = true,
  pageSize,
  serverSort,
  serverPaging,
  className,
}: DataTableProps<R>) {
  const { t, i18n } = useTranslation();
  const [localSort, setSort] = useState<Sort | undefined>(initialSort);
  const [localPage, setPage] = useState(0);
  const sort = serverSort?.sort ?? localSort;

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (serverSort || !sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const sign = sort.direction === "ascending" ? 1 : -1;
    return [...rows].sort((a, b) => sign * compare(value(a), value(b), i18n.language));
  }, [rows, columns, sort, serverSort, i18n.language]);

  const local = !serverPaging && pageSize;
  const pages =
    serverPaging?.pages ?? (pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1);
  const current = Math.min(serverPaging?.page ?? localPage, pages - 1);
  const visible = local ? sorted.slice(current * pageSize, (current + 1) * pageSize) : sorted;
  const goTo = serverPaging?.onPage ?? setPage;

  const toggle = (key: string) => {
    const next: Sort =
      sort?.key === key && sort.direction === "ascending"
        ? { key, direction: "descending" }
        : { key, direction: "ascending" };
    if (serverSort) serverSort.onSort(next);
    else {
      setSort(next);
      setPage(0);
    }
  };

  return (
    <div
      className={
        [framed ? "table-wrap" : "", className ?? ""].filter(Boolean).join(" ") || undefined
      }
    >
      <table {...(labelledBy ? { "aria-labelledby": labelledBy } : {})}>
        {caption ? (
          <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        ) : null}
        <thead>
          <tr>
            {columns.map((c) => {
              const state = sort?.key === c.key ? sort.direction : undefined;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.className}
                  {...(c.sortValue ? { "aria-sort": state ?? "none" } : {})}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="data-table__sort"
                      onClick={() => toggle(c.key)}
                    >
                      {c.header}
                      <span aria-hidden="true">
                        {state === "ascending" ? "▲" : state === "descending" ? "▼" : "↕"}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="data-table__pager" aria-label={t("table.pagination")}>
          <Button
            variant="secondary"
            size="small"
            disabled={current === 0}
            onClick={() => goTo(current - 1)}
          >
            {t("table.previous")}
          </Button>
          <p aria-live="polite">{t("table.page", { page: current + 1, pages })}</p>
          <Button
            variant="secondary"
            size="small"
            disabled={current >= pages - 1}
            onClick={() => goTo(current + 1)}
          >
            {t("table.next")}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
