import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { useHistory } from "./use-catalogue";

/** /programmes/:slug/historique — the past collections, and what each old badge counts as today. */
export function HistoryPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const query = useHistory(slug);
  usePageTitle(t("history.title"));
  if (!query.data) return <Unavailable query={query} title={t("history.title")} />;
  const past = query.data.collections.filter((c) => !c.inForce);
  return (
    <>
      <p>
        <Link to={`/programmes/${slug}`}>{query.data.programme.name}</Link>
      </p>
      <h1>{t("history.title")}</h1>
      <p className="lead">{t("history.intro")}</p>
      {past.length === 0 ? <p className="empty">{t("history.none")}</p> : null}
      {past.map((c) => (
        <section key={c.version} aria-labelledby={`collection-${c.version}`}>
          <h2 id={`collection-${c.version}`}>{c.name}</h2>
          <p>
            {t("history.facts", {
              count: c.badges.length,
              total: c.labelTotal,
              required: c.badges.filter((b) => b.required).length,
            })}
            {c.publishedAt
              ? ` ${t("history.publishedOn", { date: formatDate(c.publishedAt, i18n.language) })}`
              : ""}
          </p>
          <ul className="history-list plain">
            {c.badges.map((b) => (
              <li key={b.id} className="history-item">
                <img src={sameOriginPath(b.image)} alt="" width={56} height={62} loading="lazy" />
                <span>
                  <Link to={`/badges/${b.id}`}>{b.name}</Link>
                  {b.required ? ` (${t("catalogue.required")})` : ""}
                  <br />
                  <span className="muted">
                    {b.successor
                      ? t("history.countsAs", {
                          name: b.successor.name,
                          version: b.successor.collection,
                        })
                      : t("history.noSuccessorShort")}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
