import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** What the router shows when a page fails to render (loaded with the app, never lazily). */
export function ErrorPage() {
  const { t } = useTranslation();
  return (
    <main id="contenu" className="container narrow">
      <h1>{t("errors.title")}</h1>
      <p>{t("errors.text")}</p>
      <Link to="/">{t("notFound.home")}</Link>
    </main>
  );
}
