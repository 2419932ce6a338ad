import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { applicationQueueCsvUrl, type QueueRow } from "../../api/applications";
import { DataTable, type Sort } from "../../components/DataTable";
import { FormError } from "../../components/forms";
import { ListSummary } from "../../components/ListSummary";
import { formatDate, sessionLabel } from "../../i18n";
import { QueueFilters } from "./QueueFilters";
import { StateChip } from "./StateChip";
import { useApplicationQueue, useQueueQuery } from "./use-queue";

/** The managers' queue: filters, counts per state, one page of applications, the CSV. */
export function ManagerQueue() {
  const { t, i18n } = useTranslation();
  const { query, update } = useQueueQuery();
  const queue = useApplicationQueue(query);
  const data = queue.data;
  const sort: Sort = {
    key: query.sort ?? "updated",
    direction: query.direction === "asc" ? "ascending" : "descending",
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const date = (d: string | null | undefined) => (d ? formatDate(d, i18n.language) : "—");
  return (
    <>
      <QueueFilters query={query} onApply={update} />
      <FormError error={queue.error} />
      {data ? (
        <>
          <ListSummary
            total={t("queue.total", { count: data.total })}
            counts={data.counts}
            countsLabel={t("queue.counts")}
            stateLabel={(s) => t(`applications.states.${s}`)}
            csvHref={applicationQueueCsvUrl(query)}
          />
          <DataTable<QueueRow>
            caption={t("queue.caption")}
            captionHidden
            rows={data.rows}
            rowKey={(a) => a.id}
            serverSort={{
              sort,
              onSort: (s) =>
                update({ sort: s.key, direction: s.direction === "ascending" ? "asc" : "desc" }),
            }}
            serverPaging={{
              page: (query.page ?? 1) - 1,
              pages,
              onPage: (p) => update({ page: String(p + 1) }),
            }}
            columns={[
              {
                key: "badge",
                header: t("applications.badge"),
                sortValue: (a) => a.badge.name,
                rowHeader: true,
                cell: (a) => <Link to={`/demandes/${a.id}`}>{a.badge.name}</Link>,
              },
              {
                key: "organisation",
                header: t("applications.organisation"),
                sortValue: (a) => a.organisation.name,
                cell: (a) => a.organisation.name,
              },
              {
                key: "state",
                header: t("applications.state"),
                sortValue: (a) => a.state,
                cell: (a) => <StateChip state={a.state} />,
              },
              {
                key: "commission",
                header: t("queue.session"),
                sortValue: (a) => a.session?.commissionDate,
                cell: (a) =>
                  a.session
                    ? sessionLabel(a.session, i18n.language)
                    : a.intake === "continuous"
                      ? t("queue.continuous")
                      : "—",
              },
              {
                key: "reviewers",
                header: t("queue.reviewers"),
                cell: (a) => (a.reviewers.length ? a.reviewers.join(", ") : t("queue.noPanel")),
              },
              {
                key: "deadline",
                header: t("queue.reviewDeadline"),
                cell: (a) => date(a.reviewDeadline),
              },
              {
                key: "updated",
                header: t("applications.updated"),
                sortValue: (a) => a.updatedAt,
                cell: (a) => date(a.updatedAt),
              },
            ]}
          />
        </>
      ) : (
        <p>{t("common.loading")}</p>
      )}
    </>
  );
}
