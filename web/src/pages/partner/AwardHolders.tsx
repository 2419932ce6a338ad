import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { sameOriginPath } from "../../api/catalogue";
import type { Award } from "../../api/partners";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { FormError, TextAreaField } from "../../components/forms";
import { formatDate } from "../../i18n";

/** Who holds a badge, folded under the count; each award not revoked may be revoked, with a reason. */
export function AwardHolders({
  awards,
  error,
  onRevoke,
}: {
  awards: Award[];
  error: unknown;
  onRevoke: (id: string, reason: string) => void;
}) {
  const { t, i18n } = useTranslation();
  // The award being revoked, its reason, and whether "Confirm" was pressed without one.
  const [target, setTarget] = useState<Award | null>(null);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const close = () => {
    setTarget(null);
    setReason("");
    setMissing(false);
  };
  // Holders are the awards not revoked, as the card's count and the public figures count them.
  const revokedCount = awards.filter((a) => a.status === "revoked").length;
  const holdersText = [
    t("partner.holders", { count: awards.length - revokedCount }),
    ...(revokedCount ? [t("partner.revokedCount", { count: revokedCount })] : []),
  ].join(" · ");
  return (
    <details>
      <summary>{holdersText}</summary>
      <FormError error={error} />
      <DataTable<Award>
        caption={holdersText}
        captionHidden
        framed={false}
        rows={awards}
        rowKey={(a) => a.id}
        pageSize={20}
        columns={[
          {
            key: "email",
            header: t("partner.email"),
            sortValue: (a) => a.email,
            cell: (a) => <Link to={sameOriginPath(a.url)}>{a.email}</Link>,
          },
          {
            key: "issuedAt",
            header: t("partner.issuedAt"),
            sortValue: (a) => a.issuedAt,
            cell: (a) => formatDate(a.issuedAt, i18n.language),
          },
          {
            key: "status",
            header: t("partner.status"),
            sortValue: (a) => a.status,
            cell: (a) => t(`credential.status.${a.status}`, { defaultValue: a.status }),
          },
          {
            key: "actions",
            header: t("partner.actions"),
            cell: (a) =>
              a.status === "revoked" ? null : (
                <Button variant="secondary" onClick={() => setTarget(a)}>
                  {t("partner.revoke")}
                  <span className="visually-hidden"> — {a.email}</span>
                </Button>
              ),
          },
        ]}
      />
      <ConfirmDialog
        open={target !== null}
        title={t("partner.revokeTitle", { email: target?.email ?? "" })}
        confirmLabel={t("partner.revokeYes")}
        danger
        onCancel={close}
        onConfirm={() => {
          if (!target) return;
          if (!reason.trim()) return setMissing(true);
          onRevoke(target.id, reason.trim());
          close();
        }}
      >
        <p>{t("partner.revokeBody")}</p>
        <TextAreaField
          label={t("partner.revokeReason")}
          name="reason"
          rows={3}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={missing ? t("partner.revokeReasonMissing") : undefined}
        />
      </ConfirmDialog>
    </details>
  );
}
