import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApplicationSummary } from "../../api/applications";
import { DataTable } from "../../components/DataTable";
import { FormError } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { ManagerQueue } from "./ManagerQueue";
import { NewApplication } from "./NewApplication";
import { groupRows } from "./presentation";
import { StateChip } from "./StateChip";
import { useApplicationList } from "./use-applications";

/** /demandes — the CFA's applications, a reviewer's assignments, the managers' queue by session. */
export function ApplicationsPage() {
  const { t, i18n } = useTranslation();
  const { me, list, manager, cfa } = useApplicationList();
  usePageTitle(t("applications.title"));
  if (me.isPending || (!manager && list.isPending)) return <p>{t("common.loading")}</p>;
  const rows = manager ? [] : (list.data?.applications ?? []);
  return (
    <>
      <h1>{manager ? t("applications.queueTitle") : t("applications.title")}</h1>
      <FormError error={list.error} />
      {cfa ? <NewApplication organisationId={cfa.id} /> : null}
      {manager ? <ManagerQueue /> : null}
      {!manager && rows.length === 0 ? <p className="empty">{t("applications.none")}</p> : null}
      {groupRows(rows, t, i18n.language).map(([key, { title, apps }], index) => (
        <section key={key} aria-labelledby={`group-${index}`}>
          <h2 id={`group-${index}`}>
            {title}
            {apps[0]?.session ? (
              <span className="muted">
                {" "}
                · {formatDate(apps[0].session.commissionDate, i18n.language)}
              </span>
            ) : null}
          </h2>
          <DataTable<ApplicationSummary>
            labelledBy={`group-${index}`}
            rows={apps}
            rowKey={(a) => a.id}
            columns={[
              {
                key: "badge",
                header: t("applications.badge"),
                sortValue: (a) => a.badge.name,
                cell: (a) => (
                  <>
                    <Link to={`/demandes/${a.id}`}>{a.badge.name}</Link>
                    {a.kind === "renewal" ? (
                      <span className="muted"> ({t("applications.renewal")})</span>
                    ) : null}
                  </>
                ),
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
                sortValue: (a) => t(`applications.states.${a.state}`),
                cell: (a) => <StateChip state={a.state} />,
              },
              {
                key: "updated",
                header: t("applications.updated"),
                sortValue: (a) => a.updatedAt,
                cell: (a) => formatDate(a.updatedAt, i18n.language),
              },
            ]}
          />
        </section>
      ))}
    </>
  );
}
