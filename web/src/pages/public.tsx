import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { FormError, Unavailable } from "../components/forms";
import { usePageTitle } from "../components/hooks";
import { formatDate } from "../i18n";

type Passport = {
  organisation: {
    slug: string;
    name: string;
    kind: string;
    city: string | null;
    website: string | null;
    url: string;
  };
  label: {
    eligible: boolean;
    count: number;
    total: number;
    requiredHeld: number;
    requiredTotal: number;
    collection: string;
    state: "none" | "active" | "suspended" | "expired" | "revoked";
    credentialUrl: string | null;
    image: string | null;
  } | null;
  badges: {
    credentialId: string;
    name: string;
    required: boolean;
    validFrom: string;
    validUntil: string | null;
    image: string;
  }[];
};

const path = (url: string) => new URL(url).pathname;

/** /passports/:slug — an organisation's badges, public by the holder's acceptance. */
export function PassportPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const query = useQuery({
    queryKey: ["passport", slug],
    queryFn: () => api<Passport>("GET", `/api/public/passports/${encodeURIComponent(slug)}`),
    retry: false,
  });
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
        <div className={`card ${label.state === "active" ? "card--accent" : ""}`}>
          <h2>{t("passport.labelTitle")}</h2>
          {label.state === "active" || label.state === "suspended" ? (
            <p className="label-held">
              {label.image ? <img src={path(label.image)} alt="" width={72} height={80} /> : null}
              <strong>{t(`passport.labelState.${label.state}`)}</strong>
              {label.credentialUrl ? (
                <Link to={path(label.credentialUrl)}>{t("passport.labelSee")}</Link>
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
        </div>
      ) : null}
      <h2>{t("passport.badges", { count: badges.length })}</h2>
      {badges.length === 0 ? <p className="empty">{t("passport.none")}</p> : null}
      <ul className="badge-grid plain">
        {badges.map((b) => (
          <li key={b.credentialId} className="badge-card">
            <Link to={`/credentials/${b.credentialId}`} className="badge-card__link">
              <img src={path(b.image)} alt="" width={160} height={176} loading="lazy" />
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

type Laureate = {
  slug: string;
  name: string;
  city: string | null;
  count: number;
  badges: string[];
};

/** /laureats — the CFAs that meet the label rule. */
export function LaureatesPage() {
  const { t } = useTranslation();
  usePageTitle(t("laureates.title"));
  const query = useQuery({
    queryKey: ["laureates"],
    queryFn: () => api<{ laureates: Laureate[] }>("GET", "/api/public/laureates"),
  });
  if (query.isPending) return <p>{t("common.loading")}</p>;
  const list = query.data?.laureates ?? [];
  return (
    <>
      <h1>{t("laureates.title")}</h1>
      <p className="lead">{t("laureates.lead")}</p>
      <FormError error={query.error} />
      {list.length === 0 ? <p className="empty">{t("laureates.none")}</p> : null}
      <ul className="plain credential-list">
        {list.map((l) => (
          <li key={l.slug} className="card">
            <h2>
              <span aria-hidden="true">★ </span>
              <Link to={`/passports/${l.slug}`}>{l.name}</Link>
            </h2>
            <p className="muted">
              {l.city ? `${l.city} · ` : ""}
              {t("laureates.count", { count: l.count })}
            </p>
            <p>{l.badges.join(" · ")}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

type Statistics = {
  badgesPerYear: { year: number; count: number }[];
  badgesPerBadge: { badge: string; required: boolean; count: number }[];
  organisationsEngaged: number;
  laureates: number;
};

/** A horizontal bar chart in SVG, with the figures as text beside each bar. */
function BarChart({
  title,
  rows,
}: {
  title: string;
  rows: { label: string; value: number; highlight?: boolean }[];
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 28;
  const labelWidth = 360;
  const width = 900;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${rows.length * rowHeight + 8}`}
        width="100%"
        role="img"
        aria-label={title}
      >
        <title>{title}</title>
        {rows.map((r, i) => {
          const barWidth = ((width - labelWidth - 60) * r.value) / max;
          const y = i * rowHeight + 4;
          return (
            <g key={r.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="chart__label">
                {r.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(barWidth, r.value > 0 ? 2 : 0)}
                height={rowHeight - 10}
                rx={3}
                className={r.highlight ? "chart__bar chart__bar--gold" : "chart__bar"}
              />
              <text x={labelWidth + barWidth + 6} y={y + 17} className="chart__value">
                {r.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** /statistiques — the programme's figures, as charts and as CSV. */
export function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t("stats.title"));
  const query = useQuery({
    queryKey: ["statistics"],
    queryFn: () => api<Statistics>("GET", "/api/public/statistics"),
  });
  if (query.isPending) return <p>{t("common.loading")}</p>;
  if (!query.data) return <FormError error={query.error} />;
  const s = query.data;
  const total = s.badgesPerYear.reduce((sum, r) => sum + r.count, 0);
  return (
    <>
      <h1>{t("stats.title")}</h1>
      <p className="lead">{t("stats.lead")}</p>
      <ul className="figures plain">
        <li className="card">
          <span className="figures__value">{total}</span>
          <span>{t("stats.delivered")}</span>
        </li>
        <li className="card">
          <span className="figures__value">{s.organisationsEngaged}</span>
          <span>{t("stats.engaged")}</span>
        </li>
        <li className="card">
          <span className="figures__value">{s.laureates}</span>
          <span>{t("stats.laureates")}</span>
        </li>
      </ul>
      <BarChart
        title={t("stats.perYear")}
        rows={s.badgesPerYear.map((r) => ({ label: String(r.year), value: r.count }))}
      />
      <BarChart
        title={t("stats.perBadge")}
        rows={s.badgesPerBadge.map((r) => ({
          label: r.required ? `★ ${r.badge}` : r.badge,
          value: r.count,
          highlight: r.required,
        }))}
      />
      <p>
        <a className="button button--secondary" href="/api/public/statistics.csv" download>
          {t("stats.csv")}
        </a>
      </p>
    </>
  );
}

type IssuerProfile = { id: string; name: string; url: string; email: string };

/** /issuers/:slug — who signs the badges, and where its keys are published. */
export function IssuerPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const query = useQuery({
    queryKey: ["issuer", slug],
    queryFn: () => api<IssuerProfile>("GET", `/issuers/${encodeURIComponent(slug)}`),
    retry: false,
  });
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
