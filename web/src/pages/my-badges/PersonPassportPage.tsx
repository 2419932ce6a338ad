import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { usePersonPassport } from "./use-my-badges";

/** /personnes/:slug — a person's public passport, when they opened it. */
export function PersonPassportPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const passport = usePersonPassport(slug);
  usePageTitle(
    passport.data
      ? t("myBadges.publicTitle", { name: passport.data.name })
      : t("myBadges.publicTitleShort"),
  );
  if (!passport.data)
    return <Unavailable query={passport} title={t("myBadges.publicTitleShort")} />;
  const p = passport.data;
  return (
    <>
      <h1>{t("myBadges.publicTitle", { name: p.name })}</h1>
      <p className="lead">{t("myBadges.publicIntro")}</p>
      {p.badges.length === 0 ? <p className="empty">{t("myBadges.publicNone")}</p> : null}
      <ul className="badge-grid plain">
        {p.badges.map((b) => (
          <li key={b.url} className="badge-card">
            <Link to={sameOriginPath(b.url)} className="badge-card__link">
              <img src={sameOriginPath(b.image)} alt="" width={160} height={176} loading="lazy" />
              <span className="badge-card__name">{b.name}</span>
            </Link>
            <span className="muted">
              {b.issuer} · {formatDate(b.validFrom, i18n.language)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
