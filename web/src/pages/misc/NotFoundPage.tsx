import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { usePageTitle } from "../../components/hooks";

/** Any path that is not a page (web/src/page-paths.ts); the server answers it with 404. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  usePageTitle(t("notFound.title"));
  return (
    <div className="narrow not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p className="muted">
        {t("notFound.asked")} <code className="not-found__path">{pathname}</code>
      </p>
      <h2 className="not-found__next">{t("notFound.next")}</h2>
      <ul className="not-found__links">
        <li>
          <Link to="/">{t("notFound.home")}</Link>
        </li>
        <li>
          <Link to="/programmes/label-cfa">{t("notFound.catalogue")}</Link>
        </li>
        <li>
          <Link to="/verify">{t("notFound.verify")}</Link>
        </li>
        <li>
          <Link to="/plan-du-site">{t("notFound.sitemap")}</Link>
        </li>
      </ul>
    </div>
  );
}
