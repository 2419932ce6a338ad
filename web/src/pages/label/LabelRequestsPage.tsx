import { useTranslation } from "react-i18next";
import type { LabelRequestView } from "../../api/label";
import { DataTable } from "../../components/DataTable";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { LabelRequestCard } from "./LabelRequestCard";
import { useLabelRequests } from "./use-label";

/** /gestion/labels — managers confirm or refuse label requests, with the automatic check beside each. */
export function LabelRequestsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("label.requests.title"));
  const query = useLabelRequests();
  if (!query.data) return <Unavailable query={query} title={t("label.requests.title")} />;
  const date = (iso: string) => formatDate(iso, i18n.language);
  const pending = query.data.requests.filter((r) => r.state === "pending");
  const done = query.data.requests.filter((r) => r.state !== "pending");
  return (
    <>
      <h1>{t("label.requests.title")}</h1>
      <p className="lead">{t("label.requests.intro")}</p>
      <section aria-labelledby="pending-requests">
        <h2 id="pending-requests">{t("label.requests.pending", { count: pending.length })}</h2>
        {pending.length === 0 ? <p className="empty">{t("label.requests.none")}</p> : null}
        {pending.map((r) => (
          <LabelRequestCard key={r.id} request={r} />
        ))}
      </section>
      <section aria-labelledby="done-requests">
        <h2 id="done-requests">{t("label.requests.done")}</h2>
        {done.length === 0 ? (
          <p className="empty">{t("label.requests.noneDone")}</p>
        ) : (
          <DataTable<LabelRequestView>
            framed={false}
            labelledBy="done-requests"
            rows={done}
            rowKey={(r) => r.id}
            columns={[
              {
                key: "organisation",
                header: t("label.requests.organisation"),
                sortValue: (r) => r.organisation.name,
                cell: (r) => r.organisation.name,
              },
              {
                key: "kind",
                header: t("label.requests.kind"),
                cell: (r) => t(`label.requests.kind_${r.kind}`),
              },
              {
                key: "state",
                header: t("label.requests.state"),
                cell: (r) => t(`label.requests.states.${r.state}`),
              },
              {
                key: "decided",
                header: t("label.requests.decidedOn"),
                sortValue: (r) => r.decidedAt,
                cell: (r) => (r.decidedAt ? date(r.decidedAt) : ""),
              },
              {
                key: "motivation",
                header: t("label.requests.motivation"),
                cell: (r) => r.motivation ?? "",
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
