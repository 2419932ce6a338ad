import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import { Alert } from "../../components/Alert";
import { Unavailable } from "../../components/forms";
import { usePageTitle } from "../../components/hooks";
import { ProgrammeLine } from "../../components/ProgrammeLine";
import { BadgeEndorsements } from "./BadgeEndorsements";
import { usePublicBadge } from "./use-catalogue";
import { useDuration } from "./use-duration";

/** /badges/:id — one badge: image, criteria, evidence, validity, correspondences. */
export function BadgePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const badge = usePublicBadge(id);
  usePageTitle(badge.data?.name ?? t("catalogue.title"));
  const duration = useDuration();
  if (!badge.data) return <Unavailable query={badge} title={t("notFound.title")} />;
  const b = badge.data;
  return (
    <article className="badge-page">
      <div className="badge-page__image">
        <img
          src={sameOriginPath(b.image)}
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
          <Alert tone="info">
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
          </Alert>
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
          <Alert tone="info">
            <strong>{t("catalogue.renewal")}</strong> {b.renewalExtra}
          </Alert>
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
        <BadgeEndorsements endorsements={b.endorsements} />
      </div>
    </article>
  );
}
