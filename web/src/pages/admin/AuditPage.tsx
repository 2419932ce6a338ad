import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import type { AuditEntry } from "../../api/admin";
import { DataTable } from "../../components/DataTable";
import { FormError } from "../../components/forms";
import { hasRole, useMe, usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { useAudit } from "./use-admin";

/** /admin/journal — who did what, for administrators and programme managers. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("admin.auditTitle"));
  const { data: me, isPending } = useMe();
  const allowed = hasRole(me, "platform_admin") || hasRole(me, "programme_manager");
  const audit = useAudit(allowed);
  if (isPending) return <p>{t("common.loading")}</p>;
  if (!allowed) return <Navigate to="/accueil" replace />;
  const actionLabel = (action: string) => {
    const key = `actions.${action}`;
    return i18n.exists(key) ? t(key) : action;
  };
  return (
    <>
      <h1>{t("admin.auditTitle")}</h1>
      <p className="lead">{t("admin.auditIntro")}</p>
      <FormError error={audit.error} />
      {audit.data ? (
        <DataTable<AuditEntry>
          caption={t("admin.auditCaption")}
          rows={audit.data.entries}
          rowKey={(e) => String(e.seq)}
          pageSize={25}
          columns={[
            { key: "seq", header: "#", sortValue: (e) => e.seq, cell: (e) => e.seq },
            {
              key: "at",
              header: t("admin.date"),
              sortValue: (e) => e.at,
              cell: (e) => formatDate(e.at, i18n.language, true),
            },
            {
              key: "who",
              header: t("admin.who"),
              sortValue: (e) => e.actor?.name ?? t("admin.system"),
              cell: (e) => e.actor?.name ?? t("admin.system"),
            },
            {
              key: "action",
              header: t("admin.action"),
              sortValue: (e) => actionLabel(e.action),
              cell: (e) => actionLabel(e.action),
            },
            {
              key: "what",
              header: t("admin.target"),
              cell: (e) => {
                const words = e.summary
                  ? i18n.language === "en"
                    ? e.summary.en
                    : e.summary.fr
                  : null;
                if (!words) return describeTarget(e);
                return e.link ? <Link to={e.link}>{words}</Link> : words;
              },
            },
          ]}
        />
      ) : null}
    </>
  );
}

/** A row without a sentence yet: the kind of object and the name it kept. */
function describeTarget(e: AuditEntry) {
  return [
    e.targetType,
    typeof e.data.name === "string" ? e.data.name : "",
    typeof e.data.email === "string" ? e.data.email : "",
  ]
    .filter(Boolean)
    .join(" · ");
}
