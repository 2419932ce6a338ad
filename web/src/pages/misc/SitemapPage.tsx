import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../components/hooks";

export function SitemapPage() {
  const { t } = useTranslation();
  usePageTitle(t("legal.sitemapTitle"));
  const links: [string, string][] = [
    ["/", t("layout.home")],
    ["/programmes/label-cfa", t("layout.catalogue")],
    ["/programmes/competences", t("nav.competencesLink")],
    ["/verify", t("verifier.nav")],
    ["/laureats", t("laureates.nav")],
    ["/statistiques", t("stats.nav")],
    ["/connexion", t("signIn.title")],
    ["/mot-de-passe-oublie", t("forgot.title")],
    ["/accueil", t("layout.dashboard")],
    ["/organisations", t("layout.organisations")],
    ["/compte", t("layout.account")],
    ["/admin/utilisateurs", t("admin.usersTitle")],
    ["/admin/journal", t("admin.auditTitle")],
    ["/gestion/badges-delivres", t("issued.title")],
    ["/mentions-legales", t("layout.legal")],
    ["/donnees-personnelles", t("layout.privacy")],
    ["/accessibilite", t("legal.a11yTitle")],
  ];
  return (
    <article className="prose">
      <h1>{t("legal.sitemapTitle")}</h1>
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to}>{label}</Link>
          </li>
        ))}
      </ul>
    </article>
  );
}
