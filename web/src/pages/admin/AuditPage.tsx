import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
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
        <div className="table-wrap">
          <table>
            <caption>{t("admin.auditCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("admin.date")}</th>
                <th scope="col">{t("admin.who")}</th>
                <th scope="col">{t("admin.action")}</th>
                <th scope="col">{t("admin.target")}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.entries.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{formatDate(e.at, i18n.language, true)}</td>
                  <td>{e.actor?.name ?? t("admin.system")}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>
                    {e.targetType}
                    {typeof e.data.name === "string" ? ` · ${e.data.name}` : ""}
                    {typeof e.data.email === "string" ? ` · ${e.data.email}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
