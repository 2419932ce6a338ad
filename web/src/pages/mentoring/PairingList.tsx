import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PairingSummary } from "../../api/mentoring";
import { formatDate } from "../../i18n";
import { StatusOf } from "./StatusOf";

/** The pairings the reader sees, each a link to its page. */
export function PairingList({ pairings }: { pairings: PairingSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="pairings-title">
      <h2 id="pairings-title">{t("mentoring.pairings", { count: pairings.length })}</h2>
      {pairings.length === 0 ? <p className="empty">{t("mentoring.noPairings")}</p> : null}
      <ul className="plain">
        {pairings.map((p) => (
          <li key={p.id} className="card">
            <p>
              <Link to={`/parrainage/${p.id}`}>
                {t("mentoring.pairName", { mentee: p.mentee.name, mentor: p.mentor.name })}
              </Link>{" "}
              <StatusOf status={p.status} />
            </p>
            <p className="muted">
              {t("mentoring.dates", {
                start: formatDate(p.startsAt, i18n.language),
                end: formatDate(p.endsAt, i18n.language),
              })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
