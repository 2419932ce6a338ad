import type { AppContext } from "../../context";
import { toCsv } from "../../lib/csv";
import { totalOf } from "../lists/lists.rules";
import { CSV_EXPORT_LIMIT, type ListPaging } from "../lists/lists.schema";
import { authorize, type Principal } from "../policy/policy";
import { searchIssuedBadges } from "./issued.repo";
import type { IssuedCsvQuery, IssuedQuery, IssuedRow } from "./issued.schema";
import { issuedCsvText } from "./issued.text";

type Reader = { principal: Principal };
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

async function search(ctx: AppContext, query: IssuedCsvQuery, paging: ListPaging) {
  const { q, programme, state, badgeId, organisationId, sort, direction } = query;
  const found = await searchIssuedBadges(ctx.db, {
    filters: { q, programme, state, badgeId, organisationId },
    sort,
    direction,
    paging,
  });
  return {
    rows: found.rows as IssuedRow[],
    total: totalOf(found.perState, state),
    counts: Object.fromEntries(found.perState.map((s) => [s.state, s.n])),
  };
}

/** The badges Blason issued, for managers: searched, filtered, one page, counts per state. */
export async function listIssuedBadges(
  ctx: AppContext,
  { caller, query }: { caller: Reader; query: IssuedQuery },
) {
  authorize(caller.principal, "credential.list.all");
  return { ...(await search(ctx, query, query)), page: query.page, pageSize: query.pageSize };
}

/** The same badges as CSV, under the same filters. */
export async function exportIssuedBadges(
  ctx: AppContext,
  { caller, query, locale }: { caller: Reader; query: IssuedCsvQuery; locale: "fr" | "en" },
) {
  authorize(caller.principal, "credential.list.all");
  const { rows } = await search(ctx, query, { page: 1, pageSize: CSV_EXPORT_LIMIT });
  const text = issuedCsvText[locale];
  return toCsv([
    text.headers,
    ...rows.map((r) => [
      r.badge.name,
      r.holder,
      text.states[r.state],
      day(r.validFrom),
      day(r.validUntil),
      r.programme,
    ]),
  ]);
}
