import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../../components/Button";
import { Card } from "../../components/Card";
import { useMe, usePageTitle } from "../../components/hooks";
import { Shield } from "../../components/Shield";

/** / — what Blason is, the label and the regional badges, and the way in. */
export function PublicHomePage() {
  const { t } = useTranslation();
  usePageTitle(t("layout.home"));
  const { data: me } = useMe();
  return (
    <>
      <section className="hero">
        <div>
          <h1>{t("publicHome.title")}</h1>
          <p className="lead">{t("publicHome.lead")}</p>
          <Link className={buttonClass("primary", "large")} to={me ? "/accueil" : "/connexion"}>
            {t("publicHome.cta")}
          </Link>
        </div>
        <div className="hero__art" aria-hidden="true">
          <Shield size={180} />
        </div>
      </section>
      <div className="grid grid--2">
        <Card as="section" accent>
          <h2>{t("publicHome.labelTitle")}</h2>
          <p>{t("publicHome.labelText")}</p>
          <Link to="/programmes/label-cfa">{t("catalogue.link")}</Link>
        </Card>
        <Card as="section" accent>
          <h2>{t("publicHome.skillsTitle")}</h2>
          <p>{t("publicHome.skillsText")}</p>
          <Link to="/programmes/competences">{t("nav.competencesLink")}</Link>
        </Card>
      </div>
      <Card as="section">
        <h2>{t("publicHome.whatTitle")}</h2>
        <p>{t("publicHome.whatText")}</p>
      </Card>
    </>
  );
}
