import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import { Card } from "../../components/Card";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { usePassport } from "./use-public";

/** /passports/:slug — an organisation's badges, public by the holder's acceptance. */
export function PassportPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const query = usePassport(slug);
  usePageTitle(query.data?.organisation.name ?? t("passport.title"));
  if (!query.data) return <Unavailable query={query} title={t("notFound.title")} />;
  const { organisation: o, label, badges } = query.data;
  return (
    <>
      <p className="chip">{t("passport.kicker")}</p>
      <h1>{o.name}</h1>
      <p className="lead">
        {t(`kinds.${o.kind as "cfa"}`)}
        {o.city ? ` · ${o.city}` : ""}
        {o.website ? (
          <>
            {" · "}
            <a href={o.website} rel="noopener noreferrer">
              {t("passport.website")}
            </a>
          </>
        ) : null}
      </p>
      {label ? (
        <Card accent={label.state === "active"}>
          <h2>{t("passport.labelTitle")}</h2>
          {label.state === "active" || label.state === "suspended" ? (
            <p className="label-held">
              {label.image ? (
                <img src={sameOriginPath(label.image)} alt="" width={72} height={80} />
              ) : null}
              <strong>{t(`passport.labelState.${label.state}`)}</strong>
              {label.credentialUrl ? (
                <Link to={sameOriginPath(label.credentialUrl)}>{t("passport.labelSee")}</Link>
              ) : null}
            </p>
          ) : null}
          <p>
            {label.eligible
              ? t("passport.labelMet", { collection: label.collection })
              : t("passport.labelProgress", {
                  count: label.count,
                  total: label.total,
                  required: label.requiredHeld,
                  requiredTotal: label.requiredTotal,
                })}
          </p>
          <meter min={0} max={label.total} value={Math.min(label.count, label.total)}>
            {label.count}/{label.total}
          </meter>
        </Card>
      ) : null}
      <h2>{t("passport.badges", { count: badges.length })}</h2>
      {badges.length === 0 ? <p className="empty">{t("passport.none")}</p> : null}
      <ul className="badge-grid plain">
        {badges.map((b) => (
          <li key={b.credentialId} className="badge-card">
            <Link to={`/credentials/${b.credentialId}`} className="badge-card__link">
              <img src={sameOriginPath(b.image)} alt="" width={160} height={176} loading="lazy" />
              <span className="badge-card__name">{b.name}</span>
            </Link>
            <span className="muted">
              {b.validUntil
                ? t("passport.until", { date: formatDate(b.validUntil, i18n.language) })
                : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
