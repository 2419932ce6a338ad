import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApplicationSummary } from "../../api/applications";
import { Chip } from "../../components/Chip";
import { DataTable } from "../../components/DataTable";
import { FormError } from "../../components/forms";
import { formatDate, sessionLabel } from "../../i18n";
import { StateChip } from "./StateChip";
import { useReviewerAssignments } from "./use-applications";

/**
 * A reviewer's home: the applications they are on the panel of, each with its
 * session, the date its review is due (the commission's) and where their own
 * review stands.
 */
export function ReviewerAssignments() {
  const { t, i18n } = useTranslation();
  const list = useReviewerAssignments();
  if (list.isPending) return <p>{t("common.loading")}</p>;
  const rows = list.data?.applications ?? [];
  if (list.error) return <FormError error={list.error} />;
  if (rows.length === 0) return <p className="empty">{t("dashboard.reviewerEmpty")}</p>;
  return (
    <DataTable<ApplicationSummary>
      caption={t("applications.assigned.caption")}
      captionHidden
      rows={rows}
      rowKey={(a) => a.id}
      columns={[
        {
          key: "badge",
          header: t("applications.badge"),
          cell: (a) => <Link to={`/demandes/${a.id}`}>{a.badge.name}</Link>,
        },
        {
          key: "organisation",
          header: t("applications.organisation"),
          cell: (a) => a.organisation.name,
        },
        {
          key: "session",
          header: t("applications.assigned.session"),
          cell: (a) =>
            a.session ? (
              <>
                {sessionLabel(a.session, i18n.language)}
                <br />
                <span className="muted">
                  {t("applications.assigned.deadline", {
                    date: formatDate(a.session.deadline, i18n.language),
                  })}
                </span>
              </>
            ) : (
              t("applications.assigned.noSession")
            ),
        },
        {
          key: "due",
          header: t("applications.assigned.due"),
          sortValue: (a) => a.session?.commissionDate,
          cell: (a) => (a.session ? formatDate(a.session.commissionDate, i18n.language) : "—"),
        },
        {
          key: "review",
          header: t("applications.assigned.yourReview"),
          cell: (a) =>
            a.state === "under_review" ? (
              <Chip tone={a.myReview === "submitted" ? "ok" : "warning"}>
                {t(`applications.assigned.review.${a.myReview ?? "assigned"}`)}
              </Chip>
            ) : (
              <StateChip state={a.state} />
            ),
        },
      ]}
    />
  );
}
