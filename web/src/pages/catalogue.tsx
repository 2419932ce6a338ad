import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { FormError } from "../components/forms";
import { usePageTitle } from "../components/hooks";

type PublicBadge = {
  id: string;
  slug: string;
  name: string;
  recognises: string;
  required: boolean;
  validityMonths: number;
  url: string;
  image: string;
  criteria: { statement: string; evidence: string[] }[];
  renewalExtra: string | null;
  alignments: { framework: string; code: string; name: string }[];
};
type Catalogue = {
  programme: { slug: string; name: string; description: string };
  collection: {
    version: string;
    name: string;
    labelTotal: number;
    badgeCount: number;
    requiredCount: number;
  };
  badges: PublicBadge[];
};

/** Same-origin path of an absolute URL the API gives (images are served by us). */
const path = (url: string) => new URL(url).pathname;

function BadgeCard({ badge }: { badge: PublicBadge }) {
  const { t } = useTranslation();
  return (
    <li className="badge-card">
      <Link to={`/badges/${badge.id}`} className="badge-card__link">
        <img src={path(badge.image)} alt="" width={160} height={176} loading="lazy" />
        <span className="badge-card__name">{badge.name}</span>
      </Link>
      {badge.required ? (
        <span className="chip chip--gold">
          <span aria-hidden="true">★ </span>
          {t("catalogue.required")}
        </span>
      ) : null}
    </li>
  );
}

export function CataloguePage() {
  const { t } = useTranslation();
  const { slug = "label-cfa" } = useParams();
  const catalogue = useQuery({
    queryKey: ["catalogue", slug],
    queryFn: () =>
      api<Catalogue>("GET", `/api/public/programmes/${encodeURIComponent(slug)}/badges`),
  });
  usePageTitle(catalogue.data?.programme.name ?? t("catalogue.title"));
  if (catalogue.isPending) return <p>{t("common.loading")}</p>;
  if (!catalogue.data) return <FormError error={catalogue.error} />;
  const { programme, collection, badges } = catalogue.data;
  const required = badges.filter((b) => b.required);
  const optional = badges.filter((b) => !b.required);
  return (
    <>
      <p className="chip">{t("catalogue.collection", { version: collection.version })}</p>
      <h1>{programme.name}</h1>
      <p className="lead">{programme.description}</p>
      <div className="card card--accent rule">
        <h2>{t("catalogue.ruleTitle")}</h2>
        <p>
          {t("catalogue.rule", {
            total: collection.labelTotal,
            required: collection.requiredCount,
            count: collection.badgeCount,
          })}
        </p>
      </div>
      <section aria-labelledby="required-badges">
        <h2 id="required-badges">{t("catalogue.requiredTitle", { count: required.length })}</h2>
        <ul className="badge-grid plain">
          {required.map((b) => (
            <BadgeCard key={b.id} badge={b} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="optional-badges">
        <h2 id="optional-badges">{t("catalogue.optionalTitle", { count: optional.length })}</h2>
        <ul className="badge-grid plain">
          {optional.map((b) => (
            <BadgeCard key={b.id} badge={b} />
          ))}
        </ul>
      </section>
    </>
  );
}

export function BadgePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const badge = useQuery({
    queryKey: ["badge", id],
    queryFn: () =>
      api<PublicBadge & { programme: { slug: string; name: string }; collection: string }>(
        "GET",
        `/api/public/badges/${encodeURIComponent(id)}`,
      ),
    retry: false,
  });
  usePageTitle(badge.data?.name ?? t("catalogue.title"));
  if (badge.isPending) return <p>{t("common.loading")}</p>;
  if (!badge.data)
    return (
      <>
        <h1>{t("notFound.title")}</h1>
        <FormError error={badge.error} />
      </>
    );
  const b = badge.data;
  return (
    <article className="badge-page">
      <div className="badge-page__image">
        <img
          src={path(b.image)}
          alt={t("catalogue.imageAlt", { name: b.name })}
          width={280}
          height={308}
        />
      </div>
      <div>
        <p>
          <Link to={`/programmes/${b.programme.slug}`}>{b.programme.name}</Link> ·{" "}
          {t("catalogue.collection", { version: b.collection })}
        </p>
        <h1>{b.name}</h1>
        {b.required ? (
          <p className="chip chip--gold">
            <span aria-hidden="true">★ </span>
            {t("catalogue.requiredLong")}
          </p>
        ) : null}
        <p className="lead">{b.recognises}</p>
        <p>{t("catalogue.validity", { years: b.validityMonths / 12 })}</p>
        <h2 id="criteres">{t("catalogue.criteria")}</h2>
        <ol className="criteria">
          {b.criteria.map((c) => (
            <li key={c.statement}>
              <p>{c.statement}</p>
              <p className="muted">{t("catalogue.evidence")}</p>
              <ul>
                {c.evidence.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
        {b.renewalExtra ? (
          <div className="alert alert--info">
            <strong>{t("catalogue.renewal")}</strong> {b.renewalExtra}
          </div>
        ) : null}
        {b.alignments.length > 0 ? (
          <>
            <h2 id="correspondances">{t("catalogue.alignments")}</h2>
            <ul>
              {b.alignments.map((a) => (
                <li key={a.code}>
                  {a.framework} {t("catalogue.indicator")} {a.code} : {a.name}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </article>
  );
}
