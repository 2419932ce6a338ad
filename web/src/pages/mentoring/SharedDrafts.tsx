import { useTranslation } from "react-i18next";
import type { Pairing } from "../../api/mentoring";
import { Card } from "../../components/Card";
import { formatDate } from "../../i18n";
import { useSharedDrafts } from "./use-mentoring";

/** The mentee's application drafts, read-only, when it shares them; otherwise it says so. */
export function SharedDrafts({ pairing }: { pairing: Pairing }) {
  const { t, i18n } = useTranslation();
  const drafts = useSharedDrafts(pairing.id, pairing.can.readDrafts);
  return (
    <Card as="section" aria-labelledby="shared-drafts-title">
      <h2 id="shared-drafts-title">{t("mentoring.draftsTitle")}</h2>
      {!pairing.can.readDrafts ? (
        <p className="muted">{t("mentoring.draftsNotShared", { mentee: pairing.mentee.name })}</p>
      ) : drafts.data?.drafts.length === 0 ? (
        <p className="empty">{t("mentoring.noDrafts")}</p>
      ) : (
        drafts.data?.drafts.map((d) => (
          <article key={d.id} aria-labelledby={`draft-${d.id}`}>
            <h3 id={`draft-${d.id}`}>{d.badge}</h3>
            <p className="muted">
              {t("mentoring.draftUpdated", { date: formatDate(d.updatedAt, i18n.language) })}
            </p>
            <ol>
              {d.criteria.map((c) => (
                <li key={c.statement}>
                  <p>
                    <strong>{c.statement}</strong>
                  </p>
                  <p className="answer">{c.answer || t("mentoring.noAnswer")}</p>
                </li>
              ))}
            </ol>
          </article>
        ))
      )}
    </Card>
  );
}
