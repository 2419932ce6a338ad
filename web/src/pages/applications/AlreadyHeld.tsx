import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api/client";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { formatDate } from "../../i18n";
import { useHeldCredentials } from "./use-applications";

/**
 * Why the organisation cannot open a first award for a badge it holds: the
 * server's reason, the date the held badge ends, and inside the renewal
 * window the renewal itself, one click away.
 */
export function AlreadyHeld({
  organisationId,
  badgeClassId,
  error,
  onRenew,
  pending,
}: {
  organisationId: string;
  badgeClassId: string;
  error: ApiError;
  onRenew: () => void;
  pending: boolean;
}) {
  const { t, i18n } = useTranslation();
  const held = useHeldCredentials(organisationId);
  const award = (held.data?.credentials ?? [])
    .filter((c) => c.badge.id === badgeClassId && c.status === "valid" && c.validUntil)
    .sort((a, b) => (b.validUntil ?? "").localeCompare(a.validUntil ?? ""))[0];
  const renewal = error.code === "BADGE_RENEWAL_DUE";
  return (
    <Alert tone={renewal ? "warning" : "info"} role="alert">
      <p>
        <strong>{error.message}</strong>
      </p>
      {award?.validUntil ? (
        <p>
          {t("applications.held.until", {
            badge: award.badge.name,
            date: formatDate(award.validUntil, i18n.language),
          })}
        </p>
      ) : null}
      {renewal ? (
        <Button disabled={pending} onClick={onRenew}>
          {t("applications.held.renew")}
        </Button>
      ) : null}
    </Alert>
  );
}
