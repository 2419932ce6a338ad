import type { AppContext } from "../../context";
import { toCsv } from "../../lib/csv";
import { totalOf } from "../lists/lists.rules";
import { CSV_EXPORT_LIMIT, type ListPaging } from "../lists/lists.schema";
import { authorize } from "../policy/policy";
import type { ApplicationState } from "./applications.rules";
import { intakeOf, type Reader } from "./applications.service";
import { listPanelNames, searchApplicationQueue } from "./queue.repo";
import { reviewDeadline } from "./queue.rules";
import type { QueueCsvQuery, QueueQuery, QueueRow } from "./queue.schema";
import { queueCsvText } from "./queue.text";

type Found = Awaited<ReturnType<typeof searchApplicationQueue>>["rows"][number];

function present({ rule, ...row }: Found, reviewers: string[]): QueueRow {
  return {
    ...row,
    reviewers,
    intake: intakeOf({ rule }),
    state: row.state as ApplicationState,
    kind: row.kind as "first" | "renewal",
    session: row.session?.id ? (row.session as NonNullable<QueueRow["session"]>) : null,
    reviewDeadline: row.session?.commissionDate ? reviewDeadline(row.session.commissionDate) : null,
  };
}

async function search(ctx: AppContext, query: QueueCsvQuery, paging: ListPaging) {
  const { q, programme, state, sessionId, badgeId, organisationId, sort, direction } = query;
  const found = await searchApplicationQueue(ctx.db, {
    filters: { q, programme, state, sessionId, badgeId, organisationId },
    sort,
    direction,
    paging,
  });
  const panels = await listPanelNames(
    ctx.db,
    found.rows.map((r) => r.id),
  );
  const names = new Map<string, string[]>();
  for (const p of panels)
    names.set(p.applicationId, [...(names.get(p.applicationId) ?? []), p.name]);
  return {
    rows: found.rows.map((row) => present(row, names.get(row.id) ?? [])),
    total: totalOf(found.perState, state),
    counts: Object.fromEntries(found.perState.map((s) => [s.state, s.n])),
  };
}

/** The managers' queue: one page of sent applications, filtered, with the counts per state. */
export async function listApplicationQueue(
  ctx: AppContext,
  { caller, query }: { caller: Reader; query: QueueQuery },
) {
  authorize(caller.principal, "application.list.all");
  return { ...(await search(ctx, query, query)), page: query.page, pageSize: query.pageSize };
}

/** The same applications, under the same filters, as CSV (every page, up to the export limit). */
export async function exportApplicationQueue(
  ctx: AppContext,
  { caller, query, locale }: { caller: Reader; query: QueueCsvQuery; locale: "fr" | "en" },
) {
  authorize(caller.principal, "application.list.all");
  const { rows } = await search(ctx, query, { page: 1, pageSize: CSV_EXPORT_LIMIT });
  const text = queueCsvText[locale];
  return toCsv([
    text.headers,
    ...rows.map((r) => [
      r.badge.name,
      r.organisation.name,
      text.states[r.state],
      text.kinds[r.kind],
      r.session?.name ?? "",
      r.session?.commissionDate ?? "",
      r.reviewDeadline ?? "",
      r.reviewers.join(", "),
      r.submittedAt ? r.submittedAt.toISOString().slice(0, 10) : "",
    ]),
  ]);
}
