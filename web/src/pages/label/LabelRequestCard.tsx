import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LabelRequestView } from "../../api/label";
import { Card } from "../../components/Card";
import { formatDate } from "../../i18n";
import { LabelDecision } from "./LabelDecision";

/** A pending request with the automatic check: as it was when sent, and as it stands now. */
export function LabelRequestCard({ request }: { request: LabelRequestView }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <Card as="article" aria-labelledby={`req-${request.id}`}>
      <h3 id={`req-${request.id}`}>
        <Link to={`/organisations/${request.organisation.id}/label`}>
          {request.organisation.name}
        </Link>
      </h3>
      <p>
        {t(`label.requests.kind_${request.kind}`)} ·{" "}
        {t("label.requests.sentOn", { date: date(request.createdAt) })}
      </p>
      {request.now?.eligible ? (
        <p className="alert alert--success">
          <span aria-hidden="true">✓ </span>
          {t("label.requests.checkOk", { count: request.now.count, total: request.check.total })}
        </p>
      ) : (
        <div className="alert alert--error">
          <p>
            {t("label.requests.checkLost", {
              count: request.now?.count ?? 0,
              total: request.check.total,
            })}
          </p>
          {request.now?.missingRequired.length ? (
            <p>
              {t("label.requests.missingRequired", {
                badges: request.now.missingRequired.join(", "),
              })}
            </p>
          ) : null}
        </div>
      )}
      <details>
        <summary>{t("label.requests.counted", { count: request.check.counted.length })}</summary>
        <ul>
          {request.check.counted.map((c) => (
            <li key={c.credentialId}>
              <Link to={`/credentials/${c.credentialId}`}>{c.badge}</Link>
              {c.validUntil ? ` · ${t("label.until", { date: date(c.validUntil) })}` : ""}
            </li>
          ))}
        </ul>
      </details>
      <LabelDecision request={request} />
    </Card>
  );
}
