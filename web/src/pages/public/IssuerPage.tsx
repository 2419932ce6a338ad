import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { useIssuer } from "./use-public";

/** /issuers/:slug — who signs the badges, and where its keys are published. */
export function IssuerPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const query = useIssuer(slug);
  usePageTitle(query.data?.name ?? t("issuer.title"));
  if (!query.data) return <Unavailable query={query} title={t("notFound.title")} />;
  const p = query.data;
  return (
    <>
      <p className="chip">{t("issuer.kicker")}</p>
      <h1>{p.name}</h1>
      <p className="lead">{t("issuer.lead")}</p>
      <dl className="facts card">
        <dt>{t("issuer.website")}</dt>
        <dd>
          <a href={p.url} rel="noopener noreferrer">
            {p.url}
          </a>
        </dd>
        <dt>{t("issuer.email")}</dt>
        <dd>
          <a href={`mailto:${p.email}`}>{p.email}</a>
        </dd>
        <dt>{t("issuer.did")}</dt>
        <dd>
          <code>{p.id}</code>
        </dd>
        <dt>{t("issuer.keys")}</dt>
        <dd>
          <a href={`/issuers/${encodeURIComponent(slug)}/did.json`}>did.json</a>
        </dd>
      </dl>
      <p>
        <Link to="/programmes/label-cfa">{t("catalogue.link")}</Link> ·{" "}
        <Link to="/verify">{t("verifier.nav")}</Link>
      </p>
    </>
  );
}
