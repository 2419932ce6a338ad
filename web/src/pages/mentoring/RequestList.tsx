import { useTranslation } from "react-i18next";
import type { MentoringRequest } from "../../api/mentoring";
import { Chip } from "../../components/Chip";
import { formatDate } from "../../i18n";

/** Requests for a mentor: the CFA's own, or every one for managers. */
export function RequestList({ requests }: { requests: MentoringRequest[] }) {
  const { t, i18n } = useTranslation();
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="mentoring-requests-title">
      <h2 id="mentoring-requests-title">{t("mentoring.requests")}</h2>
      <ul className="plain">
        {requests.map((r) => (
          <li key={r.id} className="card">
            <p>
              <strong>{r.organisation.name}</strong>{" "}
              <Chip tone={r.state === "open" ? "warning" : "plain"}>
                {t(`mentoring.requestStates.${r.state}`)}
              </Chip>
            </p>
            <p className="message__body">{r.message}</p>
            <p className="muted">{formatDate(r.createdAt, i18n.language)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
