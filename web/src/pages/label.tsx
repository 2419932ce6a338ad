import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { Unavailable } from "../components/forms";
import { usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

type BadgeState = "held" | "expiring" | "pending" | "missing";
type Progress = {
  programme: { slug: string; name: string };
  collection: string;
  eligible: boolean;
  count: number;
  total: number;
  requiredTotal: number;
  requiredHeld: number;
  atRiskFrom: string | null;
  badges: {
    id: string;
    name: string;
    required: boolean;
    state: BadgeState;
    validUntil: string | null;
    credentialId: string | null;
    applicationId: string | null;
    image: string;
  }[];
};

/** Two rings: badges counted towards the total (outer), required ones held (inner). */
function Rings({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const ring = (radius: number, fraction: number, className: string) => {
    const length = 2 * Math.PI * radius;
    return (
      <>
        <circle className="ring__track" cx="90" cy="90" r={radius} />
        <circle
          className={className}
          cx="90"
          cy="90"
          r={radius}
          strokeDasharray={`${Math.min(1, fraction) * length} ${length}`}
          transform="rotate(-90 90 90)"
        />
      </>
    );
  };
  const caption = t("label.ringsCaption", {
    count: progress.count,
    total: progress.total,
    required: progress.requiredHeld,
    requiredTotal: progress.requiredTotal,
  });
  return (
    <figure className="rings">
      <svg
        viewBox="0 0 180 180"
        width="180"
        height="180"
        role="img"
        aria-labelledby="rings-caption"
      >
        <title>{caption}</title>
        {ring(80, progress.count / progress.total, "ring__total")}
        {ring(62, progress.requiredHeld / progress.requiredTotal, "ring__required")}
        <text x="90" y="88" textAnchor="middle" className="rings__count">
          {progress.count}/{progress.total}
        </text>
        <text x="90" y="110" textAnchor="middle" className="rings__sub">
          {t("label.badges")}
        </text>
      </svg>
      <figcaption id="rings-caption">{caption}</figcaption>
    </figure>
  );
}

/** /organisations/:id/label — the collection as a picture: what is held, pending, expiring, missing. */
export function LabelProgressPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const query = useQuery({
    queryKey: ["label-progress", id],
    queryFn: () => api<Progress>("GET", `/api/organisations/${encodeURIComponent(id)}/label`),
    retry: false,
  });
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
            {(["held", "expiring", "pending", "missing"] as const).map((s) => (
              <li key={s}>
                <span className={`legend__swatch legend__swatch--${s}`} aria-hidden="true" />
                {t(`label.states.${s}`)} ({p.badges.filter((b) => b.state === s).length})
              </li>
            ))}
          </ul>
        </div>
      </div>
      <ul className="tiles plain" aria-label={t("label.tilesLabel")}>
        {p.badges.map((b) => (
          <li key={b.id} className={`tile tile--${b.state}`}>
            <img src={new URL(b.image).pathname} alt="" width={112} height={124} loading="lazy" />
            <span className="tile__name">
              {b.required ? (
                <span className="tile__star">
                  <span aria-hidden="true">★ </span>
                  <span className="visually-hidden">{t("catalogue.required")} : </span>
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
    </>
  );
}
