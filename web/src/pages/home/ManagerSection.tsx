import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OrganisationSummary, OrgKind } from "../../api/auth";
import { Card } from "../../components/Card";

const kindOrder: OrgKind[] = ["region", "cfa", "ufa", "partner"];

/** A programme manager's corner: the organisations by kind, and the back-office pages. */
export function ManagerSection({
  organisations,
}: {
  organisations: OrganisationSummary[] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Card as="section" aria-labelledby="manager">
      <h2 id="manager">{t("dashboard.managerTitle")}</h2>
      <p>{t("dashboard.managerText")}</p>
      {organisations ? (
        <ul className="stats">
          {kindOrder.map((kind) => (
            <li key={kind}>
              <span className="stats__value">
                {organisations.filter((o) => o.kind === kind).length}
              </span>
              <span className="stats__label">{t(`kinds.${kind}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="links">
        <Link to="/organisations">{t("dashboard.allOrganisations")}</Link>
        <Link to="/gestion/labels">{t("label.requests.title")}</Link>
        <Link to="/gestion/catalogue">{t("catalogueAdmin.title")}</Link>
        <Link to="/gestion/partenaires">{t("partnerAdmin.title")}</Link>
        <Link to="/demandes">{t("partnerAdmin.requests")}</Link>
        <Link to="/idees">{t("ideas.title")}</Link>
        <Link to="/admin/journal">{t("dashboard.auditLink")}</Link>
      </p>
    </Card>
  );
}
