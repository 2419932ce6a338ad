import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LabelProgress } from "../../api/label";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { FormError, Notice } from "../../components/forms";
import { useMe } from "../../components/hooks";
import { formatDate } from "../../i18n";
import { useLabelRequest } from "./use-label";

/** The label itself: held, suspended (and why), requested, or to request. */
export function LabelPanel({
  organisationId,
  progress,
}: {
  organisationId: string;
  progress: LabelProgress;
}) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const label = progress.label;
  const isMember = !!me?.memberships.some((m) => m.organisation.id === organisationId);
  const { request, withdraw } = useLabelRequest(organisationId);
  const date = (iso: string) => formatDate(iso, i18n.language);
  const pending = label.request?.state === "pending" ? label.request : null;
  const refused = label.request?.state === "refused" ? label.request : null;
  return (
    <Card
      as="section"
      aria-labelledby="label-state"
      className={`label-panel label-panel--${label.state}`}
    >
      {label.image ? (
        <img src={new URL(label.image).pathname} alt="" width={96} height={106} />
      ) : null}
      <div>
        <h2 id="label-state">{t(`label.panel.${label.state}`)}</h2>
        {label.state === "active" && label.validUntil ? (
          <p>{t("label.panel.activeUntil", { date: date(label.validUntil) })}</p>
        ) : null}
        {label.state === "suspended" ? (
          <Alert tone="error" quiet>
            <p>
              <strong>
                {t("label.panel.suspendedSince", { date: date(label.suspendedAt ?? "") })}
              </strong>
            </p>
            {label.suspensionReason ? <p>{label.suspensionReason}</p> : null}
            <p>{t("label.panel.suspendedHelp")}</p>
          </Alert>
        ) : null}
        {label.credentialId && label.state !== "none" ? (
          <p>
            <Link to={`/credentials/${label.credentialId}`}>{t("label.panel.seeLabel")}</Link>
          </p>
        ) : null}
        {pending ? (
          <Alert tone="info">
            <p>{t(`label.panel.pending_${pending.kind}`, { date: date(pending.createdAt) })}</p>
            {isMember ? (
              <Button
                variant="secondary"
                onClick={() => withdraw.mutate(pending.id)}
                disabled={withdraw.isPending}
              >
                {t("label.panel.withdraw")}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {refused ? (
          <Alert tone="warning">
            <p>
              <strong>{t("label.panel.refused", { date: date(refused.decidedAt ?? "") })}</strong>
            </p>
            {refused.motivation ? <p>{refused.motivation}</p> : null}
          </Alert>
        ) : null}
        {request.isSuccess ? <Notice>{t("label.panel.sent")}</Notice> : null}
        <FormError error={request.error ?? withdraw.error} />
        {label.canRequest && isMember ? (
          <>
            <p>{t(`label.panel.canRequest_${label.requestKind}`)}</p>
            <Button onClick={() => request.mutate()} disabled={request.isPending}>
              {t(`label.panel.request_${label.requestKind}`)}
            </Button>
          </>
        ) : null}
      </div>
    </Card>
  );
}
