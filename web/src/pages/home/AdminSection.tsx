import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Health } from "../../api/config";
import { Card } from "../../components/Card";

/** A platform administrator's corner: users, the audit log, and the platform's health. */
export function AdminSection({ health }: { health: Health | undefined }) {
  const { t } = useTranslation();
  return (
    <Card as="section" aria-labelledby="admin">
      <h2 id="admin">{t("dashboard.adminTitle")}</h2>
      <p className="links">
        <Link to="/admin/utilisateurs">{t("dashboard.adminUsers")}</Link>
        <Link to="/admin/journal">{t("dashboard.adminAudit")}</Link>
      </p>
      {health ? (
        <div>
          <h3>{t("dashboard.health")}</h3>
          <p className={`status status--${health.status === "ok" ? "ok" : "warning"}`}>
            <span aria-hidden="true">{health.status === "ok" ? "✓" : "!"} </span>
            {health.status === "ok" ? t("dashboard.healthOk") : t("dashboard.healthDegraded")}
          </p>
          <p className="muted">
            {t("dashboard.database", {
              driver: health.database.driver,
              latency: health.database.latencyMs,
            })}
            <br />
            {t("dashboard.jobs", {
              pending: health.jobs.pending,
              failed: health.jobs.failed,
            })}
          </p>
        </div>
      ) : null}
    </Card>
  );
}
