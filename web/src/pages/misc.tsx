import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { endpoints } from "../api/client";
import { FormError } from "../components/forms";
import { usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

export function MailboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("mailbox.title"));
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ["mailbox"],
    queryFn: endpoints.mailbox,
    refetchInterval: 3000,
  });
  const mail = useQuery({
    queryKey: ["mail", openId],
    queryFn: () => endpoints.mail(openId ?? ""),
    enabled: !!openId,
  });
  return (
    <>
      <h1>{t("mailbox.title")}</h1>
      <p className="lead">{t("mailbox.intro")}</p>
      <FormError error={list.error} />
      {list.data && list.data.messages.length === 0 ? (
        <p className="empty">{t("mailbox.empty")}</p>
      ) : null}
      {list.data && list.data.messages.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t("mailbox.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("mailbox.date")}</th>
                <th scope="col">{t("mailbox.to")}</th>
                <th scope="col">{t("mailbox.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.messages.map((m) => (
                <tr key={m.id} aria-current={m.id === openId ? "true" : undefined}>
                  <td>{formatDate(m.createdAt, i18n.language, true)}</td>
                  <td>{m.to}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setOpenId(m.id)}>
                      {m.subject}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {mail.data ? (
        <section className="card mail" aria-labelledby="mail-subject">
          <h2 id="mail-subject">{mail.data.subject}</h2>
          <p className="muted">
            {t("mailbox.to")} : {mail.data.to}
          </p>
          <h3>{t("mailbox.html")}</h3>
          <iframe
            title={mail.data.subject}
            sandbox=""
            srcDoc={mail.data.html}
            className="mail__frame"
          />
          <h3>{t("mailbox.text")}</h3>
          <pre className="mail__text">{mail.data.text}</pre>
        </section>
      ) : null}
    </>
  );
}

function TextPage({ title, body }: { title: string; body: readonly string[] }) {
  usePageTitle(title);
  return (
    <article className="prose">
      <h1>{title}</h1>
      {body.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </article>
  );
}

export function LegalPage() {
  const { t } = useTranslation();
  return (
    <TextPage
      title={t("legal.legalTitle")}
      body={t("legal.legalBody", { returnObjects: true }) as string[]}
    />
  );
}
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <TextPage
      title={t("legal.privacyTitle")}
      body={t("legal.privacyBody", { returnObjects: true }) as string[]}
    />
  );
}
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <TextPage
      title={t("legal.a11yTitle")}
      body={t("legal.a11yBody", { returnObjects: true }) as string[]}
    />
  );
}

export function SitemapPage() {
  const { t } = useTranslation();
  usePageTitle(t("legal.sitemapTitle"));
  const links: [string, string][] = [
    ["/", t("layout.home")],
    ["/programmes/label-cfa", t("layout.catalogue")],
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
