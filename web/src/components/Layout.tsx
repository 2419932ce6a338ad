import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { signOut as endSession } from "../api/auth";
import { changeLanguage } from "../i18n";
import { Button, buttonClass } from "./Button";
import { hasRole, useConfig, useMe } from "./hooks";
import { Shield } from "./Shield";

export function Layout() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const { data: config } = useConfig();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Move focus to the content after each navigation, as a page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const signOut = async () => {
    await endSession();
    queryClient.clear();
    navigate("/connexion");
  };
  const other = i18n.language === "en" ? "fr" : "en";
  const staff = hasRole(me, "programme_manager") || hasRole(me, "platform_admin");

  return (
    <>
      <a className="skip-link" href="#contenu">
        {t("layout.skip")}
      </a>
      {config?.demo ? (
        <div className="demo-banner" role="note">
          {t("layout.demo")}
          {config.devMailbox ? (
            <>
              {" · "}
              <Link to="/dev/boite-mail">{t("layout.demoMailbox")}</Link>
            </>
          ) : null}
        </div>
      ) : null}
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={me ? "/accueil" : "/"} className="brand">
            <Shield />
            <span>
              <span className="brand__name">{t("app.name")}</span>
              <span className="brand__tagline">{t("app.tagline")}</span>
            </span>
          </Link>
          <nav aria-label={t("layout.mainNav")} className="main-nav">
            <ul>
              <li>
                <NavLink to="/programmes/label-cfa">{t("layout.catalogue")}</NavLink>
              </li>
              <li>
                <NavLink to="/verify">{t("verifier.nav")}</NavLink>
              </li>
              {me ? (
                <>
                  <li>
                    <NavLink to="/accueil">{t("layout.dashboard")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/demandes">{t("applications.nav")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/organisations">{t("layout.organisations")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/conseil">{t("support.nav")}</NavLink>
                  </li>
                  {hasRole(me, "platform_admin") ? (
                    <li>
                      <NavLink to="/admin/utilisateurs">{t("layout.users")}</NavLink>
                    </li>
                  ) : null}
                  {staff ? (
                    <li>
                      <NavLink to="/admin/journal">{t("layout.audit")}</NavLink>
                    </li>
                  ) : null}
                  <li>
                    <NavLink to="/compte">{t("layout.account")}</NavLink>
                  </li>
                </>
              ) : (
                <li>
                  <NavLink to="/">{t("layout.home")}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="site-header__tools">
            <Button
              variant="ghost"
              className="lang-switch"
              lang={other}
              aria-label={t("layout.switchToLabel")}
              onClick={() => changeLanguage(other)}
            >
              {t("layout.switchTo")}
            </Button>
            {me ? (
              <Button variant="ghost" onClick={signOut}>
                {t("layout.signOut")}
              </Button>
            ) : (
              <Link className={buttonClass("light")} to="/connexion">
                {t("layout.signIn")}
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="contenu" tabIndex={-1} ref={main}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>
            <Shield size={20} /> {t("layout.publisher")}
          </p>
          <nav aria-label={t("layout.footerNav")}>
            <ul>
              <li>
                <Link to="/mentions-legales">{t("layout.legal")}</Link>
              </li>
              <li>
                <Link to="/donnees-personnelles">{t("layout.privacy")}</Link>
              </li>
              <li>
                <Link to="/accessibilite">{t("layout.accessibility")}</Link>
              </li>
              <li>
                <Link to="/plan-du-site">{t("layout.sitemap")}</Link>
              </li>
              <li>
                <Link to="/laureats">{t("laureates.nav")}</Link>
              </li>
              <li>
                <Link to="/statistiques">{t("stats.nav")}</Link>
              </li>
            </ul>
          </nav>
        </div>
      </footer>
    </>
  );
}
