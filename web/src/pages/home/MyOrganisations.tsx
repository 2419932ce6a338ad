import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "../../api/auth";
import { buttonClass } from "../../components/Button";
import { Card } from "../../components/Card";

/** The organisations the user belongs to, each with its role and where to go next. */
export function MyOrganisations({ memberships }: { memberships: Me["memberships"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="my-orgs">
      <h2 id="my-orgs">{t("dashboard.myOrganisations")}</h2>
      {memberships.length === 0 ? (
        <p className="empty">{t("dashboard.noOrganisation")}</p>
      ) : (
        <ul className="grid grid--3 plain">
          {memberships.map(({ organisation, role }) => (
            <Card as="li" key={organisation.id} className="org-card">
              <p className="chip">{t(`kinds.${organisation.kind}`)}</p>
              <h3>{organisation.name}</h3>
              {organisation.city ? <p className="muted">{organisation.city}</p> : null}
              <p>{t("dashboard.yourRole", { role: t(`memberRoles.${role}`) })}</p>
              <Link to={`/organisations/${organisation.id}`} className={buttonClass("secondary")}>
                {role === "admin" ? t("dashboard.manageMembers") : t("dashboard.open")}
                <span className="visually-hidden"> — {organisation.name}</span>
              </Link>
              {organisation.kind === "cfa" ? (
                <p className="links">
                  <Link to={`/organisations/${organisation.id}/label`}>{t("label.link")}</Link>
                  <Link to="/idees">{t("ideas.nav")}</Link>
                </p>
              ) : null}
              {organisation.kind === "partner" ? (
                <p className="links">
                  <Link to={`/organisations/${organisation.id}/partenaire`}>
                    {t("partner.link")}
                    <span className="visually-hidden"> — {organisation.name}</span>
                  </Link>
                </p>
              ) : null}
            </Card>
          ))}
        </ul>
      )}
    </section>
  );
}
