import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api/client";
import { FormError, Unavailable } from "../components/forms";
import { usePageTitle } from "../components/hooks";
import { formatDate, sessionLabel } from "../i18n";

/** Who awards a badge and how: what its validity counts from. */
export type Awarding = "commission" | "label" | "automatic" | "request" | "partner";
/** A programme, or (partner set) a partner's own badges on Blason. */
export type ProgrammeRef = { slug: string; name: string; partner: string | null };

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
  forOrganisations: boolean;
  awarding: Awarding;
};
type Catalogue = {
  programme: ProgrammeRef & { description: string };
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

/**
 * The line above a badge's name: the label's programme and collection, the
 * competences programme, or the partner whose own badge it is.
 */
export function ProgrammeLine({
  programme,
  collection,
  awarding,
}: {
  programme: ProgrammeRef;
  collection: string;
  awarding: Awarding;
}) {
  const { t } = useTranslation();
  if (programme.partner)
    return (
      <Link to={`/programmes/${programme.slug}`}>
        {t("catalogue.partnerKicker", { partner: programme.partner })}
      </Link>
    );
  return (
    <>
      <Link to={`/programmes/${programme.slug}`}>{programme.name}</Link>
      {awarding === "commission" || awarding === "label"
        ? ` · ${t("catalogue.collection", { version: collection })}`
        : null}
    </>
  );
}

/** "3 ans", "18 mois": a validity in the reader's words. */
function useDuration() {
  const { t } = useTranslation();
  return (months: number) =>
    months % 12 === 0
      ? t("catalogue.years", { count: months / 12 })
      : t("catalogue.months", { count: months });
}

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
  const partner = catalogue.data?.programme.partner;
  usePageTitle(
    partner
      ? t("catalogue.partnerTitle", { partner })
      : (catalogue.data?.programme.name ?? t("catalogue.title")),
  );
  if (catalogue.isPending) return <p>{t("common.loading")}</p>;
  if (!catalogue.data) return <FormError error={catalogue.error} />;
  const { programme, collection, badges } = catalogue.data;
  if (programme.partner) return <PartnerCatalogue partner={programme.partner} badges={badges} />;
  const label = slug === "label-cfa";
  const required = badges.filter((b) => b.required);
  const optional = badges.filter((b) => !b.required && !b.forOrganisations);
  const onboarding = badges.filter((b) => b.forOrganisations);
  return (
    <>
      <p className="chip">{t("catalogue.collection", { version: collection.version })}</p>
      <h1>{programme.name}</h1>
      <p className="lead">{programme.description}</p>
      {label ? (
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
      ) : (
        <div className="card card--accent rule">
          <h2>{t("catalogue.regionalTitle")}</h2>
          <p>{t("catalogue.regionalRule")}</p>
        </div>
      )}
      {required.length ? (
        <section aria-labelledby="required-badges">
          <h2 id="required-badges">{t("catalogue.requiredTitle", { count: required.length })}</h2>
          <ul className="badge-grid plain">
            {required.map((b) => (
              <BadgeCard key={b.id} badge={b} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="optional-badges">
        <h2 id="optional-badges">
          {label
            ? t("catalogue.optionalTitle", { count: optional.length })
            : t("catalogue.regionalBadges", { count: optional.length })}
        </h2>
        <ul className="badge-grid plain">
          {optional.map((b) => (
            <BadgeCard key={b.id} badge={b} />
          ))}
        </ul>
      </section>
      {onboarding.length ? (
        <section aria-labelledby="onboarding-badges">
          <h2 id="onboarding-badges">{t("catalogue.onboardingTitle")}</h2>
          <p>{t("catalogue.onboardingIntro")}</p>
          <ul className="badge-grid plain">
            {onboarding.map((b) => (
              <BadgeCard key={b.id} badge={b} />
            ))}
          </ul>
        </section>
      ) : null}
      {label ? (
        <>
          <ProgrammeInfo slug={slug} />
          <p>
            <Link to={`/programmes/${slug}/historique`}>{t("history.link")}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

/** A partner's own badges: issued by the partner itself, no collection or commission. */
function PartnerCatalogue({ partner, badges }: { partner: string; badges: PublicBadge[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("catalogue.partnerTitle", { partner })}</h1>
      <p className="lead">{t("catalogue.partnerLead", { partner })}</p>
      <div className="card card--accent rule">
        <h2>{t("catalogue.partnerRuleTitle")}</h2>
        <p>{t("catalogue.partnerRule", { partner })}</p>
      </div>
      <ul className="badge-grid plain">
        {badges.map((b) => (
          <BadgeCard key={b.id} badge={b} />
        ))}
      </ul>
    </>
  );
}

type Session = {
  id: string;
  name: string;
  deadline: string;
  commissionDate: string;
  revisionsOnly: boolean;
};

/** The calendar of commissions, how to apply, and the questions people ask. */
function ProgrammeInfo({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const sessions = useQuery({
    queryKey: ["sessions", slug],
    queryFn: () =>
      api<{ sessions: Session[] }>("GET", `/api/programmes/${encodeURIComponent(slug)}/sessions`),
  });
  const upcoming = (sessions.data?.sessions ?? []).filter(
    (s) => s.commissionDate >= new Date().toISOString().slice(0, 10),
  );
  const faq = t("programme.faq", { returnObjects: true }) as unknown as { q: string; a: string }[];
  const steps = t("programme.steps", { returnObjects: true }) as unknown as string[];
  return (
    <>
      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t("programme.calendarTitle")}</h2>
        {upcoming.length === 0 ? (
          <p className="empty">{t("programme.noSession")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("programme.session")}</th>
                  <th scope="col">{t("programme.deadline")}</th>
                  <th scope="col">{t("programme.commission")}</th>
                </tr>
              </thead>
              <tbody>
                {upcoming.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {sessionLabel(s, i18n.language)}
                      {s.revisionsOnly ? (
                        <span className="muted"> — {t("programme.revisionsOnly")}</span>
                      ) : null}
                    </td>
                    <td>{formatDate(`${s.deadline}T12:00:00Z`, i18n.language)}</td>
                    <td>{formatDate(`${s.commissionDate}T12:00:00Z`, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">{t("programme.deadlineNote")}</p>
      </section>
      <section aria-labelledby="apply-title">
        <h2 id="apply-title">{t("programme.applyTitle")}</h2>
        <ol>
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="faq-title">
        <h2 id="faq-title">{t("programme.faqTitle")}</h2>
        {faq.map((item) => (
          <details key={item.q} className="faq">
            <summary>{item.q}</summary>
            <p>{item.a}</p>
          </details>
        ))}
        <p>
          {t("programme.contact")}{" "}
          <a href="mailto:badges@region-normandie.example">badges@region-normandie.example</a>
        </p>
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
      api<
        PublicBadge & {
          programme: ProgrammeRef;
          collection: string;
          inForce: boolean;
          successor: { id: string; name: string; collection: string } | null;
        }
      >("GET", `/api/public/badges/${encodeURIComponent(id)}`),
    retry: false,
  });
  usePageTitle(badge.data?.name ?? t("catalogue.title"));
  const duration = useDuration();
  if (!badge.data) return <Unavailable query={badge} title={t("notFound.title")} />;
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
          <ProgrammeLine programme={b.programme} collection={b.collection} awarding={b.awarding} />
        </p>
        <h1>{b.name}</h1>
        {!b.inForce ? (
          <div className="alert alert--info">
            <p>{t("history.pastBadge", { version: b.collection })}</p>
            {b.successor ? (
              <p>
                {t("history.successor")}{" "}
                <Link to={`/badges/${b.successor.id}`}>
                  {b.successor.name} (
                  {t("catalogue.collection", { version: b.successor.collection })})
                </Link>
              </p>
            ) : (
              <p>{t("history.noSuccessor")}</p>
            )}
          </div>
        ) : null}
        {b.required ? (
          <p className="chip chip--gold">
            <span aria-hidden="true">★ </span>
            {t("catalogue.requiredLong")}
          </p>
        ) : null}
        <p className="lead">{b.recognises}</p>
        <p>
          {t(`catalogue.validity.${b.awarding}`, {
            duration: duration(b.validityMonths),
            partner: b.programme.partner,
          })}
        </p>
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
                  {a.framework} {t("catalogue.indicator")}{" "}
                  {t("common.labelled", { label: a.code, value: a.name })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </article>
  );
}

type HistoryCollection = {
  version: string;
  name: string;
  inForce: boolean;
  publishedAt: string | null;
  labelTotal: number;
  badges: {
    id: string;
    name: string;
    required: boolean;
    validityMonths: number;
    url: string;
    image: string;
    successor: { id: string; name: string; collection: string } | null;
  }[];
};

/** /programmes/:slug/historique — the past collections, and what each old badge counts as today. */
export function HistoryPage() {
  const { t, i18n } = useTranslation();
  const { slug = "" } = useParams();
  const query = useQuery({
    queryKey: ["history", slug],
    queryFn: () =>
      api<{ programme: { slug: string; name: string }; collections: HistoryCollection[] }>(
        "GET",
        `/api/public/programmes/${encodeURIComponent(slug)}/collections`,
      ),
    retry: false,
  });
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
                <img src={path(b.image)} alt="" width={56} height={62} loading="lazy" />
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
