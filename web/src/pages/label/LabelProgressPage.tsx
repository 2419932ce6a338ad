import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { BadgeTiles } from "./BadgeTiles";
import { LabelPanel } from "./LabelPanel";
import { Rings } from "./Rings";
import { useLabelProgress } from "./use-label";

/** /organisations/:id/label — the collection as a picture: what is held, pending, expiring, missing. */
export function LabelProgressPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const query = useLabelProgress(id);
  usePageTitle(t("label.title"));
  if (!query.data) return <Unavailable query={query} title={t("label.title")} />;
  const p = query.data;
  const missingRequired = p.requiredTotal - p.requiredHeld;
  const short = Math.max(p.total - p.count, missingRequired);
  return (
    <>
      <p>
        <Link to={`/organisations/${id}`}>{t("common.back")}</Link>
      </p>
      <p className="chip">{t("catalogue.collection", { version: p.collection })}</p>
      <h1>{t("label.title")}</h1>
      <div className="label-summary card">
        <Rings progress={p} />
        <div>
          {p.eligible ? (
            <p className="lead">
              <span aria-hidden="true">★ </span>
              {t("label.eligible")}
            </p>
          ) : (
            <p className="lead">
              {t("label.short", { count: short })}
              {missingRequired > 0
                ? ` ${t("label.shortRequired", { count: missingRequired })}`
                : ""}
            </p>
          )}
          {p.atRiskFrom ? (
            <p className="alert alert--warning">
              {t("label.atRisk", { date: formatDate(p.atRiskFrom, i18n.language) })}
            </p>
          ) : null}
          <ul className="legend plain">
            {(["held", "expiring", "pending", "lapsed", "missing"] as const).map((s) => (
              <li key={s}>
                <span className={`legend__swatch legend__swatch--${s}`} aria-hidden="true" />
                {t(`label.states.${s}`)} ({p.badges.filter((b) => b.state === s).length})
              </li>
            ))}
          </ul>
        </div>
      </div>
      <LabelPanel organisationId={id} progress={p} />
      <BadgeTiles badges={p.badges} />
    </>
  );
}
