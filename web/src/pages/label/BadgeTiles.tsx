import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LabelBadge } from "../../api/label";
import { formatDate } from "../../i18n";

/** The collection's badges as tiles: held in colour, missing outlined, each with where to go next. */
export function BadgeTiles({ badges }: { badges: LabelBadge[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="tiles plain" aria-label={t("label.tilesLabel")}>
      {badges.map((b) => (
        <li key={b.id} className={`tile tile--${b.state}`}>
          <img src={new URL(b.image).pathname} alt="" width={112} height={124} loading="lazy" />
          <span className="tile__name">
            {b.required ? (
              <span className="tile__star">
                <span aria-hidden="true">★ </span>
                <span className="visually-hidden">
                  {t("common.labelled", { label: t("catalogue.required"), value: "" })}
                </span>
              </span>
            ) : null}
            {b.name}
          </span>
          <span className="tile__state">
            {t(`label.states.${b.state}`)}
            {b.validUntil && (b.state === "held" || b.state === "expiring")
              ? ` · ${t("label.until", { date: formatDate(b.validUntil, i18n.language) })}`
              : ""}
          </span>
          {b.credentialId ? (
            <Link to={`/credentials/${b.credentialId}`} className="tile__link">
              {t("label.seeBadge")}
              <span className="visually-hidden"> {b.name}</span>
            </Link>
          ) : b.applicationId ? (
            <Link to={`/demandes/${b.applicationId}`} className="tile__link">
              {t("label.seeApplication")}
              <span className="visually-hidden"> {b.name}</span>
            </Link>
          ) : (
            <Link to={`/badges/${b.id}`} className="tile__link">
              {t("label.seeCriteria")}
              <span className="visually-hidden"> {b.name}</span>
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
